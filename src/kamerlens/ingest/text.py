"""Plain text: decode (UTF-8, else cp1252) and keep the text as it is.

Binary data that is no known format is refused here rather than read as mojibake: a file with
NUL bytes or many control characters is not a document.
"""

from __future__ import annotations

import codecs

from kamerlens.errors import IngestError
from kamerlens.ingest import RawDocument, sha256_hex

_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13))
_SAMPLE = 8192


def looks_binary(data: bytes) -> bool:
    """True for data no text editor would show as text (NUL bytes, many control characters)."""
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > max(2, len(sample) // 100)


def decode(data: bytes, source: str) -> str:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or else cp1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError("undecodable text (broken UTF-16)", source=source) from exc
    if looks_binary(data):
        raise IngestError("not a document (binary data)", source=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"undecodable text (neither UTF-8 nor cp1252, byte {exc.start})", source=source
        ) from exc


def to_text(text: str) -> str:
    """One line-end convention: ``\\n``."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def parse_text(data: bytes, source: str) -> RawDocument:
    text = to_text(decode(data, source))
    if not text.strip():
        raise IngestError("is empty (no text)", source=source)
    return RawDocument(source=source, data=data, sha256=sha256_hex(data), format="text", text=text)

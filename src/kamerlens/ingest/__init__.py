"""bytes -> RawDocument: read a file by its content (magic bytes), never by its extension.

``read(path_or_bytes)`` returns a :class:`RawDocument` holding the raw bytes, their sha256, the
detected format, the plain text in reading order and whatever metadata the structure of the
source gives (identifier, dossier, number, title, date, signer ...). Bad input raises
:class:`kamerlens.errors.IngestError` with a one-line message naming the file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from kamerlens.errors import IngestError


@dataclass(frozen=True)
class RawNote:
    """A footnote given by the structure of the source (XML); its marker sits in ``text``."""

    number: str
    text: str
    marker_start: int | None = None  # offset of the marker in RawDocument.text


@dataclass(frozen=True)
class RawDocument:
    source: str
    data: bytes
    sha256: str
    format: str  # text | pdf | docx | html | xml-kamerstuk | xml-publication | xml-metadata | vlos
    text: str  # plain text in reading order; PDF pages are separated by "\f"
    meta: dict[str, str] = field(default_factory=dict)
    notes: tuple[RawNote, ...] = ()  # footnotes lifted by the parser (structured sources)
    headings: tuple[str, ...] = ()  # section headings known from the structure
    structured: bool = False  # True when paragraphs/headings/notes come from markup, not layout
    pages: int | None = None
    # Offsets in ``text`` where a speaker label line of a debate starts ("Minister Adema:"),
    # when the layout shows it (a PDF prints the speaker's name in bold).
    labels: tuple[int, ...] = ()
    # Offsets in ``text`` of lines that open in bold or in type larger than the running text.
    strong: tuple[int, ...] = ()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# What one document may weigh before it is refused (its source bytes): extraction holds a few
# times a document's text in memory and its time grows with it, so a limit bounds what one
# document costs. The largest real Kamerstukken (a budget's PDF) stay well below it.
DEFAULT_MAX_SIZE = 64 * 1024 * 1024
_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3}
_UNITS["gb"] = 1024**3


def parse_size(text: str) -> int:
    """Bytes from "64MB", "500k", "1G" or "1048576" (units of 1024); ValueError otherwise.

    >>> parse_size("64MB"), parse_size("500k"), parse_size("123")
    (67108864, 512000, 123)
    """
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", text)
    if m is None or m.group(2).lower() not in _UNITS:
        raise ValueError(f"not a size: {text!r} (say 64MB, 500KB or a number of bytes)")
    size = int(float(m.group(1)) * _UNITS[m.group(2).lower()])
    if size <= 0:
        raise ValueError(f"not a size: {text!r} (it must be above 0)")
    return size


def size_limit() -> int:
    """The size limit in force: ``KAMERLENS_MAX_SIZE`` (what ``--max-size`` sets for a command
    and its worker processes), else :data:`DEFAULT_MAX_SIZE`."""
    import os

    value = os.environ.get("KAMERLENS_MAX_SIZE")
    if not value:
        return DEFAULT_MAX_SIZE
    try:
        return parse_size(value)
    except ValueError as exc:
        raise IngestError(str(exc), source="KAMERLENS_MAX_SIZE") from exc


def _megabytes(n: int) -> str:
    return f"{n / 1024**2:.1f} MB" if n >= 1024**2 else f"{n / 1024:.1f} KB"


def check_size(size: int, source: str, limit: int | None = None) -> None:
    """Refuse a document of ``size`` bytes over the limit, with one line naming it and its size."""
    limit = size_limit() if limit is None else limit
    if size > limit:
        raise IngestError(
            f"{_megabytes(size)} ({size:,} bytes), over the size limit of {_megabytes(limit)}"
            " (raise it with --max-size)",
            source=source,
        )


def load_bytes(source: str | Path, *, max_size: int | None = None) -> bytes:
    """Read a file (or ``-`` for standard input) with a clear error when it cannot be read or
    is over the size limit (checked before it is read)."""
    import sys

    name = str(source)
    limit = size_limit() if max_size is None else max_size
    if name == "-":
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise IngestError(
                f"over the size limit of {_megabytes(limit)} (raise it with --max-size)",
                source="<stdin>",
            )
        return data
    path = Path(name)
    if not path.exists():
        raise IngestError("no such file", source=name)
    if path.is_dir():
        raise IngestError("is a folder, not a file", source=name)
    try:
        check_size(path.stat().st_size, name, limit)
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot be read ({exc.strerror or exc})", source=name) from exc


def read(
    source: str | Path | bytes, *, name: str | None = None, max_size: int | None = None
) -> RawDocument:
    """Read one document from a path, ``-`` (stdin) or raw bytes; one over ``max_size`` bytes
    (default: :func:`size_limit`) is refused with an IngestError naming it and its size.

    >>> doc = read(b"Hierbij bied ik u het verslag aan.", name="brief.txt")
    >>> doc.format, doc.text[:7]
    ('text', 'Hierbij')
    """
    if isinstance(source, bytes):
        data, label = source, name or "<bytes>"
        check_size(len(data), label, max_size)
    else:
        label = name or ("<stdin>" if str(source) == "-" else str(source))
        data = load_bytes(source, max_size=max_size)
    from kamerlens.ingest.sniff import parse

    return parse(data, label)


__all__ = [
    "DEFAULT_MAX_SIZE",
    "RawDocument",
    "RawNote",
    "check_size",
    "load_bytes",
    "parse_size",
    "read",
    "sha256_hex",
    "size_limit",
]

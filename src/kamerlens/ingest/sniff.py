"""Detect the format of a document from its bytes and hand it to the right parser.

PLACEHOLDER: only plain UTF-8 text for now; the ingest work replaces this module.
"""

from __future__ import annotations

from kamerlens.errors import IngestError
from kamerlens.ingest import RawDocument, sha256_hex


def parse(data: bytes, source: str) -> RawDocument:
    if not data.strip():
        raise IngestError("is empty", source=source)
    text = data.decode("utf-8")
    return RawDocument(source=source, data=data, sha256=sha256_hex(data), format="text", text=text)

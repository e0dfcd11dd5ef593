"""Detect the format of a document from its bytes and hand it to the right parser.

Never by file name: "%PDF" (within the first KiB, as PDF readers allow) is a PDF; a ZIP
package holding ``word/document.xml`` is a Word document; markup whose
first element is ``<html>`` (or an HTML doctype) is HTML; other markup is XML, dispatched on its
root element by :mod:`kamerlens.ingest.xml`; anything else is text, unless it is binary.
"""

from __future__ import annotations

import re

from kamerlens.errors import IngestError
from kamerlens.ingest import RawDocument

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# Magic numbers of common non-documents, named in the error so the user knows what they gave.
_OTHER = (
    (b"PK\x03\x04", "a ZIP archive (e.g. .xlsx or .odt)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc/.xls)"),
    (b"{\\rtf", "an RTF file"),
)
_FIRST_TAG = re.compile(rb"<([A-Za-z_][\w.:-]*)")
_SKIP = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)", re.S | re.I)


def _strip_head(data: bytes) -> bytes:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: look at it as UTF-8
        head = head[: len(head) // 2 * 2].decode("utf-16", errors="ignore").encode("utf-8")
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    return head.lstrip()


def root_name(head: bytes) -> bytes | None:
    """The name of the first element after the prolog (declaration, comments, doctype)."""
    pos = 0
    while True:
        m = _SKIP.match(head, pos)
        if m is None or m.end() == pos:
            break
        pos = m.end()
    rest = head[pos:].lstrip()
    m = _FIRST_TAG.match(rest)
    return m.group(1) if m else None


def sniff(data: bytes) -> str:
    """Name the format of ``data``: pdf, docx, html, xml, text or ``other:<what>``."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        from kamerlens.ingest.docx import is_docx

        if is_docx(data):
            return "docx"
    for magic, what in _OTHER:
        if data.startswith(magic):
            return f"other:{what}"
    head = _strip_head(data)
    if head.startswith(b"<"):
        lower = head[:1024].lower()
        if lower.startswith(b"<!doctype html"):
            return "html"
        name = root_name(head)
        if name is not None and name.lower().split(b":")[-1] == b"html":
            return "html"
        if lower.startswith(b"<?xml") or name is not None:
            return "xml"
    return "text"


def parse(data: bytes, source: str) -> RawDocument:
    """Parse ``data`` (read from ``source``) into a :class:`RawDocument`."""
    if not data.strip():
        raise IngestError("is empty", source=source)
    kind = sniff(data)
    if kind.startswith("other:"):
        raise IngestError(f"not a document ({kind[6:]})", source=source)
    if kind == "pdf":
        from kamerlens.ingest.pdf import parse_pdf

        return parse_pdf(data, source)
    if kind == "docx":
        from kamerlens.ingest.docx import parse_docx

        return parse_docx(data, source)
    if kind == "html":
        from kamerlens.ingest.html import parse_html

        return parse_html(data, source)
    if kind == "xml":
        from kamerlens.ingest.xml import parse_xml

        return parse_xml(data, source)
    from kamerlens.ingest.catalogue import header, parse_catalogue

    if header(data) is not None:
        return parse_catalogue(data, source)
    from kamerlens.ingest.text import parse_text

    return parse_text(data, source)

"""PDF: text per page with pypdfium2 (PDFium), pages joined by ``\\f``.

Each page is read in reading order (:mod:`kamerlens.ingest.pdf_layout`: two columns, running
heads and footers apart, speaker labels found by their bold names). Where PDFium removed a line
break after a hyphen it writes U+FFFE; that break is put back as "-" + line end, so
normalization decides, with the same rules as for any other text, whether the hyphen splits a
word ("bondge-noten") or belongs to it ("Groot-Brittannië").
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium

from kamerlens.errors import IngestError
from kamerlens.ingest import RawDocument, sha256_hex
from kamerlens.ingest.pdf_layout import read_page


def _message(exc: Exception) -> str:
    text = str(exc)
    if "password" in text.lower() or "security" in text.lower():
        return "encrypted PDF (needs a password)"
    reason = re.search(r"PDFium: ([^)]+)", text)
    detail = reason.group(1).strip().rstrip(".").lower() if reason else text.strip()
    return f"damaged PDF ({detail or type(exc).__name__})"


def parse_pdf(data: bytes, source: str) -> RawDocument:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise IngestError(_message(exc), source=source) from exc
    try:
        pages: list[str] = []
        labels: list[int] = []
        strong: list[int] = []
        pos = 0
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                got = read_page(page)
            finally:
                page.close()
            pages.append(got.text)
            labels.extend(pos + at for at in got.labels)
            strong.extend(pos + at for at in got.strong)
            pos += len(got.text) + 1
        meta = _metadata(pdf)
    except pdfium.PdfiumError as exc:
        raise IngestError(_message(exc), source=source) from exc
    finally:
        pdf.close()
    text = "\f".join(pages)
    if not text.strip():
        raise IngestError("PDF has no text layer (scanned images?)", source=source)
    return RawDocument(
        source=source,
        data=data,
        sha256=sha256_hex(data),
        format="pdf",
        text=text,
        meta=meta,
        pages=len(pages),
        labels=tuple(labels),
        strong=tuple(strong),
    )


def _metadata(pdf: pdfium.PdfDocument) -> dict[str, str]:
    """Title, author, subject and dates from the PDF's info dictionary, when filled in."""
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    except (pdfium.PdfiumError, AttributeError):
        return {}
    names = {
        "Title": "pdf.title",
        "Author": "pdf.author",
        "Subject": "pdf.subject",
        "CreationDate": "pdf.created",
        "ModDate": "pdf.modified",
        "Keywords": "pdf.keywords",
    }
    return {names[k]: str(v).strip() for k, v in info.items() if k in names and str(v).strip()}

"""PDF: text per page through PDFium; a PDF of a letter normalizes to the words of its text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pdfmaker import make_pdf

from kamerlens.errors import IngestError
from kamerlens.ingest import read
from kamerlens.normalize import normalize

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _pages_of(text: str) -> list[tuple[list[str], list[str]]]:
    """Lay the seed out as it was printed: a new page where a line opens with a space (that is
    how the extractor marked page starts), footnote lines set small at the page bottom."""
    pages = []
    for chunk in re.split(r"\n(?= \S)", text):
        body: list[str] = []
        notes: list[str] = []
        for line in chunk.split("\n"):
            (notes if re.match(r"^\d+ Kamerstuk", line) else body).append(line.strip())
        while body and not body[-1]:
            body.pop()
        pages.append((body, notes))
    return pages


@pytest.fixture(scope="module")
def seed_pdf(seed_000: Path) -> bytes:
    return make_pdf(_pages_of(seed_000.read_text("utf-8")))


def test_pdf_text_same_words_as_text(seed_pdf, seed_000):
    from_pdf = normalize(read(seed_pdf, name="000.pdf"))
    from_text = normalize(read(seed_000))
    assert from_pdf.text.split() == from_text.text.split()
    assert [(f.number, f.text) for f in from_pdf.footnotes] == [
        (f.number, f.text) for f in from_text.footnotes
    ]
    assert from_pdf.title == from_text.title
    assert "geleverd.¹" in from_pdf.text and "Pledge.²" in from_pdf.text


def test_pdf_text_pages_and_format(seed_pdf):
    raw = read(seed_pdf, name="000.pdf")
    assert raw.format == "pdf" and raw.pages == 3
    assert raw.text.count("\f") == 2
    assert "\r" not in raw.text


@pytest.mark.parametrize(
    ("name", "phrases"),
    [
        ("besluitenlijst_example1.pdf", ["Nota van wijziging - 30569-8", "(31200 XI, nr. 65)"]),
        ("besluitenlijst_example2.pdf", ["Groot-Brittannië en Noord-Ierland", "34417-(R2068)-7"]),
        ("besluitenlijst_example4.pdf", ["Situatie drie Nederlandse militairen in Libië"]),
    ],
)
def test_pdf_text_decision_lists_readable(name, phrases):
    raw = read(EXAMPLES / "pdf" / name)
    norm = normalize(raw)
    for phrase in phrases:
        assert phrase in norm.text
    assert "\ufffe" not in norm.text


def test_pdf_text_decision_list_fields_on_own_lines():
    norm = normalize(read(EXAMPLES / "pdf" / "besluitenlijst_example1.pdf"))
    assert (
        "\nBesluit: Betrekken bij de verdere behandeling van het wetsvoorstel\nZaak:" in norm.text
    )
    assert not any(line.strip().isdigit() for line in norm.text.splitlines())  # page numbers
    assert norm.furniture[:2] == ("2", "3")


def test_pdf_text_encrypted():
    pdf = make_pdf([(["Vertrouwelijk"], [])])
    security = b"<< /Filter /Standard /V 1 /R 2 /O <" + b"41" * 32 + b"> /U <" + b"42" * 32
    security += b"> /P -44 >>"
    ids = b"[<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]"
    pdf = pdf.replace(b"trailer\n<< ", b"trailer\n<< /Encrypt " + security + b" /ID " + ids + b" ")
    with pytest.raises(IngestError, match=r"^geheim\.pdf: encrypted PDF \(needs a password\)$"):
        read(pdf, name="geheim.pdf")


@pytest.mark.parametrize("cut", [20, 300, -40])
def test_pdf_text_damaged(cut):
    pdf = (EXAMPLES / "pdf" / "besluitenlijst_example4.pdf").read_bytes()
    data = pdf[:cut] if cut > 0 else pdf[:cut] + b"garbage"
    try:
        raw = read(data, name="kapot.pdf")
    except IngestError as exc:
        assert str(exc).startswith("kapot.pdf: damaged PDF (")
        assert "\n" not in str(exc)
    else:  # PDFium repairs a lost tail (xref) by itself; then the text must still be there
        assert "Agendapunt" in raw.text


def test_pdf_text_without_text_layer():
    with pytest.raises(IngestError, match="no text layer"):
        read(make_pdf([([], [])]), name="scan.pdf")

"""The shared label vocabulary: a PDF's label line (ingest) and a turn (extract) agree."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from kamerlens.extract.turns import find_turns
from kamerlens.ingest.pdf_layout import read_page
from kamerlens.labels import is_label_line, label_re, ministries

REAL = Path(__file__).parent / "real" / "docs"

_LINES = [
    ("Minister Adema:", True),
    ("De voorzitter:", True),
    ("Mevrouw Van der Plas (BBB):", True),
    ("Kamerlid Kostić (PvdD):", True),
    ("Staatssecretaris Van der Burg:", True),
    ("Minister Hoekstra (Buitenlandse Zaken):", True),  # the ministry after the name
    ("Minister Hoekstra (CDA):", False),  # a party after a minister's name: no label
    ("Minister van Financiën:", False),  # a title heading a list of portfolios
    ("Staatssecretaris van Fiscaliteit en Belastingdienst:", False),
    ("De minister zegt:", False),  # speech quoting, no label
    ("De heer Van Campen zei:", False),
    ("Voorzitter, ik heb me bedacht:", False),
]


@pytest.mark.parametrize(("line", "label"), _LINES)
def test_labels_line_is_a_label(line: str, label: bool) -> None:
    assert is_label_line(line) is label


def test_labels_ingest_and_turns_agree_on_a_real_handelingen_pdf() -> None:
    """Every label the PDF reader marks on the pages of a real Handelingen (a bold line of the
    shared vocabulary) opens a turn where extract reads the same page."""
    pdf = pdfium.PdfDocument(REAL / "handelingen_lnv_begroting_2024_pdf.pdf")
    marked = opened = 0
    for page in pdf:
        text = read_page(page)
        starts = {t.start for t in find_turns(text.text)}
        marked += len(text.labels)
        opened += sum(off in starts for off in text.labels)
    assert marked > 100  # the debate's turns over 27 pages
    assert opened == marked


def test_labels_a_name_stays_on_its_line() -> None:
    assert label_re().match("Minister Weerwind\nDe Voorzitter:") is None
    assert label_re().match("Mevrouw Van der\nPlas (BBB):") is None


def test_labels_ministries_are_read_without_comments() -> None:
    names = ministries()
    assert "Financiën" in names and "Binnenlandse Zaken en Koninkrijksrelaties" in names
    assert not any(n.startswith("#") for n in names)

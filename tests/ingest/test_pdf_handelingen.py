"""A real Handelingen PDF (begroting LNV 2024, 27 pages in two columns) read as its published text.

The scraper's text of the same debate (``hand_lnv_begroting_2024*.txt``, line breaks removed)
is the reference: the PDF's normalized text holds its passages in the same order, no running
head or footer sits inside a sentence, every speaker label opens a line of its own, and every
item kamerlens finds in the text excerpts is found in the PDF too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kamerlens import extract
from kamerlens.ingest import RawDocument, read
from kamerlens.normalize import NormalizedText, normalize

DOCS = Path(__file__).resolve().parents[1] / "real" / "docs"
PDF = DOCS / "handelingen_lnv_begroting_2024_pdf.pdf"
EXCERPTS = ["hand_lnv_begroting_2024.txt", "hand_lnv_begroting_2024_antwoorden.txt"]
# "Minister Adema:", "De voorzitter:", "Mevrouw Van der Plas (BBB):", "Kamerlid Kostić (PvdD):"
_LABEL_LINE = re.compile(
    r"(?m)^(?:De voorzitter|Minister \w+|(?:De heer|Mevrouw|Kamerlid) [^\n():]+ \([^\n()]+\)):$"
)
_PARTY_COLON = re.compile(r"\((?:BBB|VVD|PvdD|CDA|SP|NSC|D66|PVV|SGP|Volt|ChristenUnie)\):")


@pytest.fixture(scope="module")
def raw() -> RawDocument:
    return read(PDF)


@pytest.fixture(scope="module")
def norm(raw: RawDocument) -> NormalizedText:
    return normalize(raw)


def _fold(text: str) -> str:
    # The scraper lost the space at column breaks ("datook") and kept some hyphens at them
    # ("inlei-dingen"): compare without white space and hyphens.
    return re.sub(r"[\s\-\u00ad]+", "", text)


def _in_order(excerpt: str, text: str, width: int = 150) -> tuple[int, int, int, int]:
    """(found, windows, first position, last position) of the excerpt's windows found in order."""
    pos = found = 0
    first = last = -1
    windows = range(0, len(excerpt) - width, width)
    for i in windows:
        at = text.find(excerpt[i : i + width], pos)
        if at >= 0:
            found += 1
            pos = at + width
            first = at if first < 0 else first
            last = at
    return found, len(windows), first, last


def test_pdf_handelingen_holds_the_published_text_in_order(norm):
    text = _fold(norm.text[: norm.body_end])
    ends = []
    for name in EXCERPTS:
        excerpt = _fold((DOCS / name).read_text("utf-8"))
        found, windows, first, last = _in_order(excerpt, text)
        assert windows > 100
        # the misses are the scraper's slips ("CO-uit2 stoot" for "CO2-uitstoot") and the
        # item number "4" over the title, which the PDF prints as page furniture
        assert found >= 0.97 * windows, name
        ends.append((first, last))
    assert ends[0][1] < ends[1][0]  # the minister's answers come after his introduction


def test_pdf_handelingen_no_running_head_in_the_text(raw, norm):
    body = norm.text[: norm.body_end]
    for furniture in ("TK 37", "37-4-", "Tweede Kamer Voedselkwaliteit", "1 februari 2024"):
        assert furniture not in body
    assert raw.pages == 27
    assert norm.furniture.count("TK 37") == 27
    assert norm.furniture.count("Begroting Landbouw, Natuur en") == 27
    assert [f for f in norm.furniture if f.startswith("37-4-")] == [
        f"37-4-{n}" for n in range(1, 28)
    ]
    # a sentence running over a page break goes on: the footer took nothing out of it
    assert "Onze boeren, tuinders en akkerbouwers mogen dat ook best van ons horen." in body
    assert "moeten worden meegenomen" in body  # "... in de subsidie ook de kosten van het oprui-"


def test_pdf_handelingen_speaker_labels_open_lines(raw, norm):
    body = norm.text[: norm.body_end]
    labels = _LABEL_LINE.findall(body)
    assert len(labels) == len(raw.labels) == 215
    assert labels.count("Minister Adema:") == 81 and labels.count("De voorzitter:") == 61
    assert "Kamerlid Kostić (PvdD):" in labels
    for m in _LABEL_LINE.finditer(body):
        assert m.start() == 0 or body[m.start() - 2 : m.start()] == "\n\n", m.group()
        assert body[m.end()] == "\n" and not body[m.end() + 1].isspace(), m.group()
    # no label form stands inside a line of speech
    for m in _PARTY_COLON.finditer(body):
        line_start = body.rfind("\n", 0, m.start()) + 1
        assert _LABEL_LINE.match(body, line_start), body[line_start : m.end()]
    # the chair's short questions are turns, not section headings
    assert not any(s.title.endswith(("?", "…")) for s in norm.sections)


def test_pdf_handelingen_title_and_hyphenation(norm):
    assert norm.title == "Begroting Landbouw, Natuur en Voedselkwaliteit 2024"
    body = norm.text[: norm.body_end]
    assert "\ufffe" not in body and "\x02" not in body and "\u00ad" not in body
    for word in ("boerenprotesten", "Voedselkwaliteit (XIV)", "VVD-fractie", "CO2-uitstoot"):
        assert word in body


def test_pdf_handelingen_same_items_as_its_text():
    pdf = extract(PDF)
    for name in EXCERPTS:
        text = extract(DOCS / name)
        for kind in ("amounts", "percentages", "commitments", "events", "references"):
            in_pdf = {" ".join(item.text.split()) for item in getattr(pdf, kind)}
            for item in getattr(text, kind):
                assert " ".join(item.text.split()) in in_pdf, (name, kind, item.text)

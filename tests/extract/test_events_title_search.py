"""events: a report's title is found in its text in any case (lower-case search = (?i) search)."""

from __future__ import annotations

import re

import pytest

from kamerlens.extract.events import _title_in_text
from kamerlens.extract.pipeline import Doc
from kamerlens.ingest import read
from kamerlens.normalize import normalize

TEXT = (
    "VERSLAG VAN DE NAVO-TOP\nVAN 11 EN 12 JULI 2023\n\n"
    "Hierbij zend ik u het verslag van de NAVO-top van 11 en 12 juli 2023 in Vilnius.\n\n"
    "De Raad Buitenlandse Zaken van 20 maart besprak de steun. Een Σ-teken, een ſ.\n"
)


@pytest.mark.parametrize(
    "title",
    [
        "Verslag van de NAVO-top van 11 en 12 juli 2023",
        "verslag van de navo-top",
        "Raad Buitenlandse Zaken van 20 maart",
        "Een σ-teken",
        "een ſ",
        "Niet in de tekst",
        "VAN 11 EN 12",
        "navo-top\nvan 11",
        "van",
    ],
)
def test_events_title_search_matches_ignorecase(title: str) -> None:
    raw = read(TEXT.encode("utf-8"), name="verslag.txt")
    doc = Doc(raw=raw, norm=normalize(raw))
    expected = re.search(
        r"\s+".join(re.escape(w) for w in title.split()), doc.text, re.IGNORECASE
    )
    assert _title_in_text(doc, title) == (expected.span() if expected else None)


def test_events_title_search_lower_case_path() -> None:
    raw = read(b"Verslag van de Europese Raad\n\nDe EUROPESE RAAD van juni.\n", name="v.txt")
    doc = Doc(raw=raw, norm=normalize(raw))
    found = _title_in_text(doc, "Europese Raad")
    assert found is not None and doc.text[found[0] : found[1]] == "Europese Raad"

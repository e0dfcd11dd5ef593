"""Line-end hyphens: split words are rejoined, real hyphens stay."""

from __future__ import annotations

import pytest

from kamerlens.ingest import RawDocument
from kamerlens.normalize import normalize
from kamerlens.normalize.hyphens import decide, hyphenated_words


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("hoe belangrijk het is dat we als bondge-", "noten onze", "join"),
        ("de NAVO-ministers van Buiten-", "landse Zaken", "join"),
        ("het nieuwe Strate-", "gisch Concept", "join"),
        ("Naast de eenendertig NAVO-", "bondgenoten nam", "hyphen"),  # acronym on the left
        ("bescherming van data- en energie-", "infrastructuur op zee", "hyphen"),  # e + i
        ("een auto-", "ongeluk", "hyphen"),  # o + o
        ("de Noord-", "Atlantische Raad", "hyphen"),  # capital on the right
        ("de COVID-", "19-pandemie", "hyphen"),
        ("de G7-", "landen", "hyphen"),
        ("bescherming van data-", "en energie-infrastructuur", "space"),
        ("reeds eerder in NAVO-", "en JEF-verband", "space"),
        ("in- ", "of uitvoer", "space"),
        ("de oud-", "minister", "hyphen"),
        ("de niet-", "letale steun", "hyphen"),
        ("een heel lang verhaal -", "zoals gezegd", "space"),
    ],
)
def test_hyphens_decide(left, right, expected):
    assert decide(left.rstrip(), right, frozenset()) == expected


def test_hyphens_document_evidence_keeps_compound():
    known = hyphenated_words("met verschillende Noordzee-landen binnen de NAVO")
    assert decide("samenwerking met de Noordzee-", "landen", known) == "hyphen"
    assert decide("samenwerking met de Noordzee-", "landen", frozenset()) == "join"


def _norm(text: str) -> str:
    raw = RawDocument(source="t", data=text.encode(), sha256="", format="text", text=text)
    return normalize(raw).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wij spraken met bondge-\nnoten over de steun.", "bondgenoten over"),
        ("Wij spraken met NAVO-\nbondgenoten over de steun.", "NAVO-bondgenoten over"),
        ("Steun voor data- en energie-\ninfrastructuur op zee.", "data- en energie-infrastructuur"),
        ("Nederland heeft in NAVO- \nen JEF-verband opgeroepen.", "in NAVO- en JEF-verband"),
        ("De ministers van Buiten-\f\nlandse Zaken spraken.", "ministers van Buitenlandse Zaken"),
    ],
)
def test_hyphens_in_normalized_text(text, expected):
    assert expected in _norm(text)

"""The two seed letters (PDF-extracted text) normalize into clean paragraphs with their notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerlens.ingest import read
from kamerlens.normalize import NormalizedText, normalize


@pytest.fixture(scope="module")
def seed000(seed_000: Path) -> NormalizedText:
    return normalize(read(seed_000))


@pytest.fixture(scope="module")
def seed004(seed_004: Path) -> NormalizedText:
    return normalize(read(seed_004))


def _body(norm: NormalizedText) -> str:
    return norm.text[: norm.body_end]


@pytest.mark.parametrize(
    ("number", "text", "marker_context"),
    [
        ("1", "Kamerstukken 22 054 en 36 045, nr. 390", "geleverd.¹"),
        ("2", "Kamerstuk 28 676, nr. 434", "Pledge.²"),
    ],
)
def test_normalize_seed000_footnotes_tied_to_markers(seed000, number, text, marker_context):
    note = seed000.footnotes[int(number) - 1]
    assert (note.number, note.text) == (number, text)
    assert seed000.text[note.start : note.end] == text
    assert note.marker is not None
    before = seed000.text[note.marker.end - len(marker_context) : note.marker.end]
    assert before == marker_context


def test_normalize_seed000_body_is_clean(seed000):
    body = _body(seed000)
    assert "Kamerstukken 22 054" not in body  # the note left the body
    assert "bondgenoten onze gemeenschappelijke" in body  # "bondge-" / "noten" rejoined
    assert "NAVO-bondgenoten" in body and "niet-letale" in body and "defensie-uitgaven" in body
    assert "-\n" not in body and "  " not in body
    # the paragraph broken by the page end and the footnote runs on as its own paragraph
    assert "te steunen.\n\nOp de aanstaande bijeenkomst van NAVO-Ministers" in body
    assert seed000.text[seed000.body_end :].splitlines() == [
        "1 Kamerstukken 22 054 en 36 045, nr. 390",
        "2 Kamerstuk 28 676, nr. 434",
    ]


def test_normalize_seed000_title_rejoined(seed000):
    title = "VERSLAG INFORMELE MINISTERIËLE BIJEENKOMST VAN DE NAVO VAN 31 MEI EN 1 JUNI 2023"
    assert seed000.title == title
    assert seed000.title_span is not None
    assert seed000.text[slice(*seed000.title_span)] == title
    assert "De Minister van Buitenlandse Zaken,\nW.B. Hoekstra" in seed000.text
    assert seed000.sections == ()  # no paragraph's first line mistaken for a heading


def test_normalize_seed004_footnotes(seed004):
    assert [n.number for n in seed004.footnotes] == ["1", "2"]
    first, second = seed004.footnotes
    assert first.text.startswith("Motie Valstar c.s., d.d. 17 november 2022, over binnen de Joint")
    assert first.text.endswith("Baltische Zee (Kamerstuk 36 200 X, nr. 26)")
    assert second.text.endswith("(Kamerstuk 35 925 X, nr. 22).")
    assert seed004.text[first.marker.start - 12 : first.marker.end] == "Valstar c.s.¹"
    assert seed004.text[second.marker.start - 7 : second.marker.end + 1] == "Boswijk²)"


def test_normalize_seed004_sections(seed004):
    titles = [s.title for s in seed004.sections]
    assert titles == [
        "Sessie 1 en 2: Rusland-Oekraïne",
        "Sessie 3: Strategisch Concept",
        "Sessie 4: kwetsbare landen",
        "Vitale infrastructuur",
    ]
    for section in seed004.sections:
        assert seed004.text[section.start : section.end].startswith(section.title)
        assert section.end <= seed004.body_end
    last = seed004.sections[-1]
    assert seed004.text[last.start : last.end].endswith("(n.a.v. motie van het lid Boswijk²).")


def test_normalize_seed004_title(seed004):
    title = "VERSLAG VAN DE NAVO MINISTERIËLE BIJEENKOMST VAN 29 EN 30 NOVEMBER 2022"
    assert seed004.title == title


@pytest.mark.parametrize(
    "phrase",
    [
        "NAVO-ministers van Buitenlandse Zaken",
        "nieuwe Strategisch Concept",
        "het NAVO verdragsgebied",
        "civiele infrastructuur en burgerbevolking",
        "zowel nationaal als internationaal",
        "bescherming van data- en energie-infrastructuur op zee",
        "in NAVO- en JEF-verband",
        "verschillende Noordzee-landen",
        "Noordzee- landen",
        "Ook gaf Nederland aan grote waarde",
        "grenzen van het verdragsgebied",
    ],
)
def test_normalize_seed004_words_rejoined(seed004, phrase):
    assert phrase in seed004.text


def test_normalize_seed004_paragraph_ends_at_short_sentence_line(seed004):
    assert "burgerbevolking.\n\nOekraïne deed een dringend beroep" in seed004.text
    assert "internationaal.\n\nBondgenoten onderschreven" in seed004.text

"""Dates as real Kamer documents write them: PDF text and OCR that glue a date's parts, and a
period that began before the writing. Each shown on a real document of the evaluation set's dev
part (``tests/real/docs``) and on a variant."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerlens.extract import extract

REAL = Path(__file__).resolve().parent.parent / "real" / "docs"


def _days(text: str) -> list[tuple[str | None, str]]:
    record = extract(text.encode(), name="t.txt")
    return [(d.start_date, d.text) for d in record.dates]


def test_dates_real_forms_month_glued_to_its_year() -> None:
    # "(ABRS 2 oktober2024, ECLI:NL:RVS:2024:3946)": the PDF text lost the space
    record = extract(REAL / "ah_bzk_mijnbouwschade_drenthe.txt")
    glued = [d for d in record.dates if d.text == "2 oktober2024"]
    assert [d.start_date for d in glued] == ["2024-10-02"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Den Haag, 10april 1992\nAan de Voorzitter", [("1992-04-10", "10april 1992")]),
        ("De uitspraak van 5 maart2021 is bekend.", [("2021-03-05", "5 maart2021")]),
        ("Het rapport verscheen in juni2022 bij de Raad.", [("2022-06", "juni2022")]),
        # a footnote number glued to the year: "15 februari 20225" is 15 February 2022
        ("In de brief van 15 februari 20225, met de antwoorden", [("2022-02-15",
                                                                   "15 februari 2022")]),
    ],
)
def test_dates_real_forms_glued_variants(text: str, expected: list[tuple[str, str]]) -> None:
    assert _days(text) == expected


def test_dates_real_forms_glued_footnote_in_a_real_letter() -> None:
    record = extract(REAL / "kb_ienw_emissies_luchtvaart.txt")  # "Op 24 juni 202214 heeft"
    assert ("2022-06-24", "24 juni 2022") in [(d.start_date, d.text) for d in record.dates]


def test_dates_real_forms_a_month_word_still_needs_its_edge() -> None:
    assert _days("De maartse buien en de meiboom.") == []


def test_dates_real_forms_since_lies_before_the_writing() -> None:
    # VLOS minutes of 2 July 2025: "ook sinds 7 oktober in Israël" lies before the debate
    record = extract(REAL / "vlos_mivd_2025.xml")
    since = [d for d in record.dates if d.text.lower().startswith("sinds ")]
    assert since and all((d.start_date or "") <= (record.document.date or "") for d in since)
    head = "Datum 2 juli 2025\nBetreft Voortgang\n\n"
    letter = extract((head + "Sinds 7 oktober is de dreiging groter.").encode(), name="b.txt")
    assert [(d.start_date, d.relation) for d in letter.dates if d.start >= len(head)] == [
        ("2024-10-07", "past")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # GUIDELINES.md counts "09/10": a day and month in figures, after a word that opens a date
        ("De vergadering van 09/10 is verzet.", [("2023-10-09", "09/10")]),
        ("Op 12-10 is het zover.", [("2023-10-12", "12-10")]),
        ("Vanaf 01/07 geldt de regeling.", [("2023-07-01", "Vanaf 01/07")]),
        ("Het loket is 24/7 open voor 1/3 van de leden.", []),
        ("Het overleg is van 10-12 uur.", []),
        ("De uitslag was 10-12 en 12/13.", []),
    ],
)
def test_dates_real_forms_day_and_month_in_figures(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    head = "Datum 5 juni 2023\nBetreft Voortgang\n\n"
    record = extract((head + sentence).encode(), name="b.txt")
    assert [(d.start_date, d.text) for d in record.dates if d.start >= len(head)] == expected

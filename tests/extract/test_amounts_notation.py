"""Number notations next to a currency: a year in front of the sign, spaces between thousands."""

from __future__ import annotations

import pytest

from kamerlens.extract import extract


def _money(passage: str) -> list[tuple[float, str]]:
    record = extract(passage.encode("utf-8"), name="passage.txt")
    return [(a.value, a.text) for a in record.amounts]


@pytest.mark.parametrize(
    ("passage", "value", "text"),
    [
        ("Provincies ontvangen in 2025 € 40 mln voor natuurherstel.", 40e6, "€ 40 mln"),
        ("De bijdrage bedraagt in 2023 EUR 310 miljoen.", 310e6, "EUR 310 miljoen"),
        ("Het kabinet trekt vanaf 2027 € 1,5 miljard uit voor de zorg.", 1.5e9, "€ 1,5 miljard"),
        ("Voor waterschappen is per 2026 € 3 miljard gereserveerd.", 3e9, "€ 3 miljard"),
        ("In de jaren tot en met 2028 € 75 mln extra voor de politie.", 75e6, "€ 75 mln"),
    ],
)
def test_amounts_notation_year_before_the_sign_is_no_amount(
    passage: str, value: float, text: str
) -> None:
    assert _money(passage) == [(pytest.approx(value), text)]


@pytest.mark.parametrize(
    ("passage", "value", "text"),
    [
        ("De gemeente ontvangt een bijdrage van € 1 250 000 voor de sloop.", 1_250_000,
         "€ 1 250 000"),
        ("Het gemiddelde spaartegoed bedroeg 31 450 euro per huishouden.", 31_450, "31 450 euro"),
        ("De boete is maximaal EUR 20 500 per overtreding.", 20_500, "EUR 20 500"),
        ("De subsidie bedraagt € 2 400 000,50 in totaal.", 2_400_000.5, "€ 2 400 000,50"),
    ],
)
def test_amounts_notation_space_groups_thousands(passage: str, value: float, text: str) -> None:
    assert _money(passage) == [(pytest.approx(value), text)]


@pytest.mark.parametrize(
    ("passage", "expected"),
    [
        # No currency next to it: a Kamerstuk number, two numbers, a count.
        ("Zie Kamerstuk 31 322, nr. 512 en het verslag.", []),
        ("In 2024 waren er 12 500 aanvragen.", []),
        # A group of four digits after the space is no thousands group: only "500 euro".
        ("In 2023 1500 euro per persoon.", [(1500.0, "1500 euro")]),
        # A line break never groups thousands.
        ("Bijlage 12\n500 euro per maand.", [(500.0, "500 euro")]),
    ],
)
def test_amounts_notation_spaced_numbers_need_the_currency(
    passage: str, expected: list[tuple[float, str]]
) -> None:
    assert _money(passage) == expected


# The florin sign glued to its number, as old typesetting prints it; an ASCII "f" glued to a
# number is no sum ("f4" is as often a footnote or a code).
@pytest.mark.parametrize(
    ("passage", "expected"),
    [
        ("De kosten bedragen ƒ4.500.000 in 1991.", [(4.5e6, "ƒ4.500.000")]),
        ("Het tekort loopt op tot ƒ4,5 miljoen per jaar.", [(4.5e6, "ƒ4,5 miljoen")]),
        ("Zie de tabel in bijlage f4 voor de cijfers.", []),
    ],
)
def test_amounts_notation_florin_sign_glued(
    passage: str, expected: list[tuple[float, str]]
) -> None:
    assert _money(passage) == [(pytest.approx(v), t) for v, t in expected]

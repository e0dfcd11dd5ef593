"""Money in every notation Dutch government prose uses, and what is not money."""

from __future__ import annotations

import pytest

from kamerlens.extract import extract


def _money(passage: str) -> list[tuple[float, str, str]]:
    record = extract(passage.encode("utf-8"), name="passage.txt")
    return [(a.value, a.currency, a.text) for a in record.amounts]


@pytest.mark.parametrize(
    ("passage", "value", "currency", "text"),
    [
        ("Nederland heeft EUR 1,6 miljard aan steun geleverd.", 1.6e9, "EUR", "EUR 1,6 miljard"),
        ("Het kabinet trekt € 25 mln uit voor herstel.", 25e6, "EUR", "€ 25 mln"),
        ("Er is €25,5 mln. beschikbaar gesteld.", 25.5e6, "EUR", "€25,5 mln."),
        ("Aan de stichting is EUR 1.600.000 verstrekt.", 1.6e6, "EUR", "EUR 1.600.000"),
        ("Het kabinet stelt 200 miljoen euro beschikbaar.", 2e8, "EUR", "200 miljoen euro"),
        ("Daarvoor is 1,2 mld euro gereserveerd.", 1.2e9, "EUR", "1,2 mld euro"),
        ("De regering investeert € 3 miljard in defensie.", 3e9, "EUR", "€ 3 miljard"),
        ("Het gaat om ruim € 40 miljoen per jaar.", 4e7, "EUR", "€ 40 miljoen"),
        ("Burgers ontvangen een tegemoetkoming van duizend euro.", 1000.0, "EUR", "duizend euro"),
        ("Voor de pilot is € 0,5 miljoen nodig.", 5e5, "EUR", "€ 0,5 miljoen"),
        ("De VS leveren 2,5 miljard dollar aan wapens.", 2.5e9, "USD", "2,5 miljard dollar"),
        ("Het Verenigd Koninkrijk draagt £ 3 miljard bij.", 3e9, "GBP", "£ 3 miljard"),
        ("De lening bedraagt USD 5 miljard.", 5e9, "USD", "USD 5 miljard"),
        ("Het kost € 50,- per aanvraag.", 50.0, "EUR", "€ 50,-"),
        ("Er gaat twee miljard euro naar de regio.", 2e9, "EUR", "twee miljard euro"),
        ("Het fonds groeit tot anderhalf miljard euro.", 1.5e9, "EUR", "anderhalf miljard euro"),
        ("Op de munt staat «5 EURO».", 5.0, "EUR", "5 EURO"),
        ("De Staat ontvangt € 1.000.000,00 aan boetes.", 1e6, "EUR", "€ 1.000.000,00"),
        ("Wereldwijd is USD 100 billion toegezegd.", 1e11, "USD", "USD 100 billion"),
    ],
)
def test_amounts_values_notations(passage: str, value: float, currency: str, text: str) -> None:
    assert _money(passage) == [(pytest.approx(value), currency, text)]


@pytest.mark.parametrize(
    "passage",
    [
        "Zie Kamerstuk 28 676, nr. 434 en Kamerstukken II 2020/21, 35 570-IX, nr. 14.",
        "In 2024 groeien de defensie-uitgaven naar 2% van het BBP.",
        "Ongeveer 2000 militairen nemen deel aan de oefening.",
        "Het gaat om honderden miljoenen euro's aan schade.",
        "Tabel 1 Uitgaven (x € 1.000) per artikel",
        "Bedragen x € 1 miljoen: 2023 2024 2025 12,5 13,0 14,2.",
        "De Europeanen en de Europese Unie steunen het voorstel.",
    ],
)
def test_amounts_values_not_money(passage: str) -> None:
    assert _money(passage) == []


def test_amounts_values_range_is_one_sum_from_its_lower_end() -> None:
    # a range is one sum: its lower end is the value (real/GUIDELINES.md), its upper end kept
    record = extract("De kosten bedragen € 10 à 20 miljoen per jaar.".encode(), name="r.txt")
    assert [(a.value, a.bound, a.upper, a.text) for a in record.amounts] == [
        (1e7, "min", 2e7, "€ 10 à 20 miljoen"),
    ]


def test_amounts_values_range_written_in_full() -> None:
    record = extract(
        "De herstelkosten worden geraamd op € 1,2 miljard tot € 1,9 miljard.".encode(),
        name="r.txt",
    )
    assert [(a.value, a.bound, a.upper) for a in record.amounts] == [(1.2e9, "min", 1.9e9)]


@pytest.mark.parametrize(
    ("sentence", "sums"),
    [
        # a change by or from one sum to another: two sums
        ("De begroting stijgt met € 1,2 mld tot € 15,6 mld.", [(1.2e9, None), (1.56e10, None)]),
        ("Het budget daalt van € 2 miljard tot € 1,5 mld.", [(2e9, None), (1.5e9, None)]),
        ("Het tarief stijgt met € 5 tot € 80 per jaar.", [(5.0, None), (80.0, None)]),
        # an estimate between two ends, or one scale for both: one range
        ("De kosten worden geraamd op € 1,2 miljard tot € 1,9 miljard.", [(1.2e9, 1.9e9)]),
        ("Het budget wordt verhoogd met € 5 tot € 10 miljoen.", [(5e6, 1e7)]),
    ],
)
def test_amounts_values_change_is_two_sums_a_range_is_one(
    sentence: str, sums: list[tuple[float, float | None]]
) -> None:
    record = extract(sentence.encode(), name="r.txt")
    assert [(a.value, a.upper) for a in record.amounts] == sums


def test_amounts_values_suffix_range() -> None:
    record = extract(b"Dit kost de sector 30 tot 50 miljoen euro.", name="r.txt")
    assert [(a.value, a.upper) for a in record.amounts] == [(3e7, 5e7)]


def test_amounts_values_spans_point_into_the_text(seed_000, seed_004) -> None:  # noqa: ANN001
    for path in (seed_000, seed_004):
        record = extract(path)
        assert record.amounts
        for amount in record.amounts:
            assert record.text[amount.start:amount.end] == amount.text

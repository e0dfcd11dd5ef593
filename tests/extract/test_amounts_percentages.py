"""Percentages and targets, and what they are a share of."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerlens.extract import extract


def _percentages(passage: str) -> list[tuple[float, str | None]]:
    record = extract(passage.encode("utf-8"), name="passage.txt")
    return [(p.value, p.of) for p in record.percentages]


@pytest.mark.parametrize(
    ("passage", "expected"),
    [
        ("Bondgenoten streven naar 2% van het BBP in 2024.", [(2.0, "BBP")]),
        ("Het aandeel stijgt met 20 procent.", [(20.0, None)]),
        ("Nederland geeft 0,7 procent van het bni aan ontwikkelingshulp.", [(0.7, "bni")]),
        ("Ongeveer 30% van de aanvragen komt van huurders.", [(30.0, "aanvragen")]),
        ("Gemeenten dragen 50% van de kosten zelf.", [(50.0, "kosten")]),
        ("De rente bedraagt 2,5 procent.", [(2.5, None)]),
        ("Het doel dat we hebben is 90%.", [(90.0, None)]),
        ("Het aantal daalt met ten minste 15 procent.", [(15.0, None)]),
        ("Het gaat om 10 à 15 procent van de kosten.", [(10.0, "kosten"), (15.0, "kosten")]),
        ("Het 2%-doel blijft overeind.", [(2.0, None)]),
    ],
)
def test_amounts_percentages_values(passage: str, expected: list[tuple[float, str | None]]) -> None:
    assert _percentages(passage) == expected


@pytest.mark.parametrize(
    "passage",
    [
        "De werkloosheid steeg met 0,5 procentpunt.",
        "Zie Kamerstuk 36 200 X, nr. 26.",
        "Het budget is € 20 miljoen.",
    ],
)
def test_amounts_percentages_none(passage: str) -> None:
    assert _percentages(passage) == []


def test_amounts_percentages_seed_000_targets(seed_000: Path) -> None:
    record = extract(seed_000)
    (gdp, investment) = record.percentages
    assert (gdp.value, gdp.of) == (2.0, "BBP")
    assert investment.value == 20.0
    assert investment.of is not None and investment.of.startswith("investeringen")
    # targets are not money
    assert {a.value for a in record.amounts} == {1.6e9, 1e8}


@pytest.mark.parametrize(
    ("passage", "of"),
    [
        # The share ends where the predicate starts: an adverb, a negation, a verb.
        ("Bij 25% van de huisartsenpraktijken is tijdelijk geen vervanging beschikbaar.",
         "huisartsenpraktijken"),
        ("Uit de monitor blijkt dat 30 procent van de studenten geen aanvullende beurs krijgt.",
         "studenten"),
        ("Ongeveer 12% van de ondernemers vaak te laat betaalt.", "ondernemers"),
        ("Circa 40% van de aanvragen waarschijnlijk wordt afgewezen.", "aanvragen"),
        # An adjective in front of the noun stays: it follows an article or is inflected.
        ("Ruim 20% van de financieel kwetsbare huishoudens heeft achterstanden.",
         "financieel kwetsbare huishoudens"),
        ("Zo'n 15% van de sociaal zwakkere gezinnen heeft schulden.",
         "sociaal zwakkere gezinnen"),
    ],
)
def test_amounts_percentages_share_is_a_noun_phrase(passage: str, of: str) -> None:
    assert _percentages(passage)[0][1] == of

"""Positions: the auxiliary and its verb agree ("heeft gesteund", "zal steunen"; never "heeft ...
te ondersteunen"), "ondersteunen" is not "steunen", a stance in one adjective ("is terughoudend
over", "is geen voorstander van", negation kept), and a second stance joined by "en"."""

from __future__ import annotations

import pytest

from kamerlens.extract import extract


def stances(text: str) -> list[tuple[str, str, str | None]]:
    record = extract(f"Datum 14 maart 2024\n\n{text}\n".encode(), name="verslag.txt")
    return [(p.actor, p.verb, p.lemma) for p in record.positions]


@pytest.mark.parametrize(
    ("passage", "expected"),
    [
        (
            "Het kabinet is terughoudend over een verdere inzet van de crisisreserve.",
            [("het kabinet", "is terughoudend over", "terughoudend zijn")],
        ),
        (
            "Nederland is kritisch ten aanzien van het voorstel voor een nieuw fonds.",
            [("Nederland", "is kritisch ten aanzien van", "kritisch zijn")],
        ),
        (
            "Het kabinet is niet positief over de voorgestelde planning.",
            [("het kabinet", "is niet positief over", "positief zijn")],
        ),
        (
            "Het kabinet is geen voorstander van een verplichte quotering.",
            [("het kabinet", "is geen voorstander van", "voorstander zijn")],
        ),
        (
            "Het kabinet staat kritisch tegenover de uitbreiding van het mandaat.",
            [("het kabinet", "staat kritisch tegenover", "staan tegenover")],
        ),
        (
            "Nederland is voorstander van het voorstel en hecht eraan dat snel een akkoord "
            "wordt bereikt.",
            [
                ("Nederland", "is voorstander van", "voorstander zijn"),
                ("Nederland", "hecht eraan", "belang hechten"),
            ],
        ),
        (
            "Nederland heeft het belang van handhaving benadrukt en riep de Commissie op de "
            "lidstaten daarbij te ondersteunen.",
            [
                ("Nederland", "heeft benadrukt", "benadrukken"),
                ("Nederland", "riep op", "oproepen"),
            ],
        ),
        (
            "Nederland heeft het compromisvoorstel gesteund.",
            [("Nederland", "heeft gesteund", "steunen")],
        ),
        ("Het kabinet zal het voorstel steunen.", [("het kabinet", "zal steunen", "steunen")]),
    ],
)
def test_positions_stances_found(passage: str, expected: list[tuple[str, str, str]]) -> None:
    assert stances(passage) == expected


@pytest.mark.parametrize(
    "passage",
    [
        # a decision; the infinitive belongs to "uit te trekken om ... te"
        "Het kabinet heeft bij Prinsjesdag besloten structureel € 1,2 miljard uit te trekken om de "
        "koopkracht van huishoudens te ondersteunen.",
        "Het kabinet zal de komende jaren extra middelen vrijmaken om gemeenten te steunen.",
        # help given, not a stance
        "Nederland ondersteunt Oekraïne met de levering van generatoren.",
        "Nederland heeft de Commissie ondersteund bij de uitwerking.",
        # a passive, not a stance
        "Het kabinet is negatief geadviseerd door de Raad van State.",
    ],
)
def test_positions_stances_not(passage: str) -> None:
    assert stances(passage) == []

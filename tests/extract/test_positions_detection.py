"""Positions of the Netherlands: subject, verb as written (and its lemma), statement."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerlens.extract import extract
from kamerlens.models import Position

LETTERS = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "letters"  # written ones


def positions_of(text: str) -> list[Position]:
    return list(extract(text.encode("utf-8"), name="verslag.txt").positions)


@pytest.mark.parametrize(
    ("passage", "actor", "verb", "lemma"),
    [
        (
            "Nederland benadrukte dat de steun aan Oekraïne onverminderd moet doorgaan.",
            "Nederland",
            "benadrukte",
            "benadrukken",
        ),
        (
            "Nederland riep hiernaast op om ook capaciteitsopbouw aan te bieden.",
            "Nederland",
            "riep op",
            "oproepen",
        ),
        (
            "Daarom sprak Nederland steun uit voor een intensivering van het pakket.",
            "Nederland",
            "sprak steun uit",
            "steun uitspreken",
        ),
        (
            "Nederland heeft aangegeven afspraken over meerjarige financiering te steunen.",
            "Nederland",
            "heeft aangegeven",
            "aangeven",
        ),
        (
            "Nederland, op dit moment een van de grootste donoren met een bijdrage van EUR 25 "
            "miljoen, "
            "onderstreepte het belang van het fonds.",
            "Nederland",
            "onderstreepte",
            "onderstrepen",
        ),
        (
            "Ook gaf Nederland aan grote waarde te hechten aan samenwerking met de Indo-Pacific.",
            "Nederland",
            "gaf aan",
            "aangeven",
        ),
        (
            "Nederland zet in op een grotere rol van de NAVO bij de bescherming van "
            "infrastructuur.",
            "Nederland",
            "zet in op",
            "inzetten op",
        ),
        ("Nederland pleit voor een centrale rol van de EU.", "Nederland", "pleit voor", "pleiten"),
        (
            "Nederland acht het van belang dat de EU en de NAVO kennis delen.",
            "Nederland",
            "acht het van belang",
            "van belang achten",
        ),
        (
            "Ook wil Nederland de samenwerking met de Noordzeelanden versterken.",
            "Nederland",
            "wil",
            "willen",
        ),
        (
            "Nederland heeft daarbij aandacht gevraagd voor het belang van draagvlak.",
            "Nederland",
            "heeft aandacht gevraagd",
            "aandacht vragen",
        ),
        (
            "Het kabinet zet zich in voor een sterke rechtsstaat in de Unie.",
            "het kabinet",
            "zet zich in",
            "zich inzetten",
        ),
        (
            "Het kabinet verwelkomt dat de Raad overeenstemming heeft bereikt.",
            "het kabinet",
            "verwelkomt",
            "verwelkomen",
        ),
        (
            "Nederland is geen voorstander van gemeenschappelijke schulduitgifte.",
            "Nederland",
            "is geen voorstander van",
            "voorstander zijn",
        ),
        (
            "Nederland zal er bij de uitwerking op aandringen dat de middelen worden gekoppeld.",
            "Nederland",
            "zal aandringen",
            "aandringen op",
        ),
        (
            "Tijdens de Raad benadrukte Nederland het belang van sancties.",
            "Nederland",
            "benadrukte",
            "benadrukken",
        ),
        (
            "Ook in Europees verband vraagt Nederland aandacht voor goede afstemming.",
            "Nederland",
            "vraagt aandacht voor",
            "aandacht vragen",
        ),
        ("De regering steunt het voorstel van de Commissie.", "de regering", "steunt", "steunen"),
        (
            "Nederland kan instemmen met de Raadsconclusies.",
            "Nederland",
            "kan instemmen met",
            "instemmen",
        ),
        (
            "Nederland heeft zich in de Raad uitgesproken tegen verdere uitbreiding.",
            "Nederland",
            "heeft zich uitgesproken",
            "zich uitspreken",
        ),
        ("Nederland stemde tegen.", "Nederland", "stemde tegen", "tegenstemmen"),
        ("Nederland onthield zich van stemming.", "Nederland", "onthield zich", "zich onthouden"),
        (
            "Het kabinet is van mening dat de regels eenvoudiger moeten.",
            "het kabinet",
            "is van mening",
            "van mening zijn",
        ),
        (
            "Het kabinet vindt het belangrijk dat gemeenten voldoende middelen krijgen.",
            "het kabinet",
            "vindt het belangrijk",
            "belangrijk vinden",
        ),
        (
            "Het kabinet staat positief tegenover het voorstel van de Commissie.",
            "het kabinet",
            "staat positief tegenover",
            "staan tegenover",
        ),
        (
            "Het kabinet kan zich vinden in de voorgestelde aanpak.",
            "het kabinet",
            "kan zich vinden in",
            "zich kunnen vinden in",
        ),
        ("Nederland zal hier niet mee instemmen.", "Nederland", "zal niet instemmen", "instemmen"),
        (
            "Nederland en Frankrijk pleitten voor een gezamenlijke aanpak.",
            "Nederland",
            "pleitten voor",
            "pleiten",
        ),
        (
            "Samen met Duitsland heeft Nederland opgeroepen tot de-escalatie.",
            "Nederland",
            "heeft opgeroepen",
            "oproepen",
        ),
        (
            "Het Nederlandse kabinet steunt het initiatief.",
            "het Nederlandse kabinet",
            "steunt",
            "steunen",
        ),
    ],
)
def test_positions_detection_finds_the_netherlands(
    passage: str, actor: str, verb: str, lemma: str
) -> None:
    (found,) = positions_of(passage)
    assert (found.actor, found.verb, found.lemma) == (actor, verb, lemma)
    assert found.text == passage


@pytest.mark.parametrize(
    "passage",
    [
        "Duitsland pleit voor een centrale rol van de EU.",
        "De Commissie benadrukte het belang van de rechtsstaat.",
        "Tot slot spraken bondgenoten, waaronder Nederland, de hoop uit op snelle toetreding.",
        "Oekraïne riep de bondgenoten op de steun voort te zetten.",
        "Nederland heeft inmiddels meer dan EUR 1,6 miljard aan militaire steun geleverd.",
        "Nederland heeft in een eerder stadium EUR 100 miljoen steun toegezegd aan het fonds.",
        "Nederland geeft EUR 10 miljoen aan Oekraïne.",
        "Nederland zet troepen in voor de missie.",
        "Bedrijven in Nederland pleiten voor minder regels.",
        "Veel landen, zoals Nederland, steunen het voorstel.",
        "Deelt u de mening dat Nederland moet pleiten voor strengere regels?",
        "verzoekt de regering zich in te zetten voor een verbod,",
        "De Kamer roept de regering op om de steun te verhogen.",
        "In Caribisch Nederland steunt de lokale overheid het plan.",
        "Het kabinet heeft besloten de subsidie te verlengen.",
        "Nederland moet pleiten voor een verbod op deze stoffen.",
        "Nederland zou het voorstel steunen als de kosten eerlijk worden verdeeld.",
        "In Nederland vindt men dat belangrijk.",
        "De Commissie, gesteund door Nederland, pleitte voor uitstel.",
    ],
)
def test_positions_detection_ignores_others(passage: str) -> None:
    assert positions_of(passage) == []


def test_positions_detection_two_verbs_of_one_subject() -> None:
    text = (
        "Nederland hecht groot belang aan de bescherming van de rechtsstaat in de Unie en "
        "benadrukt "
        "dat de Raad de procedure voortvarend moet voortzetten."
    )
    record = extract(text.encode(), name="agenda.txt")
    first, second = record.positions
    assert (first.verb, second.verb) == ("hecht groot belang aan", "benadrukt")
    assert first.text.endswith("in de Unie")
    assert second.text.startswith("benadrukt dat de Raad")
    assert record.text[second.start : second.end] == second.text


def test_positions_detection_seeds(seed_000: Path, seed_004: Path) -> None:
    assert [p.verb for p in extract(seed_000).positions] == [
        "benadrukte",
        "riep op",
        "sprak steun uit",
        "heeft aangegeven",
    ]
    # "... acht het van belang dat ... en zet zich daar ook actief voor in": two verbs, one subject
    assert [p.verb for p in extract(seed_004).positions] == [
        "heeft aandacht gevraagd",
        "onderstreepte",
        "onderstreepte",
        "gaf aan",
        "zet in op",
        "pleit voor",
        "acht het van belang",
        "zet zich in",
        "wil",
    ]


def test_positions_detection_geannoteerde_agenda() -> None:
    found = extract(LETTERS / "dev_geannoteerde_agenda.txt").positions
    assert [p.verb for p in found] == [
        "steunt",
        "verwelkomt",
        "zal aandringen",
        "zet in op",
        "is geen voorstander van",
        "hecht groot belang aan",
        "benadrukt",
        "roept op",
        "onderschrijft",
        "zal zich inzetten",
    ]

"""Meetings as real letters name them: councils, summits, ministerial meetings, debates."""

from __future__ import annotations

import pytest

from kamerlens.extract import extract

HEAD = "Datum 8 maart 2024\nBetreft Geannoteerde agenda\n\n"


def _events(body: str) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    record = extract((HEAD + body).encode("utf-8"), name="brief.txt")
    return [(e.name, e.place, e.start_date, e.end_date, e.relation) for e in record.events]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Hierbij bied ik u de agenda aan voor de Raad Buitenlandse Zaken op 18 maart.",
         ("Raad Buitenlandse Zaken", None, "2024-03-18", "2024-03-18", "upcoming")),
        ("De Europese Raad van 21 en 22 maart spreekt over Oekraïne.",
         ("Europese Raad", None, "2024-03-21", "2024-03-22", "upcoming")),
        ("Het verslag van de informele Raad Algemene Zaken van 30 januari jl. in Brussel volgt.",
         ("informele Raad Algemene Zaken", "Brussel", "2024-01-30", "2024-01-30", "past")),
        ("De Ecofinraad van 12 maart bespreekt de begrotingsregels.",
         ("Ecofinraad", None, "2024-03-12", "2024-03-12", "upcoming")),
        ("De Ecofinraad van 12 maart besprak de begrotingsregels.",
         ("Ecofinraad", None, "2023-03-12", "2023-03-12", "past")),
        ("Tijdens de JBZ-Raad van 4 en 5 maart is gesproken over migratie.",
         ("JBZ-Raad", None, "2024-03-04", "2024-03-05", "past")),
        ("De Landbouw- en Visserijraad van 26 maart bespreekt de mestregels.",
         ("Landbouw- en Visserijraad", None, "2024-03-26", "2024-03-26", "upcoming")),
        ("Op de VN-Klimaattop (COP28) in Dubai is afgesproken fossiele brandstoffen uit te "
         "faseren.", ("VN-Klimaattop", "Dubai", None, None, None)),
        ("Tijdens de NAVO-Top in juli in Washington wordt het 75-jarig bestaan gevierd.",
         ("NAVO-Top", "Washington", "2024-07", "2024-07", "upcoming")),
        ("De G20-top in Rio de Janeiro vindt plaats in november.",
         ("G20-top", "Rio de Janeiro", "2024-11", "2024-11", "upcoming")),
        ("Tijdens het commissiedebat Water van 14 december 2023 heb ik dat toegezegd.",
         ("commissiedebat Water", None, "2023-12-14", "2023-12-14", "past")),
        ("In het notaoverleg van 4 maart is dit besproken.",
         ("notaoverleg", None, "2024-03-04", "2024-03-04", "past")),
        ("De donorconferentie in Parijs op 26 februari leverde toezeggingen op.",
         ("donorconferentie", "Parijs", "2024-02-26", "2024-02-26", "past")),
    ],
)
def test_events_forms_one_meeting(body: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert _events(body) == [expected]


def test_events_forms_same_council_twice_is_one_event() -> None:
    found = _events("De Raad Algemene Zaken (RAZ) van 19 maart 2024 bereidt de top voor. "
                    "De RAZ spreekt ook over uitbreiding.")
    assert found == [("Raad Algemene Zaken", None, "2024-03-19", "2024-03-19", "upcoming")]


def test_events_forms_same_name_other_date_is_another_event() -> None:
    found = _events("De Europese Raad van 21 en 22 maart volgt op de Europese Raad van "
                    "december 2023.")
    assert [(f[0], f[2]) for f in found] == [("Europese Raad", "2024-03-21"),
                                             ("Europese Raad", "2023-12")]


def test_events_forms_leading_date_attaches() -> None:
    found = _events("Op 31 januari vond een informele bijeenkomst van de EU-ministers van "
                    "Defensie plaats in Brussel.")
    assert found == [("informele bijeenkomst van de EU-ministers van Defensie", "Brussel",
                      "2024-01-31", "2024-01-31", "past")]


@pytest.mark.parametrize(
    "body",
    [
        "Ik sta bovenaan de lijst: de top van de organisatie is vernieuwd.",
        "Agenderen voor algemeen overleg politie.",
        "In overleg met de gemeenten wordt een plan gemaakt.",
        "En marge van de bijeenkomst sprak ik met collega's.",
        "De Minister van Buitenlandse Zaken stuurt de stukken.",
    ],
)
def test_events_forms_no_meeting(body: str) -> None:
    assert _events(body) == []


def test_events_forms_summit_family_name_is_stable() -> None:
    """Written "NAVO-Top" twice and "NAVO Top" once: a bare "Top" takes the commoner form,
    the same in every run (never the order of a set)."""
    body = ("De NAVO-Top in Vilnius vond plaats in juli 2023. De NAVO Top in Madrid volgde op "
            "de NAVO-Top in Brussel. De Top in Wales in 2014 was de eerste.")
    names = [e.name for e in extract((HEAD + body).encode(), name="b.txt").events]
    assert names.count("NAVO-Top") >= 2
    assert [e for e in extract((HEAD + body).encode(), name="b.txt").events
            if e.place == "Wales"][0].name == "NAVO-Top"

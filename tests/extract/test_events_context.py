"""A meeting's date and place taken from around its name: before it ("Op 14 en 15 december
vindt in Brussel de Europese Raad plaats"), after a subject ("Het commissiedebat X is gepland
op ..."), and not from a meeting that a debate is about."""

from __future__ import annotations

import pytest

from kamerlens.extract import extract

HEAD = "Datum 8 maart 2024\nBetreft Stand van zaken\n\n"


def _events(body: str, head: str = HEAD) -> list[tuple[str, str | None, str | None, str | None]]:
    record = extract((head + body).encode("utf-8"), name="brief.txt")
    return [(e.name, e.place, e.start_date, e.end_date) for e in record.events]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Van 3 tot en met 14 juni vindt in Bonn de klimaatconferentie SB60 plaats.",
         [("klimaatconferentie SB60", "Bonn", "2024-06-03", "2024-06-14")]),
        ("Van 11 tot en met 22 november 2024 vindt in Bakoe de VN-klimaatconferentie COP29 "
         "plaats.", [("VN-klimaatconferentie COP29", "Bakoe", "2024-11-11", "2024-11-22")]),
        ("Op 21 en 22 maart a.s. vindt in Brussel de Europese Raad plaats.",
         [("Europese Raad", "Brussel", "2024-03-21", "2024-03-22")]),
        ("Op 9 april komt in Luxemburg de Raad Algemene Zaken bijeen.",
         [("Raad Algemene Zaken", "Luxemburg", "2024-04-09", "2024-04-09")]),
        ("Op 15 mei vindt de informele Milieuraad plaats.",
         [("informele Milieuraad", None, "2024-05-15", "2024-05-15")]),
    ],
)
def test_events_context_date_and_place_before_the_name(body: str, expected: list) -> None:  # type: ignore[type-arg]
    assert _events(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Het commissiedebat jeugdbescherming is gepland op 17 april 2024.",
         [("commissiedebat jeugdbescherming", None, "2024-04-17", "2024-04-17")]),
        ("Het notaoverleg over de Omgevingswet staat gepland op 22 mei.",
         [("notaoverleg over de Omgevingswet", None, "2024-05-22", "2024-05-22")]),
        # A debate titled after a council is one event, dated by the date after the title.
        ("In het commissiedebat Raad Algemene Zaken van 6 maart jl. heb ik dat toegezegd.",
         [("commissiedebat Raad Algemene Zaken", None, "2024-03-06", "2024-03-06")]),
    ],
)
def test_events_context_debate_subject_then_date(body: str, expected: list) -> None:  # type: ignore[type-arg]
    assert _events(body) == expected


def test_events_context_debate_about_a_meeting_does_not_take_its_date() -> None:
    """"het debat over de NAVO-Top van 9 en 10 juli": the dates are the summit's."""
    events = _events("Vandaag voeren wij het debat over de NAVO-Top van 9 en 10 juli in "
                     "Washington.")
    assert ("NAVO-Top", "Washington", "2024-07-09", "2024-07-10") in events
    assert all(e[2] is None for e in events if e[0].startswith("debat"))


def test_events_context_europese_top_is_the_european_council() -> None:
    events = _events("Aan de orde is het debat over de Europese Top van 21 en 22 maart. "
                     "Deze Europese Raad gaat over de uitbreiding.")
    assert events == [("Europese Top", None, "2024-03-21", "2024-03-22")]


@pytest.mark.parametrize(
    "body",
    [
        # A dossier heading of a Kamerstuk names the dossier, not a meeting.
        "Tweede Kamer der Staten-Generaal\nVergaderjaar 2023–2024\n\n21 501-02 Raad "
        "Algemene Zaken en Raad Buitenlandse Zaken\n\nNr. 2801 BRIEF VAN DE MINISTER\n\n"
        "Hierbij bied ik u de agenda aan.",
        "36 410 XV Vaststelling van de begrotingsstaten\n\nNr. 12 BRIEF VAN DE MINISTER\n\n"
        "Hierbij informeer ik u over de Europese Raad.",
        # A date in the clause that belongs to something else.
        "Op 4 maart sprak ik met mijn collega over de Europese Raad.",
    ],
)
def test_events_context_no_dated_meeting(body: str) -> None:
    assert all(start is None for _, _, start, _ in _events(body, head=""))


def test_events_context_debate_title_then_dat_is_gepland_op() -> None:
    """In a decision list: the date is the debate's, not the council's in its title."""
    events = _events("Besluit: Agenderen voor het algemeen overleg Eurogroep/Ecofinraad dat is "
                     "gepland op donderdag 14 maart 2024.")
    assert events == [("algemeen overleg Eurogroep/Ecofinraad", None, "2024-03-14", "2024-03-14")]


def test_events_context_numbered_conference_merges_with_its_code() -> None:
    body = ("Van 2 tot en met 13 december 2024 vindt in Dubai de klimaatconferentie COP28 "
            "plaats. De inzet voor de COP28 volgt.")
    record = extract((HEAD + body).encode(), name="b.txt")
    (event,) = record.events
    assert (event.name, event.place, event.start_date, len(event.mentions)) == (
        "klimaatconferentie COP28", "Dubai", "2024-12-02", 2)

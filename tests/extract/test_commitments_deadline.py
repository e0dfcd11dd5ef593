"""Commitments: the deadline as written, and as "YYYY-MM-DD" or "YYYY-MM" where resolvable."""

from __future__ import annotations

import pytest

from kamerlens.extract import extract
from kamerlens.extract.commitments import commitments
from kamerlens.extract.pipeline import Doc
from kamerlens.extract.sentences import split
from kamerlens.ingest import read
from kamerlens.models import DateMention, Event
from kamerlens.normalize import normalize


def letter(body: str, date: str = "12 april 2024") -> bytes:
    return (
        f"Datum {date}\nBetreft Voortgang\n\n{body}\n\n"
        "De Minister van Binnenlandse Zaken en Koninkrijksrelaties,\n\nJ. de Vries\n"
    ).encode()


@pytest.mark.parametrize(
    ("sentence", "deadline_text", "deadline"),
    [
        ("Ik zal uw Kamer voor de zomer informeren.", "voor de zomer", "2024-07"),
        ("Ik zal uw Kamer voor het zomerreces informeren.", "voor het zomerreces", "2024-07"),
        (
            "Ik streef ernaar uw Kamer voor het einde van het jaar te informeren.",
            "voor het einde van het jaar",
            "2024-12-31",
        ),
        (
            "Ik zal uw Kamer in het eerste kwartaal van 2025 informeren.",
            "in het eerste kwartaal van 2025",
            "2025-03-31",
        ),
        (
            "Ik zal uw Kamer uiterlijk 1 juni 2024 per brief informeren.",
            "uiterlijk 1 juni 2024",
            "2024-06-01",
        ),
        ("Uw Kamer ontvangt de brief voor 1 juli.", "voor 1 juli", "2024-07-01"),
        ("Ik zal uw Kamer in het najaar van 2024 informeren.", "in het najaar van 2024", "2024-12"),
        ("Ik zal uw Kamer dit najaar informeren.", "dit najaar", "2024-12"),
        ("Deze zomer stuur ik u een brief.", "Deze zomer", "2024-08"),
        (
            "De Minister van Financiën zal uw Kamer bij de Voorjaarsnota 2025 informeren.",
            "bij de Voorjaarsnota 2025",
            "2025-06",
        ),
        ("Ik zal uw Kamer voor Prinsjesdag informeren.", "voor Prinsjesdag", "2024-09-17"),
        ("Ik zal uw Kamer zo snel mogelijk informeren.", "zo snel mogelijk", None),
        ("Ik zal uw Kamer binnenkort informeren.", "binnenkort", None),
        ("Ik zal uw Kamer informeren.", None, None),
    ],
)
def test_commitments_deadline_resolves_phrases(
    sentence: str, deadline_text: str | None, deadline: str | None
) -> None:
    (found,) = extract(letter(sentence), name="brief.txt").commitments
    assert found.deadline_text == deadline_text
    assert found.deadline == deadline


def test_commitments_deadline_summer_after_summer_is_next_year() -> None:
    body = "Ik zal uw Kamer voor de zomer informeren over de uitkomsten."
    (found,) = extract(letter(body, "14 oktober 2024"), name="brief.txt").commitments
    assert found.deadline == "2025-07"


def test_commitments_deadline_day_without_year_lies_ahead_of_the_letter() -> None:
    body = "Tijdens de aanstaande Raad op 12 december zal ik aandacht vragen voor de rechtsstaat."
    (found,) = extract(letter(body, "1 december 2022"), name="brief.txt").commitments
    assert found.deadline == "2022-12-12"
    assert found.deadline_text == "Tijdens de aanstaande Raad op 12 december"


def _doc(text: str, date: str | None) -> Doc:
    raw = read(text.encode(), name="brief.txt")
    doc = Doc(raw=raw, norm=normalize(raw))
    doc.sentences = split(doc.text)
    if date:
        doc.info["date"] = date
        doc.info["date_estimated"] = True
    return doc


def _event(
    doc: Doc, phrase: str, name: str, place: str | None, start_date: str, relation: str
) -> Event:
    start = doc.text.index(phrase)
    return Event(name, place, start_date, None, relation, phrase, start, start + len(phrase))  # type: ignore[arg-type]


def test_commitments_deadline_from_the_named_meeting() -> None:
    text = (
        "De uitspraken van de Top in Boekarest in 2008 gelden onverminderd. Conform verzoek van de "
        "vaste commissie voor Defensie zal het kabinet uw Kamer tijdig voorafgaand aan de NAVO-Top "
        "in Vilnius informeren over de Nederlandse inzet."
    )
    doc = _doc(text, "2023-06-05")
    doc.results["events"] = [
        _event(doc, "Top in Boekarest in 2008", "NAVO-Top", "Boekarest", "2008", "past"),
    ]
    commitments(doc)
    (found,) = doc.results["commitments"]
    assert found.deadline_text == "tijdig voorafgaand aan de NAVO-Top in Vilnius"
    assert found.deadline is None  # the meeting's date is not known
    doc.results["events"].append(
        _event(doc, "NAVO-Top in Vilnius", "NAVO-Top", "Vilnius", "2023-07", "upcoming")
    )
    commitments(doc)
    (found,) = doc.results["commitments"]
    assert found.deadline == "2023-07"
    assert found.requested_by == "vaste commissie voor Defensie"


def test_commitments_deadline_from_a_meeting_named_elsewhere() -> None:
    text = (
        "De Europese Raad van 21 en 22 maart bereidt het besluit voor. Ik zal uw Kamer voorafgaand "
        "aan de Europese Raad informeren over de inzet."
    )
    doc = _doc(text, "2024-03-08")
    doc.results["events"] = [
        _event(
            doc, "Europese Raad van 21 en 22 maart", "Europese Raad", None, "2024-03-21", "upcoming"
        )
    ]
    commitments(doc)
    (found,) = doc.results["commitments"]
    assert found.deadline == "2024-03-21"


def test_commitments_deadline_prefers_the_dates_component() -> None:
    text = "Ik zal uw Kamer op 12 december informeren over de uitkomst."
    doc = _doc(text, "2022-12-01")
    at = text.index("12 december")
    doc.results["dates"] = [
        DateMention("2022-12-12", None, "12 december", at, at + len("12 december"), True)
    ]
    commitments(doc)
    (found,) = doc.results["commitments"]
    assert found.deadline == "2022-12-12"


def test_commitments_deadline_without_a_document_date_stays_text() -> None:
    doc = _doc("Ik zal uw Kamer voor de zomer informeren.", None)
    commitments(doc)
    (found,) = doc.results["commitments"]
    assert (found.deadline_text, found.deadline) == ("voor de zomer", None)


# A vague part of a year is registered at its end, as the Kamer's toezeggingenregistratie does:
# "begin" is the first quarter, "medio" the first half.
@pytest.mark.parametrize(
    ("sentence", "deadline_text", "deadline"),
    [
        ("Ik verwacht uw Kamer begin 2025 te informeren.", "begin 2025", "2025-03"),
        ("Ik zal uw Kamer medio 2025 informeren over de pilots.", "medio 2025", "2025-06"),
        ("Ik stuur uw Kamer voor medio 2025 het rapport.", "voor medio 2025", "2025-06"),
        ("Ik zal uw Kamer begin volgend jaar informeren.", "begin volgend jaar", "2025-03"),
        ("Medio volgend jaar zal ik de evaluatie sturen.", "Medio volgend jaar", "2025-06"),
        ("Ik zal de Kamer eind 2025 informeren over de evaluatie.", "eind 2025", "2025-12-31"),
        # a bare year says too little for a deadline date
        ("Ik zal de Kamer in 2025 informeren over de evaluatie.", "in 2025", None),
    ],
)
def test_commitments_deadline_part_of_a_year(
    sentence: str, deadline_text: str, deadline: str | None
) -> None:
    (found,) = extract(letter(sentence), name="brief.txt").commitments
    assert (found.deadline_text, found.deadline) == (deadline_text, deadline)


@pytest.mark.parametrize(
    ("body", "deadline_text", "deadline"),
    [
        # the debate named in the sentence before
        (
            "Het commissiedebat Klimaat en Energie is gepland op 10 december. Ik zal uw Kamer "
            "voor dit debat informeren over de stand van zaken.",
            "voor dit debat",
            "2024-12-10",
        ),
        (
            "De Raad Buitenlandse Zaken vindt plaats op 18 november. Voor de Raad zal ik uw Kamer "
            "informeren over de inzet.",
            "Voor de Raad",
            "2024-11-18",
        ),
        # a past debate is not the one a promise looks ahead to
        (
            "Het commissiedebat Wonen vond plaats op 10 maart 2024. Ik zal uw Kamer voor het "
            "debat informeren.",
            "voor het debat",
            None,
        ),
        (
            "De Europese Raad van 21 en 22 maart jl. besprak de uitbreiding. Ik zal uw Kamer voor "
            "de Europese Raad informeren over de inzet.",
            "voor de Europese Raad",
            None,
        ),
        # two Councils named: "de Raad" is not resolved
        (
            "De Raad Buitenlandse Zaken vindt plaats op 18 november en de Raad Algemene Zaken op "
            "19 november. Ik zal uw Kamer voor de Raad informeren over de inzet.",
            "voor de Raad",
            None,
        ),
        # a phrase with a name of its own does not borrow another meeting's date
        (
            "De Raad Algemene Zaken vindt plaats op 18 juni. Ik zal uw Kamer voor de Raad "
            "Buitenlandse Zaken informeren.",
            "voor de Raad Buitenlandse Zaken",
            None,
        ),
        # nothing named before: text only
        ("Ik zal uw Kamer voor het debat informeren.", "voor het debat", None),
    ],
)
def test_commitments_deadline_points_back_to_a_meeting(
    body: str, deadline_text: str, deadline: str | None
) -> None:
    found = extract(letter(body), name="brief.txt").commitments
    assert [(c.deadline_text, c.deadline) for c in found] == [(deadline_text, deadline)]


@pytest.mark.parametrize(
    ("body", "deadline_text", "deadline"),
    [
        (
            "De informele Raad Concurrentievermogen vindt plaats op 20 en 21 mei in Brussel. De "
            "geannoteerde agenda ontvangt uw Kamer uiterlijk een week voor aanvang.",
            "uiterlijk een week voor aanvang",
            "2024-05-13",
        ),
        (
            "Ik zal uw Kamer twee weken voor het commissiedebat van 5 februari 2025 informeren.",
            "twee weken voor het commissiedebat van 5 februari 2025",
            "2025-01-22",
        ),
        (
            "Het commissiedebat Klimaat is gepland op 10 december. Ik stuur uw Kamer uiterlijk "
            "drie werkdagen voor het debat de stukken.",
            "uiterlijk drie werkdagen voor het debat",
            "2024-12-05",
        ),
        # the meeting's month only: the deadline is that month
        (
            "De Europese Raad vindt plaats in juni 2024. Uw Kamer ontvangt de geannoteerde agenda "
            "een week voor aanvang van de Europese Raad.",
            "een week voor aanvang van de Europese Raad",
            "2024-06",
        ),
        # no meeting known: text only
        (
            "Uw Kamer ontvangt de geannoteerde agenda uiterlijk een week voor aanvang.",
            "uiterlijk een week voor aanvang",
            None,
        ),
    ],
)
def test_commitments_deadline_before_a_meeting(
    body: str, deadline_text: str, deadline: str | None
) -> None:
    found = extract(letter(body), name="brief.txt").commitments
    assert [(c.deadline_text, c.deadline) for c in found] == [(deadline_text, deadline)]


@pytest.mark.parametrize(
    ("body", "deadlines"),
    [
        # the past debate where the promise was made is no deadline; the summer is
        (
            "Zoals toegezegd tijdens het commissiedebat van 7 maart jl. zal ik uw Kamer voor de "
            "zomer informeren over de uitkomst.",
            [("voor de zomer", "2024-07")],
        ),
        # a past time does not make a present tense a promise
        ("Tijdens het commissiedebat van 7 maart jl. informeer ik uw Kamer over de uitkomst.", []),
        ("Op 3 februari 2024 stuur ik uw Kamer de evaluatie.", []),
        # a promise restated with its own (overdue) date keeps that date
        (
            "Ik zal uw Kamer uiterlijk 1 februari 2024 informeren over de evaluatie.",
            [("uiterlijk 1 februari 2024", "2024-02-01")],
        ),
    ],
)
def test_commitments_deadline_never_in_the_past(
    body: str, deadlines: list[tuple[str, str]]
) -> None:
    found = extract(letter(body), name="brief.txt").commitments
    assert [(c.deadline_text, c.deadline) for c in found] == deadlines


def _agenda(subject: str, promise: str) -> bytes:
    return (
        f"Datum 12 april 2024\nBetreft Geannoteerde agenda {subject}\n\n"
        "De bondgenoten bespreken de steun aan Oekraïne. Ook de defensie-uitgaven staan op de "
        f"agenda.\n\nDe ministers spreken over de partnerschappen.\n\n{promise}\n"
    ).encode()


@pytest.mark.parametrize(
    ("subject", "promise", "deadline"),
    [
        # the one upcoming summit of the document, named only in its heading
        (
            "NAVO-top van 9 tot en met 11 juli 2024",
            "Ik zal uw Kamer voor de Top informeren over de Nederlandse inzet.",
            "2024-07-09",
        ),
        # two Councils ahead: "voor de Raad" stays text
        (
            "Raad Algemene Zaken van 21 mei 2024 en Raad Buitenlandse Zaken van 27 mei 2024",
            "Ik zal uw Kamer voor de Raad informeren over de Nederlandse inzet.",
            None,
        ),
    ],
)
def test_commitments_deadline_the_documents_one_meeting(
    subject: str, promise: str, deadline: str | None
) -> None:
    (found,) = extract(_agenda(subject, promise), name="brief.txt").commitments
    assert found.deadline == deadline

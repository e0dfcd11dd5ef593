"""Answers to Kamervragen in Aanhangsel form: dated by the answer, titled by the questions,
identified by the KOOP identifier printed at the foot."""

from __future__ import annotations

import pytest

from kamerlens.extract import extract

AANHANGSEL = """TK
Aanhangsel van de Handelingen
Vragen gesteld door de leden der Kamer, met de daarop door de
regering gegeven antwoorden
2023-2024

2087
Vragen van de leden Bikker (ChristenUnie) en Ellian (VVD) aan de Minister van
Justitie en Veiligheid over de opvang van slachtoffers van mensenhandel
(ingezonden 2 april 2024).

Antwoord van Minister Yeşilgöz-Zegerius (Justitie en Veiligheid) (ontvangen
13 mei 2024). Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1954.

Vraag 1
Bent u bekend met het rapport «Slachtoffers mensenhandel vaak te laat in beeld»
van de Nationaal Rapporteur?1

Antwoord 1
Ja.

Vraag 2
Hoeveel opvangplaatsen voor slachtoffers zijn er op dit moment beschikbaar?

Antwoord 2
Er zijn op dit moment 112 plaatsen beschikbaar in de categorale opvang.

1 Nationaal Rapporteur Mensenhandel, 28 maart 2024

ah-tk-20232024-2087
ISSN 0921 - 7398
's-Gravenhage 2024 Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1
"""


@pytest.fixture(scope="module")
def answers():  # type: ignore[no-untyped-def]
    return extract(AANHANGSEL.encode(), name="upload.txt")


def test_document_answers_dated_by_the_answer(answers):
    assert answers.document.date == "2024-05-13"  # "ontvangen", not "ingezonden"


def test_document_answers_identifier_from_the_foot(answers):
    assert answers.document.identifier == "ah-tk-20232024-2087"
    assert answers.document.kind == "antwoorden op Kamervragen"


def test_document_answers_title_from_the_questions(answers):
    assert answers.document.title == (
        "Vragen van de leden Bikker (ChristenUnie) en Ellian (VVD) aan de Minister van "
        "Justitie en Veiligheid over de opvang van slachtoffers van mensenhandel"
    )


def test_document_answers_number_line_is_no_section(answers):
    assert [s.title for s in answers.sections][:2] == ["Vraag 1", "Antwoord 1"]
    assert "2087" not in [s.title for s in answers.sections]


def test_document_answers_signer_from_the_answer_line(answers):
    signer = answers.document.signer
    assert (signer.name, signer.role) == (
        "Yeşilgöz-Zegerius",
        "Minister van Justitie en Veiligheid",
    )


@pytest.mark.parametrize(
    ("line", "role"),
    [
        (
            "Antwoord van Minister Van Ark (Medische Zorg) (ontvangen 4 juni 2021).",
            "Minister voor Medische Zorg",
        ),
        (
            "Antwoord van Staatssecretaris Van Rij (Financiën) (ontvangen 4 juni 2023).",
            "Staatssecretaris van Financiën",
        ),
        (
            "Antwoord van minister Hoekstra (Buitenlandse Zaken) (ontvangen 3 juli 2023).",
            "Minister van Buitenlandse Zaken",
        ),
    ],
)
def test_document_answers_role_of_the_answering_minister(line, role):
    question = "Vraag 1\nKlopt het bericht dat de wachttijden zijn opgelopen?\n\nAntwoord 1\nJa.\n"
    text = f"{line}\n\n{question}"
    assert extract(text.encode(), name="x.txt").document.signer.role == role


def test_document_answers_questions_only_dated_when_sent_in():
    text = (
        "Vragen van het lid Kostić (PvdD) aan de Minister van Landbouw, Natuur en\n"
        "Voedselkwaliteit over de gevolgen van vogelgriep (ingezonden 8 februari 2024).\n\n"
        "1\nBent u bekend met het bericht over de nieuwe uitbraak van vogelgriep in Friesland?\n"
    )
    doc = extract(text.encode(), name="x.txt").document
    assert doc.date == "2024-02-08"
    assert doc.title == (
        "Vragen van het lid Kostić (PvdD) aan de Minister van Landbouw, Natuur en "
        "Voedselkwaliteit over de gevolgen van vogelgriep"
    )

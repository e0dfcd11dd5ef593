"""Footnote markers after closing punctuation, and notes that stop before a question heading."""

from __future__ import annotations

import pytest

from kamerlens.ingest import RawDocument
from kamerlens.normalize import NormalizedText, normalize


def _norm(text: str) -> NormalizedText:
    return normalize(RawDocument(source="t", data=b"", sha256="", format="text", text=text))


@pytest.mark.parametrize(
    ("sentence", "marked"),
    [
        ("Bent u bekend met het bericht «Wachtlijsten in de jeugdzorg lopen verder op»?1", "op»?¹"),
        ("Bent u bekend met het rapport van de Nationale ombudsman?1", "ombudsman?¹"),
        ("De werkloosheid bedroeg in het derde kwartaal van 2023 3,6%.1", "3,6%.¹"),
        ("Dit is eerder toegezegd (Kamerstuk 31 839, nr. 980).1", "980).¹"),
        ("De sector moet vanaf 2025 een voorraad van vier weken aanhouden.1", "aanhouden.¹"),
        ("Het college noemt dit een „structureel tekort”.1", "tekort”.¹"),
    ],
)
def test_footnotes_marker_after_punctuation(sentence, marked):
    text = (
        f"{sentence}\nDaarover zal ik uw Kamer later informeren.\n\n1 Kamerstuk 29 538, nr. 345\n"
    )
    norm = _norm(text)
    assert [(n.number, n.text) for n in norm.footnotes] == [("1", "Kamerstuk 29 538, nr. 345")]
    note = norm.footnotes[0]
    assert note.marker is not None
    assert norm.text[note.marker.end - len(marked) : note.marker.end] == marked
    assert "Kamerstuk 29 538" not in norm.text[: norm.body_end]


@pytest.mark.parametrize(
    "text",
    [
        "Het aantal meldingen steeg in 2021 met 12 procent.\n",  # a year, no marker
        "De bijdrage is vastgesteld op 1,5%.\n1 januari 2025 is de ingangsdatum.\n",
    ],
)
def test_footnotes_no_marker_no_note(text):
    assert _norm(text).footnotes == ()


ANSWERS = """Antwoord van Minister Van Ark (Medische Zorg) (ontvangen 14 april 2023).

Vraag 2
Heeft u kennisgenomen van het artikel «Wachtlijsten in de jeugdzorg lopen verder op»?1

Antwoord 2
Ja.

1 Trouw, 3 maart 2023, «Wachtlijsten in de jeugdzorg lopen verder op», met een analyse van
de cijfers over de wachttijden in de jeugdzorg in de vier grote steden van de afgelopen twee
Vraag 3
Welke maatregelen neemt u om de wachttijden te verkorten?

Antwoord 3
Ik heb met de gemeenten afgesproken dat zij de regionale samenwerking versterken.
"""


def test_footnotes_note_stops_at_question_heading():
    norm = _norm(ANSWERS)
    assert len(norm.footnotes) == 1
    assert "Vraag 3" not in norm.footnotes[0].text
    assert norm.footnotes[0].text.endswith("van de afgelopen twee")
    titles = [s.title for s in norm.sections]
    assert titles == ["Vraag 2", "Antwoord 2", "Vraag 3", "Antwoord 3"]


def test_footnotes_bare_number_is_no_section():
    text = (
        "Aanhangsel van de Handelingen\n\n2087\n"
        "Vragen van het lid Bikker (ChristenUnie) aan de Minister van Justitie en Veiligheid\n"
        "over de opvang van slachtoffers van mensenhandel (ingezonden 2 mei 2024).\n\n"
        "Vraag 1\nBent u bekend met het bericht «Slachtoffers mensenhandel vaak te laat in beeld»?"
        "\n\nAntwoord 1\nJa.\n"
    )
    assert [s.title for s in _norm(text).sections] == ["Vraag 1", "Antwoord 1"]

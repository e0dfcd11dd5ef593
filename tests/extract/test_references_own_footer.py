"""References: an Aanhangsel's own identity and running footer are no references."""

from __future__ import annotations

import pytest

from kamerlens.extract import extract

HEAD = (
    "ah-tk-20232024-1507\n"
    "Tweede Kamer der Staten-Generaal                Aanhangsel van de Handelingen\n"
    "Vergaderjaar 2023–2024\n\n"
    "1507\n"
    "Vragen van het lid Jansen (PVV) aan de Minister van Infrastructuur en Waterstaat over "
    "vertragingen op het spoor (ingezonden 2 februari 2024).\n\n"
    "Antwoord van Minister Harbers (ontvangen 28 februari 2024).\n\n"
    "Vraag 1\nBent u bekend met het bericht?\n\nAntwoord 1\nJa.\n\n"
)


@pytest.mark.parametrize(
    "footer",
    [
        "ah-tk-20232024-1507\nISSN 0921 - 7398\n's-Gravenhage 2024\n"
        "Aanhangsel Handelingen II 2023/24                                      1\n",
        "Aanhangsel Handelingen II 2023/24 1507\n",
    ],
)
def test_references_own_footer_is_skipped(footer: str) -> None:
    text = HEAD + footer + "\nVraag 2\nKunt u dat toelichten?\n\nAntwoord 2\nNee.\n"
    refs = extract(text.encode(), name="ah.txt").references
    assert [r for r in refs if r.kind == "aanhangsel"] == []


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        # a citation of another Aanhangsel in prose stays, also on its own line
        ("Zie ook Aanhangsel Handelingen II 2023/24, nr. 640.", "640"),
        ("Zie ook\nAanhangsel Handelingen II 2023/24, nr. 911\n", "911"),
    ],
)
def test_references_own_footer_keeps_other_aanhangsels(sentence: str, number: str) -> None:
    text = HEAD + "Vraag 2\nKunt u dat toelichten?\n\nAntwoord 2\n" + sentence + "\n"
    refs = extract(text.encode(), name="ah.txt").references
    assert [r.number for r in refs if r.kind == "aanhangsel"] == [number]

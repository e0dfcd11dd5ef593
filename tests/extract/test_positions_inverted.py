"""Positions: an adverb-first main clause puts the verb before the subject."""

from __future__ import annotations

import pytest

from kamerlens.extract import extract


def letter(sentence: str) -> bytes:
    return (
        f"Datum 12 april 2024\nBetreft Inzet\n\n{sentence}\n\n"
        "De Minister van Financiën,\n\nJ. de Vries\n"
    ).encode()


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Daarnaast dringt Nederland aan op een sobere begroting.", "dringt aan op"),
        ("Tegelijk dringt Nederland aan op een sobere begroting.", "dringt aan op"),
        ("Wel pleit Nederland voor een snelle afronding van de onderhandelingen.", "pleit voor"),
        ("Tevens steunt Nederland het voorstel van de Commissie.", "steunt"),
        ("Daarentegen steunt Nederland de verlenging van de sancties.", "steunt"),
        ("Inmiddels pleit Nederland voor een gezamenlijke aanpak.", "pleit voor"),
    ],
)
def test_positions_inverted_after_adverb(sentence: str, verb: str) -> None:
    (found,) = extract(letter(sentence), name="brief.txt").positions
    assert found.actor == "Nederland"
    assert found.verb == verb


@pytest.mark.parametrize(
    "sentence",
    [
        # another country with the Netherlands as object
        "Frankrijk steunt Nederland in de onderhandelingen.",
        # a question, not a position
        "Steunt Nederland het voorstel van de Commissie?",
        "Tegelijk dringen andere lidstaten aan op een hogere begroting.",
    ],
)
def test_positions_inverted_not_a_position(sentence: str) -> None:
    assert list(extract(letter(sentence), name="brief.txt").positions) == []

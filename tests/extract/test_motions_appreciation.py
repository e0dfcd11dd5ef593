"""The government's appreciation of motions in real debates (counted by hand from the text), the
chair stating the outcome, later statements overriding earlier ones; and what is no
appreciation: amendments, a motion not yet filed, members' words, conditions, negations."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from kamerlens.extract import extract
from kamerlens.models import Motion, Record

REAL = Path(__file__).parents[1] / "real" / "docs"
OK, NO, HELD = "oordeel Kamer", "ontraden", "aangehouden"

# every motion of the two debates and the appreciation the text gives it, read by hand
APPRECIATIE = {
    38: NO, 39: OK, 40: OK, 41: NO, 42: OK, 43: OK, 44: None, 45: OK, 46: OK, 47: HELD, 48: NO,
    49: NO, 50: OK, 51: HELD, 52: OK, 53: NO, 54: NO, 55: OK, 56: NO, 57: OK, 58: OK, 59: OK,
    60: NO, 61: NO, 62: NO, 63: OK, 64: NO, 65: NO, 66: NO, 67: NO, 68: OK, 69: NO, 70: OK,
    71: HELD, 72: HELD,
}  # fmt: skip
ENERGIERAAD = {905: NO, 906: OK, 907: OK, 908: OK, 909: NO, 910: None, 911: OK, 912: OK}


@cache
def _record(name: str) -> Record:
    return extract(REAL / name)


def _numbered(name: str) -> dict[int, Motion]:
    return {int(m.number): m for m in _record(name).motions if m.number}


def _debate(body: str) -> list[Motion]:
    return list(extract(body.encode(), name="handelingen.txt").motions)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("hand_jenv_begroting_2024_appreciatie.txt", APPRECIATIE),
        ("hand_parlamint_energieraad_2022.txt", ENERGIERAAD),
    ],
)
def test_motions_appreciation_of_every_motion_in_a_real_debate(
    name: str, expected: dict[int, str | None]
) -> None:
    found = _numbered(name)
    assert {n: found[n].appreciation for n in expected} == expected


@pytest.mark.parametrize(
    ("name", "number", "words"),
    [
        # "De motie op stuk nr. 42: oordeel Kamer."
        ("hand_jenv_begroting_2024_appreciatie.txt", 42, "oordeel Kamer"),
        # "Dan ga ik naar de motie op stuk nr. 59. Oordeel Kamer."
        ("hand_jenv_begroting_2024_appreciatie.txt", 59, "Oordeel Kamer"),
        # "De motie op stuk nr. 48 ontraad ik. ... de motie als zodanig wordt ontraden."
        ("hand_jenv_begroting_2024_appreciatie.txt", 48, "ontraden"),
        # the chair: "Op verzoek van mevrouw Mutluer stel ik voor haar motie (...) aan te houden."
        ("hand_jenv_begroting_2024_appreciatie.txt", 47,
         "stel ik voor haar motie (36410-VI, nr. 47) aan te houden"),
        # "Ik moet deze motie ontraden"
        ("hand_parlamint_energieraad_2022.txt", 905, "ontraden"),
    ],
)  # fmt: skip
def test_motions_appreciation_span_holds_the_words(name: str, number: int, words: str) -> None:
    m = _numbered(name)[number]
    assert m.appreciation_span is not None
    span = m.appreciation_span
    assert _record(name).text[span.start : span.end] == words


def test_motions_appreciation_later_statement_overrides() -> None:
    # minister: "Ik moet de motie eigenlijk ontraden" - chair: "Dan is bij dezen de motie-Aardema
    # op stuk nr. 38 aangehouden." - Aardema changes his mind - chair: "Dan is de motie op stuk
    # nr. 38 bij dezen ontraden."
    record = _record("hand_jenv_begroting_2024_appreciatie.txt")
    m = _numbered("hand_jenv_begroting_2024_appreciatie.txt")[38]
    assert m.appreciation == NO and m.appreciation_span is not None
    said = record.text[m.appreciation_span.start - 40 : m.appreciation_span.end]
    assert said.endswith("de motie op stuk nr. 38 bij dezen ontraden")


def test_motions_appreciation_none_for_amendments_and_a_motion_not_filed() -> None:
    # "Daarom zou ik dit amendement moeten ontraden", "Vanuit begrotingsregels moet ik helaas
    # zeggen: ontraden" (an amendment), "... vertaalt in een motie die vraagt ..., kan ik nu al
    # verklappen dat ik die motie oordeel Kamer kan geven" (not filed): the motie-Van
    # Weyenberg/Dijkgraaf named before in the same turn gets none of them
    motions = _record("hand_jenv_begroting_2024_tweede_termijn.txt").motions
    assert [m.appreciation for m in motions] == [None] * len(motions)


MINUTES = (
    "De voorzitter: Het woord is aan de minister. "
    "Minister Jetten: Dan de motie-Boucke op stuk nr. 911. {minister} "
    "De voorzitter: {chair} Mevrouw Kröger (GroenLinks): {member} Minister Jetten: Dank u."
)


@pytest.mark.parametrize(
    ("minister", "chair", "member", "value"),
    [
        ("Die motie neem ik graag over.", "Dank u.", "Fijn.", "overgenomen"),
        ("Ik kan de motie overnemen.", "Dank u.", "Fijn.", "overgenomen"),
        ("Ik vind deze motie ontijdig.", "Dank u.", "Goed.", "ontijdig"),
        ("Die laat ik over aan het oordeel van de Kamer.", "Dank u.", "Goed.", "oordeel Kamer"),
        ("Ik ontraad de motie-Boucke.", "Dank u.", "Goed.", "ontraden"),
        # the chair states the outcome
        ("Ik vraag de heer Boucke om 'm aan te houden.", "De heer Boucke houdt 'm aan.", "Goed.",
         "aangehouden"),
        ("Die geef ik oordeel Kamer.", "De motie-Boucke (21501-33, nr. 911) is ingetrokken.",
         "Goed.", "ingetrokken"),
        # what a member says is no appreciation; a question is none; a negation is none
        ("Die geef ik oordeel Kamer.", "Dank u.", "Ik begrijp dat u de motie ontraadt.",
         "oordeel Kamer"),
        ("Ik vraag om aanhouding, anders ontraden.", "De heer Boucke houdt 'm niet aan.",
         "Goed.", "ontraden"),
        ("Die geef ik oordeel Kamer.", "Dan wordt de motie ontraden, hè?", "Goed.",
         "oordeel Kamer"),
        # a condition of the words themselves is none; the main clause after it is
        ("Als ik een 'oordeel Kamer' geef, motiveer ik niet. Ik moet 'm ontraden.", "Dank u.",
         "Goed.", "ontraden"),
        ("Als ik die ruimte mag nemen, dan kan ik deze motie oordeel Kamer geven.", "Dank u.",
         "Goed.", "oordeel Kamer"),
        ("Dat is een mooi doel.", "Dank u.", "Goed.", None),
    ],
)  # fmt: skip
def test_motions_appreciation_forms(
    minister: str, chair: str, member: str, value: str | None
) -> None:
    text = MINUTES.format(minister=minister, chair=chair, member=member)
    (motion,) = [m for m in _debate(text) if m.number == "911"]
    assert motion.appreciation == value


def test_motions_appreciation_number_given_by_the_chair_in_the_turn_before() -> None:
    # "Ik heb hier een motie over een "norm wijkagent". 33?" - chair: "de 33ste motie, die op
    # stuk nr. 70." - minister: "voor deze motie krijgt u oordeel Kamer"
    m = _numbered("hand_jenv_begroting_2024_appreciatie.txt")[70]
    assert m.appreciation == OK


def test_motions_appreciation_only_in_debates() -> None:
    letter = "Geachte voorzitter, De motie op stuk nr. 12 heb ik ontraden. Hoogachtend, de minister"
    assert [m.appreciation for m in extract(letter.encode(), name="brief.txt").motions] == [None]

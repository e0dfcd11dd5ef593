"""Commitments in the two seed letters and the bundled development letters (whole pipeline).

The deadlines of the seeds depend on the events and dates components: the Vilnius summit's date
(July 2023) and the year of "12 december" (the letter was written in late 2022).
"""

from __future__ import annotations

from pathlib import Path

from kamerlens.extract import extract

LETTERS = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "letters"  # written ones


def test_commitments_seeds_000_one_promise_before_the_summit(seed_000: Path) -> None:
    (found,) = extract(seed_000).commitments
    assert found.actor == "het kabinet"
    assert found.action == "informeren"
    assert found.requested_by == "vaste commissie voor Defensie"
    assert found.deadline_text == "tijdig voorafgaand aan de NAVO-Top in Vilnius"
    assert found.subject == "over de Nederlandse inzet voor de nieuwe Defence Investment Pledge"
    assert found.deadline == "2023-07"


def test_commitments_seeds_004_two_new_promises(seed_004: Path) -> None:
    record = extract(seed_004)
    council, strategy = record.commitments
    assert council.action == "aandacht vragen"
    assert council.actor in ("ik", "de Minister van Buitenlandse Zaken")
    assert council.subject == "voor bescherming van kritieke infrastructuur"
    assert council.deadline == "2022-12-12"
    assert strategy.actor == "de Minister van Infrastructuur en Waterstaat"
    assert strategy.action == "informeren"
    assert (strategy.deadline_text, strategy.deadline) == ("zo snel mogelijk", None)
    assert strategy.requested_by == "motie van het lid Boswijk"
    # the past promise of the letter is a fulfilment, not a new commitment
    assert not any("zegde ik u toe" in c.text for c in record.commitments)


def test_commitments_seeds_dev_letters() -> None:
    brief = extract(LETTERS / "dev_kamerbrief.txt").commitments
    assert [(c.actor, c.deadline) for c in brief] == [
        # "Daarnaast stelt het kabinet voor de periode 2024–2028 ... 200 miljoen euro
        # beschikbaar": new money announced in the third person is an act
        ("het kabinet", None),
        # "Conform de motie Koster c.s. richt ik ... een landelijk funderingsloket in": an act
        ("de Minister voor Volkshuisvesting en Ruimtelijke Ordening", None),
        ("de Minister voor Volkshuisvesting en Ruimtelijke Ordening", "2024-12"),
        ("de Minister van Financiën", "2025-06"),
        ("de Minister voor Volkshuisvesting en Ruimtelijke Ordening", "2024-07"),
    ]
    answers = extract(LETTERS / "dev_antwoorden_kamervragen.txt").commitments
    assert [c.deadline for c in answers][:2] == ["2024-06-01", "2024-12"]
    agenda = extract(LETTERS / "dev_geannoteerde_agenda.txt").commitments
    assert [c.deadline for c in agenda] == ["2024-03-15", "2024-07", None]
    assert extract(LETTERS / "dev_motie.txt").commitments == ()

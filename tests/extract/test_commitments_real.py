"""Commitments on real documents: the constructions of government prose and what undoes them,
each shown on real sentences (and variants) run through the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerlens import extract
from kamerlens.models import Commitment

REAL = Path(__file__).parents[1] / "real" / "docs"
JENV = "hand_jenv_begroting_2024_appreciatie.txt"
ENERGY = "hand_parlamint_energieraad_2022.txt"


def _found(name: str) -> list[Commitment]:
    return list(extract(REAL / name).commitments)


def _has(found: list[Commitment], words: str) -> Commitment | None:
    for c in found:
        if words in " ".join(c.text.split()):
            return c
    return None


@pytest.mark.parametrize(
    ("name", "words", "kind"),
    [
        # future with a government subject, in a debate (the speaker is a minister)
        (JENV, "Dat zal ik ook op papier zetten", "voornemen"),
        (ENERGY, "Ik zal de Kamer binnenkort informeren", "toezegging"),
        # gaan / willen / voornemens in an answer to Kamervragen
        ("ah_jenv_sociale_advocatuur.txt", "ga ik daarom de dialoog aan", "voornemen"),
        ("ah_jenv_sociale_advocatuur.txt", "Ik ben voornemens om u in april 2025", "toezegging"),
        ("ah_bzk_mijnbouwschade_drenthe.txt", "voornemens dit proces nader te evalueren", None),
        # a policy letter's present tense and passive
        ("kb_ienw_water_bodem.txt", "We begrenzen de koelwaterlozingen", "voornemen"),
        ("kb_ienw_water_bodem.txt", "De voorwaarden voor buitendijks bouwen", "voornemen"),
        # the Kamer as receiver, a committee chair's list of toezeggingen in VLOS minutes
        ("kb_ienw_emissies_luchtvaart.txt", "De Kamer zal in de tweede helft", "toezegging"),
        ("vlos_mivd_2025.xml", "De minister zegt toe bij het Nationaal", "toezegging"),
        ("vlos_mivd_2025.xml", "Laten we afspreken dat wij dit inbrengen", "toezegging"),
        # a decision list reports what a named minister will do
        ("besluitenlijst_2.pdf", "De minister van Financiën is voornemens", "voornemen"),
        # ... also in a sentence without a subject, the minister named before in the paragraph
        ("besluitenlijst_2.pdf", "Het voornemen is om de transformatie", "voornemen"),
        ("besluitenlijst_2.pdf", "Hierbij zal ook een toetsingskader", "toezegging"),
    ],
)
def test_commitments_real_constructions(name: str, words: str, kind: str | None) -> None:
    found = _has(_found(name), words)
    assert found is not None, words
    if kind is not None:
        assert found.kind == kind


@pytest.mark.parametrize(
    ("name", "words"),
    [
        # members of parliament promise nothing for the government, the chair only reads out
        ("hand_jenv_begroting_2024_tweede_termijn.txt", "Ik heb niet voor niks gisteren"),
        # debate talk: moving on to the next motion, coming back later today
        (JENV, "Dan ga ik snel naar de moties"),
        ("hand_lnv_begroting_2024.txt", "Daar kom ik straks wel op terug"),
        # negation, ongoing work, a wish about others, an attitude
        (JENV, "Ik ga niet in herhaling vallen"),
        ("hand_vragenuur_glyfosaat.txt", "wij willen dat in Europa het toetsingskader"),
        ("handelingen_lnv_begroting_2024_pdf.pdf", "Ik wil wel helder hebben"),
        # a habitual "als": whenever, not a promise
        ("vlos_mivd_2025.xml", "Als we zien dat bepaalde landen bepaalde dingen proberen"),
        # a meeting that takes place is no act of the government
        ("seed_000.txt", "die op de Top in Vilnius zal worden vastgelegd"),
        # the questions of an Aanhangsel are the member's
        ("ah_jenv_sociale_advocatuur.txt", "Bent u bereid"),
        # a target: "willen" with a change against a baseline year
        ("kb_ezk_innovatie_missies_2023.pdf", "We willen de nationale broeikasgasuitstoot"),
    ],
)
def test_commitments_real_not(name: str, words: str) -> None:
    assert _has(_found(name), words) is None, words


def test_commitments_real_debate_speaker_and_actor() -> None:
    found = _has(_found(ENERGY), "Ik zal de Kamer binnenkort")
    assert found is not None and found.speaker is not None
    assert (found.speaker.role, found.speaker.name) == ("minister", "Jetten")
    assert found.actor == "Minister Jetten"
    assert found.deadline_text == "binnenkort"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same constructions in other words: a variant of each real sentence
        ("Ik ga dat in kaart brengen, want ik zie de urgentie.", 1),
        ("We willen ook bekijken hoe we de bedrijven kunnen behouden.", 1),
        ("Ik wil het wel weten.", 0),
        ("Daar ga ik niet over.", 0),
        ("We zullen stappen moeten zetten.", 0),
        ("Ik blijf mij inzetten voor de boeren.", 0),
        ("Het kabinet verwelkomt dat de Raad in februari een besluit nam.", 0),
    ],
)
def test_commitments_real_variants(text: str, expected: int) -> None:
    letter = f"Datum 1 december 2023\nBetreft Voortgang\n\nGeachte voorzitter,\n\n{text}\n"
    assert len(extract(letter.encode(), name="brief.txt").commitments) == expected

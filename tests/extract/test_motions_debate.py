"""Motions in real debates: motion texts in flat text, motions named by their number, the members
named after the number, a member's own motions, hyphenated surnames; each construction on real
documents of the dev part (tests/real) and a variant."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from kamerlens.extract import extract
from kamerlens.extract.motion_debate import debate_dossiers
from kamerlens.models import Motion, Record

REAL = Path(__file__).parents[1] / "real" / "docs"


@cache
def _record(name: str) -> Record:
    return extract(REAL / name)


def _by_number(name: str) -> dict[str, Motion]:
    return {m.number: m for m in _record(name).motions if m.number}


def _motions(text: str) -> list[Motion]:
    return list(extract(text.encode(), name="handelingen.txt").motions)


# ---------------------------------------------------------------- motion texts in flat text


def test_motions_debate_flat_motion_texts_with_submitters_and_numbers() -> None:
    record = _record("hand_jenv_begroting_2024_tweede_termijn.txt")
    texts = [m for m in record.motions if m.text.startswith("De Kamer")]
    got = [(m.number, m.dossier, list(m.members)) for m in texts]
    assert got == [
        ("38", "36410-VI", ["Aardema"]),
        ("39", "36410-VI", ["Michon-Derkzen"]),
        ("40", "36410-VI", ["Michon-Derkzen"]),
        ("41", "36410-VI", ["Ellian", "Wilders"]),
        ("42", "36410-VI", ["Ellian"]),
        ("43", "36410-VI", ["Ellian", "Mutluer", "Sneller", "Eerdmans"]),
        ("44", "36410-VI", ["Lahlah", "Teunissen", "Koekkoek", "Van Nispen", "El Abassi"]),
    ]
    for m in texts:  # one motion from "De Kamer, gehoord de beraadslaging," to the end
        assert m.text.endswith("en gaat over tot de orde van de dag.")
        assert record.text[m.start : m.end] == m.text


def test_motions_debate_announcement_before_a_motion_text_is_that_motion() -> None:
    # "ga ik een motie hierover voorlezen. Motie De Kamer, ..." in one turn: one motion
    record = _record("hand_jenv_begroting_2024_tweede_termijn.txt")
    lahlah = [m for m in record.motions if m.members and m.members[0] == "Lahlah"]
    assert len(lahlah) == 1 and lahlah[0].text.startswith("De Kamer")


def test_motions_debate_chair_says_cs() -> None:
    text = (
        "De heer Van Dijk (SGP): Ik dien de volgende motie in. Motie De Kamer, gehoord de "
        "beraadslaging, verzoekt de regering, de wijkagent te versterken, en gaat over tot de "
        "orde van de dag. De voorzitter: Deze motie is voorgesteld door het lid Van Dijk c.s. "
        "Zij krijgt nr. 70 (36410-VI). De heer Van Dijk (SGP): Dank u."
    )
    (motion,) = _motions(text)
    assert (motion.members, motion.cs, motion.dossier, motion.number) == (
        ("Van Dijk",),
        True,
        "36410-VI",
        "70",
    )


# ---------------------------------------------------------------- motions named by number


def test_motions_debate_number_only_with_the_debates_dossier() -> None:
    found = _by_number("hand_jenv_begroting_2024_appreciatie.txt")
    # every motion the ministers went through, 38 to 72 (37 is an amendment, 39-40 etc. named)
    assert set(found) == {str(n) for n in range(38, 73)} - {"37"}
    anonymous = sorted(int(n) for n, m in found.items() if not m.members)
    assert anonymous == [41, 42, 43, 44, 48, 49, 52, 55, 56, 59, 60, 62, 63, 70]
    # the chair names 36410-VI with nrs. 47, 51, 71 and 72 only ("stel ik voor haar motie
    # (36410-VI, nr. 47) aan te houden"); the debate names no other dossier, so its motions,
    # numbered as one block, are all that dossier's
    assert {m.dossier for m in found.values()} == {"36410-VI"}
    assert _record("hand_jenv_begroting_2024_appreciatie.txt").text[
        found["48"].start : found["48"].end
    ] == "motie op stuk nr. 48"


def test_motions_debate_number_only_without_a_dossier_named() -> None:
    found = _by_number("hand_parlamint_energieraad_2022.txt")
    assert sorted(found) == [str(n) for n in range(905, 913)]
    assert {m.dossier for m in found.values()} == {None}


def test_motions_debate_mentions_of_one_number_merge() -> None:
    found = _by_number("hand_jenv_begroting_2024_appreciatie.txt")
    # "De motie op stuk nr. 64?" - "Ja, op stuk nr. 64." - "de motie-Van Nispen c.s. op stuk nr. 64"
    assert (found["64"].members, found["64"].cs) == (("Van Nispen",), True)
    assert len(found["38"].mentions) >= 3  # van de heer Aardema, motie-Aardema, toch in stemming


def test_motions_debate_number_with_its_dossier_in_brackets() -> None:
    motions = _record("handelingen_lnv_begroting_2024_pdf.pdf").motions
    (m,) = [m for m in motions if m.number == "304"]
    assert (m.dossier, m.members) == ("33576", ())
    (v,) = _motions("De heer Jansen (VVD): Dat is de motie op stuk nr. 12 (36 410-XIV). Klopt dat? "
                    "Minister Adema: Ja.")
    assert (v.dossier, v.number) == ("36410-XIV", "12")


def _chair_holds(motions: list[tuple[str, str, str]]) -> str:
    """The chair's "Op verzoek van de heer X stel ik voor zijn motie (dossier, nr. N) aan te
    houden" for each (member, dossier, number)."""
    return "De voorzitter: " + " ".join(
        f"Op verzoek van de heer {member} stel ik voor zijn motie ({dossier}, nr. {number}) aan "
        "te houden. Daartoe wordt besloten."
        for member, dossier, number in motions
    )


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        # 15 lies between the begroting's 12 and 20, 9 is the wetsvoorstel's, 30 lies above the
        # highest block (the begroting's)
        ([("Grinwis", "36500", "9")], {"15": "36410-XIV", "9": "36500", "30": "36410-XIV"}),
        # the wetsvoorstel's 14 and 18 enclose 15 too: the number alone does not say which, and
        # blocks that overlap say nothing of the numbers outside them
        (
            [("Grinwis", "36500", "14"), ("Bikker", "36500", "18")],
            {"15": None, "9": None, "30": None},
        ),
    ],
)
def test_motions_debate_number_only_dossier_from_the_numbers_named_with_it(
    other: list[tuple[str, str, str]], expected: dict[str, str | None]
) -> None:
    text = (
        "De voorzitter: Ik geef het woord aan de minister.\n"
        "Minister Adema: Dank u wel, voorzitter. De motie op stuk nr. 15 krijgt oordeel Kamer. "
        "De motie op stuk nr. 9 ontraad ik. De motie op stuk nr. 30 ontraad ik ook.\n"
        + _chair_holds([("Jansen", "36410-XIV", "12"), ("Dijk", "36410-XIV", "20"), *other])
        + "\nMinister Adema: Dank u.\n"
    )
    found = {m.number: m.dossier for m in _motions(text)}
    assert {n: found[n] for n in expected} == expected


def test_motions_debate_bare_number_not_merged_across_dossiers() -> None:
    # nr. 12 of two dossiers: the minister's "nr. 12" is neither's (no dossier invented)
    text = (
        _chair_holds([("Jansen", "36410-XIV", "12"), ("Grinwis", "36500", "12")])
        + "\nMinister Adema: De motie op stuk nr. 12 ontraad ik.\nDe voorzitter: Dank u.\n"
    )
    got = sorted((m.dossier or "", m.members, m.appreciation) for m in _motions(text))
    assert got == [
        ("", (), "ontraden"),
        ("36410-XIV", ("Jansen",), "aangehouden"),
        ("36500", ("Grinwis",), "aangehouden"),
    ]


@pytest.mark.parametrize(
    ("named", "numbers", "expected"),
    [
        ([("36410-VI", "38"), ("36410-VI", "44")], ["38", "41", "44", "45"],
         {"38": "36410-VI", "41": "36410-VI", "44": "36410-VI", "45": "36410-VI"}),
        ([("36410-VI", "38"), ("36410-VI", "44"), ("36500", "50")], ["30", "45", "60"],
         {"30": "36410-VI", "60": "36500"}),
        ([("36410-VI", "38"), ("36500", "40"), ("36410-VI", "44")], ["39", "40", "41"],
         {"39": "36410-VI", "41": "36410-VI"}),
        ([("36410-VI", "38")], ["38", "12-A", "²"], {"38": "36410-VI"}),
        ([], ["38"], {}),
    ],
)  # fmt: skip
def test_motions_debate_dossiers_of_numbers(
    named: list[tuple[str, str]], numbers: list[str], expected: dict[str, str]
) -> None:
    assert debate_dossiers(named, numbers) == expected


@pytest.mark.parametrize(
    ("name", "number", "members", "cs"),
    [
        # "de motie op stuk nr. 45 van mevrouw Mutluer"
        ("hand_jenv_begroting_2024_appreciatie.txt", "45", ["Mutluer"], False),
        ("hand_jenv_begroting_2024_appreciatie.txt", "67", ["El Abassi"], False),
        # "de 35ste motie, die op stuk nr. 72 van de heer Eerdmans"
        ("hand_jenv_begroting_2024_appreciatie.txt", "72", ["Eerdmans"], False),
        # "De motie op stuk nr. 51 is afkomstig van de heer Sneller"
        ("hand_jenv_begroting_2024_appreciatie.txt", "51", ["Sneller"], False),
        # "De eerste motie, op stuk nr. 905, is van mevrouw Leijten"
        ("hand_parlamint_energieraad_2022.txt", "905", ["Leijten"], False),
        # "De motie-Erkens cum suis op stuk nr. 906"
        ("hand_parlamint_energieraad_2022.txt", "906", ["Erkens"], True),
        ("hand_parlamint_energieraad_2022.txt", "909", ["Kröger", "Thijssen"], False),
    ],
)
def test_motions_debate_members_around_the_number(
    name: str, number: str, members: list[str], cs: bool
) -> None:
    m = _by_number(name)[number]
    assert (list(m.members), m.cs) == (members, cs)


def test_motions_debate_submitted_by_after_the_motion() -> None:
    motions = _record("hand_jenv_begroting_2024_appreciatie.txt").motions
    (m,) = [m for m in motions if m.members and m.members[0] == "Erkens"]
    assert m.members == ("Erkens", "Dassen")
    assert m.text.endswith("door de leden Erkens en Dassen")
    (v,) = _motions("Hierover is vorig jaar een motie ingediend, door het lid Bikker c.s., die "
                    "vraagt om een plan.")
    assert (v.members, v.cs) == (("Bikker",), True)


# ---------------------------------------------------------------- a member's own motion


@pytest.mark.parametrize(
    ("name", "speaker", "words"),
    [
        ("handelingen_lnv_begroting_2024_pdf.pdf", "Vedder", "Ik ga hierover een motie indienen"),
        ("handelingen_lnv_begroting_2024_pdf.pdf", "Graus", "Ik heb een motie klaarliggen"),
        ("handelingen_lnv_begroting_2024_pdf.pdf", "Flach", "Ik zal dat ook met een motie"),
        ("handelingen_lnv_begroting_2024_pdf.pdf", "Van der Plas", "We hebben natuurlijk ook al "
         "een motie ingediend"),
        ("handelingen_lnv_begroting_2024_pdf.pdf", "Beckerman", "motie, van ons"),
        ("handelingen_lnv_begroting_2024_pdf.pdf", "Meulenkamp", "mijn motie"),
        ("vlos_mivd_2025.xml", "Ellian", "Ik heb ook een motie ingediend"),
    ],
)
def test_motions_debate_own_motion_of_the_speaking_member(
    name: str, speaker: str, words: str
) -> None:
    own = [m for m in _record(name).motions if m.members == (speaker,)]
    assert [m.text for m in own] == [words]
    assert own[0].speaker is not None and own[0].speaker.name == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        # the Kamer adopted it, the speaker did not submit it
        "We hebben twee jaar geleden een motie aangenomen waarin stond: ga aan de slag.",
        # someone else's motion
        "Ik weet dat er een motie is ingediend over dit onderwerp.",
        "Volgens mij heeft zij ook een motie ingediend voor een beroepsmogelijkheid.",
        "Anders ga ik gewoon allemaal moties indienen.",
    ],
)
def test_motions_debate_no_own_motion(sentence: str) -> None:
    text = f"De heer Jansen (VVD): {sentence} Minister Adema: Ik ga uw motie lezen."
    assert _motions(text) == []


def test_motions_debate_a_minister_has_no_own_motion() -> None:
    text = "Mevrouw Bromet (GL): Klopt dat? Minister Adema: Ik ga hierover een motie indienen."
    assert _motions(text) == []


def test_motions_debate_colleagues_named() -> None:
    motions = _record("handelingen_lnv_begroting_2024_pdf.pdf").motions
    assert any(m.members == ("De Groot", "Beckerman") for m in motions)
    (v,) = _motions("Er is een motie van de collega's Bikker en Ceder aangenomen.")
    assert v.members == ("Bikker", "Ceder")


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    "name",
    ["hand_jenv_begroting_2024_appreciatie.txt", "hand_jenv_begroting_2024_tweede_termijn.txt"],
)
def test_motions_debate_hyphenated_surname_stays_whole(name: str) -> None:
    members = {x for m in _record(name).motions for x in m.members}
    assert "Michon-Derkzen" in members
    assert not members & {"Michon", "Derkzen"}


def test_motions_debate_prefix_glued_to_the_surname() -> None:
    motions = _record("ah_bzk_mijnbouwschade_drenthe.txt").motions
    assert any(m.members == ("Van Wijngaarden", "Stoffer") for m in motions)
    (v,) = _motions("Conform de motie DeGroot over het mestbeleid stuur ik u dit.")
    assert v.members == ("De Groot",)

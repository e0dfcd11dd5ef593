"""Motions: mentions in running text, footnotes and motion texts, merged into distinct motions."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerlens.extract import extract
from kamerlens.models import Motion


def _motions(text: str, name: str = "doc.txt") -> list[Motion]:
    return list(extract(text.encode(), name=name).motions)


def test_motions_mentions_seed_004_merges_body_and_footnote(seed_004: Path) -> None:
    record = extract(seed_004)
    assert len(record.motions) == 2
    valstar, boswijk = record.motions
    assert valstar.members == ("Valstar",)
    assert (valstar.cs, valstar.date, valstar.dossier, valstar.number) == (
        True,
        "2022-11-17",
        "36200-X",
        "26",
    )
    assert valstar.subject is not None and valstar.subject.startswith(
        "binnen de Joint Expeditionary Force de samenwerking versterken"
    )
    assert len(valstar.mentions) == 2
    # the motion's span is its first mention in the body, not the footnote
    assert record.text[valstar.start : valstar.end] == "motie van het lid Valstar c.s."
    assert valstar.start < record.footnotes[0].start
    assert boswijk.members == ("Boswijk",)
    assert (boswijk.cs, boswijk.date, boswijk.dossier, boswijk.number) == (
        True,
        "2021-11-11",
        "35925-X",
        "22",
    )


def test_motions_mentions_seed_000_has_none(seed_000: Path) -> None:
    assert extract(seed_000).motions == ()


@pytest.mark.parametrize(
    ("text", "members", "cs"),
    [
        ("Ik voer de motie-Valstar uit.", ["Valstar"], False),
        (
            "Ik voer de motie van de leden Van der Plas en Eerdmans uit.",
            ["Van der Plas", "Eerdmans"],
            False,
        ),
        (
            "Conform de motie-Jasper van Dijk/Omtzigt stuur ik u dit.",
            ["Jasper van Dijk", "Omtzigt"],
            False,
        ),
        ("De motie van het lid De Roon c.s. is aangenomen.", ["De Roon"], True),
        (
            "Zo is er de motie van mijn collega Silvio Erkens om dat te doen.",
            ["Silvio Erkens"],
            False,
        ),
        ("De motie van het lid Valstar (VVD) vraagt dat.", ["Valstar"], False),
        # a hyphen joins two members ...
        (
            "n.a.v. de motie Van Toorenburg-Dijsselbloem (31200 XI, nr. 65)",
            ["Van Toorenburg", "Dijsselbloem"],
            False,
        ),
        # ... unless the document names the whole as one person
        (
            "Mevrouw Michon-Derkzen vroeg om een brief. Die volgt, zoals de motie-Michon-Derkzen "
            "vraagt.",
            ["Michon-Derkzen"],
            False,
        ),
        # ... also when more words follow the title's name
        (
            "Het lid Van Ab-Cd heeft gelijk: de motie-Van Ab-Cd vraagt dat.",
            ["Van Ab-Cd"],
            False,
        ),
        # ... or another title stands just before
        (
            "De heer Jansen en mevrouw Michon-Derkzen vroegen het. De motie-Michon-Derkzen volgt.",
            ["Michon-Derkzen"],
            False,
        ),
        # ... but a longer name is another person
        (
            "Mevrouw Van Ab-Cdef sprak. De motie-Van Ab-Cd vraagt dat.",
            ["Van Ab", "Cd"],
            False,
        ),
        # a lower-case particle after the hyphen: one surname
        ("Ik voer de motie-Faber-van de Klashorst uit.", ["Faber-van de Klashorst"], False),
    ],
)
def test_motions_mentions_members(text: str, members: list[str], cs: bool) -> None:
    found = _motions(text)
    assert len(found) == 1
    assert (list(found[0].members), found[0].cs) == (members, cs)


def test_motions_mentions_citation_date_and_subject() -> None:
    text = (
        "Hiermee voer ik de gewijzigde motie van het lid De Roon c.s. "
        "(Kamerstuk 36 180, nr. 57) uit, "
        "en ook de motie Boswijk c.s., 11 november 2021, over een strategie voor de Noordzee "
        "(Kamerstuk 35 925 X, nr. 22). "
        "De motie Klaver c.s. over de klimaatdoelen (36 180, nr. 42) volgt."
    )
    found = {m.members[0]: m for m in _motions(text)}
    assert (found["De Roon"].dossier, found["De Roon"].number) == ("36180", "57")
    boswijk = found["Boswijk"]
    assert (boswijk.date, boswijk.dossier, boswijk.number) == ("2021-11-11", "35925-X", "22")
    assert boswijk.subject == "een strategie voor de Noordzee"
    klaver = found["Klaver"]
    assert (klaver.subject, klaver.dossier, klaver.number) == ("de klimaatdoelen", "36180", "42")


def test_motions_mentions_merge_same_members_and_keep_different_motions_apart() -> None:
    text = (
        "Tevens geef ik uitvoering aan de motie van het lid Koster c.s. "
        "over een landelijk funderingsloket. "
        "Conform de motie Koster c.s. richt ik een loket in. "
        "De motie-Koster over een geheel ander onderwerp (Kamerstuk 32 847, nr. 1110) volgt later, "
        "net als de motie-Kostr (Kamerstuk 32 847, nr. 1110)."
    )
    found = _motions(text)
    assert len(found) == 2
    first, second = found
    assert len(first.mentions) == 2 and first.subject == "een landelijk funderingsloket"
    # a slight misspelling with the same citation is still the same motion
    assert (second.dossier, second.number, len(second.mentions)) == ("32847", "1110", 2)


def test_motions_mentions_plural_with_numbers() -> None:
    found = _motions("Voortgang uitvoering moties 30420, nrs 100 en 101 over de selectie.")
    assert [(m.dossier, m.number, m.members) for m in found] == [
        ("30420", "100", ()),
        ("30420", "101", ()),
    ]


def test_motions_mentions_without_names_or_citation_are_skipped() -> None:
    assert _motions("Er is een motie ingediend over dit onderwerp.") == []


MOTION_DOCUMENT = """Tweede Kamer der Staten-Generaal

Vergaderjaar 2023–2024

36 410 XII Vaststelling van de begrotingsstaten van het Ministerie van Infrastructuur en
Waterstaat (XII) voor het jaar 2024

Nr. 47 MOTIE VAN DE LEDEN DE GROOT EN VAN LEEUWEN

Voorgesteld 29 november 2023

De Kamer,

gehoord de beraadslaging,

overwegende dat een eerdere motie van het lid Stoffels c.s. (Kamerstuk 29 398, nr. 998)
al vroeg om steun;

verzoekt de regering, de cofinancieringseis voor kleine gemeenten te verlagen,

en gaat over tot de orde van de dag.

De Groot
Van Leeuwen
"""


def test_motions_mentions_motion_document_is_a_motion() -> None:
    record = extract(MOTION_DOCUMENT.encode(), name="motie.txt")
    assert record.document.kind == "motie"
    own, cited = record.motions
    assert own.members == ("De Groot", "Van Leeuwen")
    assert (own.dossier, own.number, own.date) == ("36410-XII", "47", "2023-11-29")
    assert own.subject is not None and own.subject.startswith("verzoekt de regering")
    assert record.text[own.start : own.end] == "MOTIE VAN DE LEDEN DE GROOT EN VAN LEEUWEN"
    assert (cited.members, cited.cs, cited.dossier, cited.number) == (
        ("Stoffels",),
        True,
        "29398",
        "998",
    )


def test_motions_mentions_motion_text_in_minutes() -> None:
    text = (
        "De heer Valstar (VVD):\nIk dien de volgende motie in.\n\n"
        "De Kamer,\n\ngehoord de beraadslaging,\n\n"
        "verzoekt de regering, de Noordzee te beschermen,\n\n"
        "en gaat over tot de orde van de dag.\n\n"
        "De voorzitter:\nDeze motie is voorgesteld door de leden Valstar en Boswijk.\n\n"
        "Zij krijgt nr. 42 (36 180).\n"
    )
    (motion,) = _motions(text)
    assert motion.members == ("Valstar", "Boswijk")
    assert (motion.dossier, motion.number) == ("36180", "42")

"""Motions: who submitted a motion. Member names look like surnames ("De Kamer" opening a motion
text is none), and a motion text in the minutes takes its members from the heading above it, the
chair's "voorgesteld door" or the signature lines; co-signers named there are not also "c.s."."""

from __future__ import annotations

import pytest

from kamerlens.extract import extract
from kamerlens.models import Motion


def _motions(text: str, name: str = "handelingen.txt") -> list[Motion]:
    return list(extract(text.encode(), name=name).motions)


def _minutes(heading: str, after: str) -> str:
    return (
        "De heer Van Dijk (SP):\nVoorzitter. Ik dien een motie in.\n\n"
        f"{heading}"
        "De Kamer,\n\ngehoord de beraadslaging,\n\n"
        "constaterende dat de wachtlijsten in de jeugdzorg oplopen;\n\n"
        "verzoekt de regering, gemeenten meer ruimte te geven voor maatwerk,\n\n"
        "en gaat over tot de orde van de dag.\n\n"
        f"{after}"
        "De voorzitter:\nDank u wel. Dan is het woord aan de minister.\n"
    )


@pytest.mark.parametrize(
    ("heading", "after", "members", "cs"),
    [
        # a bare "Motie" heading; the chair names the submitter
        (
            "Motie\n\n",
            "De voorzitter:\nDeze motie is voorgesteld door het lid Van Dijk.\n\n"
            "Zij krijgt nr. 812 (31 839).\n\n",
            ["Van Dijk"],
            False,
        ),
        # the heading names them
        (
            "Motie van de leden Van Dijk en Ceder over maatwerk in de jeugdzorg\n\n",
            "",
            ["Van Dijk", "Ceder"],
            False,
        ),
        ("Motie van het lid Van Dijk c.s.\n\n", "", ["Van Dijk"], True),
        # the signature lines name them
        ("Motie\n\n", "Van Dijk\nCeder\nBikker\n\n", ["Van Dijk", "Ceder", "Bikker"], False),
    ],
)
def test_motions_members_of_a_motion_text_in_minutes(
    heading: str, after: str, members: list[str], cs: bool
) -> None:
    (motion,) = _motions(_minutes(heading, after))
    assert (list(motion.members), motion.cs) == (members, cs)


@pytest.mark.parametrize(
    "text",
    [
        "Zie de motie\nDe Kamer heeft daarover besloten.",
        "Over de motie Regering en Kamer is niets bekend.",
        "De motie NAVO werd besproken.",
    ],
)
def test_motions_members_no_words_of_the_text(text: str) -> None:
    assert _motions(text, name="brief.txt") == []


MOTION = """Tweede Kamer der Staten-Generaal

Vergaderjaar 2023–2024

31 839 Jeugdbeleid

Nr. 1002 MOTIE VAN HET LID VAN DIJK C.S.

Voorgesteld 7 maart 2024

De Kamer,

gehoord de beraadslaging,

verzoekt de regering, gemeenten meer ruimte te geven voor maatwerk,

en gaat over tot de orde van de dag.

{signed}
"""


@pytest.mark.parametrize(
    ("signed", "members", "cs"),
    [
        # every co-signer named below: members all, and no "c.s." on top of them
        ("Van Dijk\nCeder\nBikker", ["Van Dijk", "Ceder", "Bikker"], False),
        # a section heading after the signature is no signer
        ("Van Dijk\nCeder\nVervolg", ["Van Dijk", "Ceder"], False),
        # only the first signer below: the others stay "c.s."
        ("Van Dijk", ["Van Dijk"], True),
    ],
)
def test_motions_members_motion_document_signers(signed: str, members: list[str], cs: bool) -> None:
    own = _motions(MOTION.format(signed=signed), name="motie.txt")[0]
    assert (list(own.members), own.cs, own.number) == (members, cs, "1002")


_LETTER = (
    "Geachte voorzitter,\n\nIn deze brief informeer ik u over de uitvoering van moties.\n\n"
    "{sentence} Daarmee sluit ik af.\n\nDe Minister van Financiën,\n\nA. Jansen\n"
)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # motions cited together carry the members named before them, each its own number
        (
            "De moties van het lid Eerdmans (Kamerstuk 36 200, nrs. 40 en 41) vragen dat.",
            [(("Eerdmans",), "40"), (("Eerdmans",), "41")],
        ),
        (
            "De moties van de leden Bikker en Ceder (Kamerstuk 36 410, nrs. 44 en 45) vragen dat.",
            [(("Bikker", "Ceder"), "44"), (("Bikker", "Ceder"), "45")],
        ),
        # a member who has left the Kamer
        ("De motie van het voormalig lid Kuzu vraagt om een onderzoek.", [(("Kuzu",), None)]),
    ],
)
def test_members_of_motions_cited_in_a_letter(
    sentence: str, expected: list[tuple[tuple[str, ...], str | None]]
) -> None:
    motions = _motions(_LETTER.format(sentence=sentence), name="brief.txt")
    assert [(m.members, m.number) for m in motions] == expected

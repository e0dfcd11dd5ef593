"""Motions: the owner of "zijn/haar motie", and a bare plural "moties" heading."""

from __future__ import annotations

import pytest

from kamerlens.extract import extract


def minutes(body: str) -> bytes:
    return f"Tweede Kamer\n\nStemmingen\n\n12 november 2024\n\n{body}\n".encode()


@pytest.mark.parametrize(
    ("sentence", "members"),
    [
        (
            "De voorzitter:\nOp verzoek van de heer Van Waveren stel ik voor zijn motie "
            "(36 600-VII, nr. 31) aan te houden.",
            ["Van Waveren"],
        ),
        (
            "De voorzitter:\nOp verzoek van mevrouw Van der Plas stel ik voor haar motie "
            "(36 410, nr. 12) aan te houden.",
            ["Van der Plas"],
        ),
        (
            "Op verzoek van het lid Jansen (PVV) stel ik voor zijn motie (36 200, nr. 8) "
            "aan te houden.",
            ["Jansen"],
        ),
        # the member before the participle that names the motion
        (
            "De door het lid Bisschop ingediende motie (36 200, nr. 8) vraagt om een verkenning.",
            ["Bisschop"],
        ),
        (
            "De door mevrouw Van der Plas (BBB) ingediende motie (36 410, nr. 12) is aangenomen.",
            ["Van der Plas"],
        ),
        # no member named in the sentence: no owner guessed from an earlier one
        (
            "De heer Jansen vroeg naar de kosten. Ik ontraad zijn motie (36 200, nr. 8).",
            [],
        ),
    ],
)
def test_motions_owner_of_a_possessive_motion(sentence: str, members: list[str]) -> None:
    (found,) = extract(minutes(sentence), name="h.txt").motions
    assert list(found.members) == members
    assert found.dossier is not None


@pytest.mark.parametrize(
    "heading",
    [
        "Stemmingen moties Begroting Binnenlandse Zaken 2025",
        "Stemmingen over moties Nationale Ombudsman",
        "De moties Financiële Verhoudingen komen later aan de orde.",
    ],
)
def test_motions_bare_plural_heading_is_no_motion(heading: str) -> None:
    assert list(extract(minutes(heading), name="h.txt").motions) == []


def test_motions_plural_with_members_and_citation_stays() -> None:
    body = "De moties van de leden Omtzigt en Dassen (36 410, nrs. 14 en 15) zijn aangenomen."
    found = extract(minutes(body), name="h.txt").motions
    assert [m.number for m in found] == ["14", "15"]


@pytest.mark.parametrize(
    ("sentence", "members"),
    [
        ("De motie van Kamerlid Omtzigt (35 510, nr. 12) verzoekt de regering.", ["Omtzigt"]),
        (
            "De motie van Kamerleden Omtzigt en Leijten (35 510, nr. 13) verzoekt de regering.",
            ["Omtzigt", "Leijten"],
        ),
        ("De motie van het Kamerlid Dassen (36 200, nr. 9) verzoekt de regering.", ["Dassen"]),
        (
            "De motie van de leden Bikker en Ceder (36 410, nr. 33) is aangenomen.",
            ["Bikker", "Ceder"],
        ),
    ],
)
def test_motions_owner_introduced_with_or_without_article(
    sentence: str, members: list[str]
) -> None:
    """'van (het) Kamerlid X', 'van (de) Kamerleden X en Y': the names, never the title."""
    (found,) = extract(minutes(sentence), name="h.txt").motions
    assert list(found.members) == members

"""Fulfilments: passages saying the document keeps an earlier promise or carries out a motion."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerlens.extract import extract
from kamerlens.models import Fulfilment, MadeIn

LETTERS = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "letters"  # written ones


def fulfilments_of(text: str) -> list[Fulfilment]:
    return list(extract(text.encode("utf-8"), name="brief.txt").fulfilments)


@pytest.mark.parametrize(
    "passage",
    [
        "Tijdens het commissiedebat van 7 februari jl. heb ik uw Kamer toegezegd voor 1 mei te "
        "informeren over de voortgang.",
        "Tijdens het Commissie Debat ter voorbereiding op de FMM zegde ik u toe in het verslag "
        "aandacht te besteden aan de motie.",
        "Hierbij informeer ik u, zoals toegezegd tijdens het commissiedebat, over de stand van "
        "zaken.",
        "Met deze brief geef ik invulling aan de toezegging om uw Kamer te informeren over de "
        "pilots.",
        "Conform mijn toezegging stuur ik u hierbij de evaluatie.",
        "Ter uitvoering van de motie van het lid Koster c.s. is een landelijk loket ingericht.",
        "In deze brief ga ik in op de motie van de leden Bikker en Ceder over schuldhulp.",
        "Hiermee kom ik de toezegging na die ik deed in het debat over de Voorjaarsnota.",
        "Tevens geef ik hiermee uitvoering aan de motie van het lid Koster c.s. over een loket.",
        "Met deze brief beschouw ik de motie als afgedaan.",
        "Hiermee doe ik mijn toezegging gestand.",
        "In deze brief ga ik in op de toezeggingen die ik deed tijdens het commissiedebat.",
        "Met deze brief kom ik tegemoet aan de toezegging aan het lid Van der Plas.",
        "Hierbij ontvangt u, zoals toegezegd, het rapport van de commissie.",
        "Zoals ik heb toegezegd in mijn brief van 3 mei, stuur ik u hierbij de planning.",
        "De toezegging uit het debat van 12 maart is hiermee afgedaan.",
    ],
)
def test_fulfilments_detection_finds_kept_promises(passage: str) -> None:
    assert len(fulfilments_of(passage)) == 1


@pytest.mark.parametrize(
    "passage",
    [
        "Ik zal uw Kamer voor de zomer informeren over de uitkomsten.",
        "Zoals toegezegd zal ik uw Kamer na de zomer informeren over de evaluatie.",
        "Deelt u de mening dat de eerdere toezegging niet is nagekomen?",
        "verzoekt de regering, ter uitvoering van de motie de Kamer te informeren,",
        "De motie van het lid Koster is door de Kamer aangenomen.",
        "Nederland heeft in een eerder stadium EUR 100 miljoen steun toegezegd aan het trustfund.",
        "Het toegezegde rapport is nog niet verschenen.",
    ],
)
def test_fulfilments_detection_ignores_others(passage: str) -> None:
    assert fulfilments_of(passage) == []


def test_fulfilments_detection_joins_promise_and_its_keeping() -> None:
    text = (
        "Tijdens het commissiedebat van 7 februari jl. heb ik uw Kamer toegezegd voor 1 mei "
        "2024 te "
        "informeren over de voortgang. Met deze brief geef ik invulling aan die toezegging. Tevens "
        "geef ik hiermee uitvoering aan de motie van het lid Koster c.s. over een loket."
    )
    record = extract(text.encode(), name="brief.txt")
    promise, motion = record.fulfilments
    assert promise.text.startswith("Tijdens het commissiedebat")
    assert promise.text.endswith("invulling aan die toezegging.")
    assert promise.subject == "voor 1 mei 2024 te informeren over de voortgang"
    assert record.text[promise.start : promise.end] == promise.text
    assert motion.text.startswith("Tevens geef ik hiermee uitvoering")


@pytest.mark.parametrize(
    ("passage", "made_in"),
    [
        (
            "Tijdens het debat over de Staat van de Infrastructuur (Kamerstuk 36 410 A, nr. "
            "15) heb ik "
            "toegezegd uw Kamer te informeren over de sluizen.",
            MadeIn("36410-A", "15"),
        ),
        (
            "Tijdens het commissiedebat Water heb ik toegezegd uw Kamer te informeren over de "
            "vervanging van sluizen.",
            None,
        ),
    ],
)
def test_fulfilments_detection_where_the_promise_was_made(
    passage: str, made_in: MadeIn | None
) -> None:
    (found,) = fulfilments_of(passage)
    assert found.made_in == made_in


def test_fulfilments_detection_seed_004(seed_004: Path) -> None:
    (found,) = extract(seed_004).fulfilments
    assert "zegde ik u toe" in found.text
    assert found.made_in == MadeIn("28676", "423")  # the debate, not the motion it mentions
    assert found.subject is not None and found.subject.startswith("in het verslag")


def test_fulfilments_detection_seed_000_has_none(seed_000: Path) -> None:
    assert extract(seed_000).fulfilments == ()


def test_fulfilments_detection_dev_letters() -> None:
    brief = extract(LETTERS / "dev_kamerbrief.txt").fulfilments
    assert [f.made_in for f in brief] == [MadeIn("32847", "1110"), MadeIn("36410-VII", "38")]
    assert "invulling aan die" in brief[0].text
    answers = extract(LETTERS / "dev_antwoorden_kamervragen.txt").fulfilments
    (kept,) = answers
    assert "heb ik toegezegd" in kept.text and "kom ik die toezegging na" in kept.text

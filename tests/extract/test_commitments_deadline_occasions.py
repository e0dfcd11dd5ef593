"""Commitments: deadlines tied to an occasion of the budget cycle or a meeting named by month."""

from __future__ import annotations

import pytest

from kamerlens.extract import extract


def letter(body: str, date: str) -> bytes:
    return (
        f"Datum {date}\nBetreft Voortgang\n\n{body}\n\nDe Minister van Financiën,\n\nJ. de Vries\n"
    ).encode()


@pytest.mark.parametrize(
    ("sentence", "date", "deadline_text", "deadline"),
    [
        # the Miljoenennota for year N appears on Prinsjesdag (third Tuesday of September) of N - 1
        (
            "Ik stuur uw Kamer bij de Miljoenennota 2026 een actualisatie van de raming.",
            "14 februari 2025",
            "bij de Miljoenennota 2026",
            "2025-09-16",
        ),
        (
            "Ik informeer uw Kamer bij de begroting 2025 over de uitkomsten.",
            "3 april 2024",
            "bij de begroting 2025",
            "2024-09-17",
        ),
        # the begrotingsbehandeling of N runs in the autumn of N - 1: registered at its end
        (
            "Ik zal uw Kamer voor de begrotingsbehandeling 2026 informeren over de voortgang.",
            "10 maart 2025",
            "voor de begrotingsbehandeling 2026",
            "2025-12",
        ),
        (
            "Ik zeg toe dat ik voor de begrotingsbehandeling van volgend jaar een brief stuur.",
            "12 november 2024",
            "voor de begrotingsbehandeling van volgend jaar",
            "2025-12",
        ),
        # Prinsjesdag itself keeps its own year
        (
            "Ik zal uw Kamer voor Prinsjesdag 2025 informeren.",
            "1 mei 2025",
            "voor Prinsjesdag 2025",
            "2025-09-16",
        ),
        # a meeting named by its month: the next such month from the letter's date
        (
            "Het kabinet zal uw Kamer via de geannoteerde agenda van de Europese Raad van maart "
            "informeren over de inzet.",
            "20 december 2024",
            "via de geannoteerde agenda van de Europese Raad van maart",
            "2025-03",
        ),
        (
            "Ik zal uw Kamer in de geannoteerde agenda voor de Raad Buitenlandse Zaken van juni "
            "informeren.",
            "2 februari 2025",
            "in de geannoteerde agenda voor de Raad Buitenlandse Zaken van juni",
            "2025-06",
        ),
    ],
)
def test_commitments_deadline_occasion(
    sentence: str, date: str, deadline_text: str, deadline: str
) -> None:
    (found,) = extract(letter(sentence, date), name="brief.txt").commitments
    assert found.deadline_text == deadline_text
    assert found.deadline == deadline


def test_commitments_deadline_month_of_the_named_meeting() -> None:
    body = (
        "De volgende Europese Raad vindt plaats op 20 en 21 maart 2025 in Brussel. Het kabinet zal "
        "uw Kamer via de geannoteerde agenda van de Europese Raad van maart informeren."
    )
    (found,) = extract(letter(body, "20 december 2024"), name="brief.txt").commitments
    assert found.deadline == "2025-03"


@pytest.mark.parametrize(
    "sentence",
    [
        # a past budget or a plain budget article is no occasion ahead
        "De begroting 2024 is in de Tweede Kamer behandeld.",
        "In de Miljoenennota 2025 is een raming opgenomen van het tekort.",
    ],
)
def test_commitments_deadline_occasion_without_promise(sentence: str) -> None:
    assert extract(letter(sentence, "12 november 2024"), name="brief.txt").commitments == ()

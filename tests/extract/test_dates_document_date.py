"""The date of a document that does not state one: after what it reports, before what it
announces; never an impossible range."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kamerlens.extract import extract
from kamerlens.extract.dateparse import Point, RawDate
from kamerlens.extract.dates import Found, estimate_date


def test_dates_document_date_seed_000(seed_000: Path) -> None:
    """Reports the Oslo meeting of 31 May - 1 June 2023, calls the defence ministers' meeting
    of 15-16 June "aanstaande"."""
    doc = extract(seed_000).document
    assert (doc.date, doc.date_estimated, doc.date_range) == (
        "2023-06-01", True, ("2023-06-01", "2023-06-15"))


def test_dates_document_date_seed_004_survives_the_typo(seed_004: Path) -> None:
    """The body says 29-30 November 2023 where the title says 2022: the title wins as anchor
    and the one contradicting date is outvoted, so the range stays possible."""
    record = extract(seed_004)
    doc = record.document
    assert (doc.date, doc.date_estimated, doc.date_range) == (
        "2022-11-30", True, ("2022-11-30", "2022-12-12"))
    council = [d for d in record.dates if d.text == "12 december"]
    assert [(d.start_date, d.year_inferred, d.relation) for d in council] == [
        ("2022-12-12", True, "upcoming")]


def test_dates_document_date_written_date_is_kept() -> None:
    record = extract(
        b"Datum 12 april 2024\nBetreft Voortgang\n\nHet debat van 7 februari jl. was nuttig. "
        b"Op 1 september 2024 opent het loket.", name="brief.txt")
    doc = record.document
    assert (doc.date, doc.date_estimated, doc.date_range) == ("2024-04-12", False, None)
    assert [(d.start_date, d.relation) for d in record.dates][1:] == [
        ("2024-02-07", "past"), ("2024-09-01", "upcoming")]


def test_dates_document_date_line_in_figures_and_a_reports_date() -> None:
    """A date line may write its date in figures (day first), and a report states its date as
    "Vastgesteld"; an impossible date in figures is no date."""
    cases = {
        b"Datum: 12-10-2023\nOnderwerp: Voortgang\n\nGeachte voorzitter,\n\nHet loket opent.": (
            "2023-10-12", False),
        b"VERSLAG VAN EEN COMMISSIEDEBAT\nVastgesteld 5 december 2023\n\nDe vaste commissie "
        b"heeft op 8 november 2023 overleg gevoerd.": ("2023-12-05", False),
        b"Den Haag, 3.7.2024\n\nGeachte voorzitter,\n\nHet loket opent.": ("2024-07-03", False),
    }
    for text, expected in cases.items():
        doc = extract(text, name="brief.txt").document
        assert (doc.date, doc.date_estimated) == expected, text
    impossible = extract(b"Datum 31-02-2023\n\nGeachte voorzitter,\n\nHet loket opent.",
                         name="brief.txt").document
    assert impossible.date is None or impossible.date_estimated


def test_dates_document_date_from_body_alone() -> None:
    record = extract(
        b"Verslag\n\nDe Raad kwam op 3 maart 2025 bijeen. Op de aanstaande Raad van 20 maart "
        b"zal dit opnieuw aan de orde komen.", name="verslag.txt")
    doc = record.document
    assert doc.date_estimated
    assert doc.date_range == ("2025-03-03", "2025-03-20")


def test_dates_document_date_nothing_to_go_on() -> None:
    doc = extract(b"Nederland steunt het voorstel.", name="x.txt").document
    assert (doc.date, doc.date_estimated, doc.date_range) == (None, False, None)


def _found(first: date, last: date, cue: str, strength: int) -> Found:
    a = Point(first.year, first.month, first.day)
    b = Point(last.year, last.month, last.day)
    return Found(RawDate(0, 1, a, b), a, b, False, cue, strength)  # type: ignore[arg-type]


def test_dates_document_date_outlier_never_inverts_the_range() -> None:
    """A past date a year too late (a typo) must not push the estimate past an upcoming one."""
    found = [
        _found(date(2022, 11, 29), date(2022, 11, 30), "past", 2),
        _found(date(2023, 11, 29), date(2023, 11, 30), "past", 1),  # the typo
        _found(date(2022, 12, 12), date(2022, 12, 12), "upcoming", 2),
    ]
    earliest, latest = estimate_date(found, date(2022, 11, 30), body_end=10**6)
    assert (earliest, latest) == (date(2022, 11, 30), date(2022, 12, 12))
    assert latest is not None and earliest <= latest


def test_dates_document_date_no_lower_bound_no_estimate() -> None:
    """Two equally weighted dates that cannot both hold: the point nearest the anchor keeps
    only the upcoming one, so nothing bounds the date from below and none is invented."""
    found = [
        _found(date(2023, 11, 30), date(2023, 11, 30), "past", 1),
        _found(date(2022, 12, 12), date(2022, 12, 12), "upcoming", 1),
    ]
    assert estimate_date(found, date(2022, 12, 1), body_end=10**6) is None

"""Date expressions, their years inferred from the letter's date and the words around them."""

from __future__ import annotations

import pytest

from kamerlens.extract import extract

# A letter dated 5 June 2023: every yearless date below is read against it.
HEAD = "Datum 5 juni 2023\nBetreft Voortgang\n\n"


def _dates(sentence: str) -> list[tuple[str, str | None, str | None, bool, str | None]]:
    record = extract((HEAD + sentence).encode("utf-8"), name="brief.txt")
    assert record.document.date == "2023-06-05"
    return [(d.text, d.start_date, d.end_date, d.year_inferred, d.relation)
            for d in record.dates if d.start >= len(HEAD)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("De Raad vond plaats op 31 mei en 1 juni 2023.",
         ("31 mei en 1 juni 2023", "2023-05-31", "2023-06-01", False)),
        ("Op 15 en 16 juni spreken de ministers verder.",
         ("15 en 16 juni", "2023-06-15", "2023-06-16", True)),
        ("De Top van 29 en 30 november 2022 was belangrijk.",
         ("29 en 30 november 2022", "2022-11-29", "2022-11-30", False)),
        ("Ik zal dat op 12 december opnieuw aankaarten.",
         ("12 december", "2023-12-12", "2023-12-12", True)),
        ("Het gesprek van 11 november jl. verliep goed.",
         ("11 november", "2022-11-11", "2022-11-11", True)),
        ("Op woensdag 31 mei werd daartoe besloten.",
         ("woensdag 31 mei", "2023-05-31", "2023-05-31", True)),
        ("De motie d.d. 17-11-2022 is aangenomen.",
         ("17-11-2022", "2022-11-17", "2022-11-17", False)),
        ("De motie van 17 november 2022 is aangenomen.",
         ("17 november 2022", "2022-11-17", "2022-11-17", False)),
        ("Ik zal uw Kamer voor de zomer informeren.",
         ("voor de zomer", None, "2023-07", True)),
        ("Ik zal uw Kamer voor het zomerreces informeren.",
         ("voor het zomerreces", None, "2023-07", True)),
        ("Dat is naar verwachting eind 2023 gereed.", ("eind 2023", "2023-11", "2023-12", False)),
        ("De wet treedt in het eerste kwartaal van 2024 in werking.",
         ("het eerste kwartaal van 2024", "2024-01", "2024-03", False)),
        ("De evaluatie volgt begin volgend jaar.",
         ("begin volgend jaar", "2024-01", "2024-03", True)),
        ("Het loket opent medio 2024.", ("medio 2024", "2024-06", "2024-07", False)),
        ("Het onderzoek start in het najaar 2023.",
         ("het najaar 2023", "2023-09", "2023-11", False)),
        ("Ik stuur u dit najaar een brief.", ("dit najaar", "2023-09", "2023-11", True)),
        ("Sinds 2014 groeit het budget.", ("Sinds 2014", "2014", None, False)),
        ("Het programma loopt van 2023 tot 2025.", ("2023 tot 2025", "2023", "2025", False)),
        ("Uiterlijk 1 juli 2024 moet het gereed zijn.",
         ("Uiterlijk 1 juli 2024", None, "2024-07-01", False)),
    ],
)
def test_dates_forms_resolved(sentence: str, expected: tuple) -> None:  # type: ignore[type-arg]
    (found,) = _dates(sentence)
    assert found[:4] == expected


@pytest.mark.parametrize(
    ("sentence", "relation"),
    [
        ("Het gesprek van 11 november jl. verliep goed.", "past"),
        ("Tijdens de aanstaande Raad op 12 december zal ik dat bepleiten.", "upcoming"),
        ("De bijeenkomst vond plaats op 1 juni.", "past"),
        ("De bijeenkomst op 3 maart a.s. wordt voorbereid.", "upcoming"),
    ],
)
def test_dates_forms_relation_from_cues(sentence: str, relation: str) -> None:
    (found,) = _dates(sentence)
    assert found[4] == relation


def test_dates_forms_past_cue_picks_the_last_year_before() -> None:
    """"12 december jl." in a June letter is last December, not the coming one."""
    ((text, start, _, inferred, relation),) = _dates("De Raad van 12 december jl. besloot.")
    assert (start, inferred, relation) == ("2022-12-12", True, "past")


def test_dates_forms_weekday_picks_the_year() -> None:
    """31 May was a Wednesday in 2023, not in 2022 or 2024."""
    ((_, start, _, _, _),) = _dates("Het overleg is op woensdag 31 mei gehouden.")
    assert start == "2023-05-31"


def test_dates_forms_a_bare_month_needs_a_preposition() -> None:
    assert _dates("De NAVO-Top in Vilnius in juli.")[0][:4] == ("juli", "2023-07", "2023-07", True)
    assert _dates("Mei Li sprak namens de delegatie.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Zie Kamerstukken II 2020/21, 35 570-IX, nr. 14.",
        "Ongeveer 2000 militairen nemen deel.",
        "Het zaaknummer is 2023Z17123.",
        "Het kost € 2024 per huishouden.",
        "Een 31 juni bestaat niet.",
    ],
)
def test_dates_forms_not_dates(sentence: str) -> None:
    assert _dates(sentence) == []


def test_dates_forms_letter_date_has_no_relation() -> None:
    record = extract((HEAD + "Tekst.").encode(), name="brief.txt")
    (own,) = [d for d in record.dates if d.start < len(HEAD)]
    assert (own.start_date, own.relation) == ("2023-06-05", None)

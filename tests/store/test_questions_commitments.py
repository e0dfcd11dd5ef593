"""Commitment status as of a date: open, overdue, fulfilled (with evidence), partial."""

from __future__ import annotations

from dataclasses import replace

import pytest
from storekit import seed_000, seed_004, span

from kamerlens.errors import QueryError
from kamerlens.ingest import read
from kamerlens.link import relink
from kamerlens.models import DocumentInfo, Fulfilment, MadeIn, Record, Reference, Signer
from kamerlens.store.core import SqlStore

# A later letter, in the style of real ones, that says it keeps the Vilnius commitment.
LATER = (
    "Hierbij informeer ik uw Kamer, mede namens de Minister van Defensie, over de Nederlandse "
    "inzet voor de nieuwe Defence Investment Pledge. Met deze brief geef ik invulling aan de "
    "toezegging in het verslag van de informele NAVO-bijeenkomst in Oslo (Kamerstuk 28 676, "
    "nr. 435) om uw Kamer voorafgaand aan de Top te informeren."
)


def _later(
    text: str,
    date: str,
    title: str,
    made_in: tuple[str, str] | None,
    role: str = "Minister van Buitenlandse Zaken",
) -> tuple:
    raw = read(text.encode(), name=f"later_{date}.txt")
    fulfilments = ()
    if made_in:
        s, _ = span(text, "Met deze brief")
        fulfilments = (
            Fulfilment(
                text[s:],
                MadeIn(*made_in),
                s,
                len(text),
                subject="de Nederlandse inzet voor de Defence Investment Pledge",
            ),
        )
    r_s, r_e = span(text, "Kamerstuk 28 676, nr. 435") if "nr. 435" in text else (0, 0)
    refs = (Reference("kamerstuk", "28676", "435", None, text[r_s:r_e], r_s, r_e),) if r_e else ()
    record = Record(
        document=DocumentInfo(
            source=raw.source,
            sha256=raw.sha256,
            kind="brief",
            title=title,
            date=date,
            signer=Signer("A. Minister", role),
            format="text",
        ),
        text=text,
        references=refs,
        fulfilments=fulfilments,
    )
    return raw, record


def _vilnius(store: SqlStore, as_of: str) -> dict:
    rows = [c for c in store.commitments(as_of=as_of) if "Vilnius" in c["text"]]
    assert len(rows) == 1
    return rows[0]


@pytest.fixture
def seeds(store: SqlStore) -> SqlStore:
    store.add(*seed_000("kst-28676-435"))
    store.add(*seed_004())
    relink(store)
    return store


@pytest.mark.parametrize(
    ("as_of", "status", "status_nl"),
    [
        ("2023-06-20", "open", "Openstaand"),
        ("2023-07-31", "open", "Openstaand"),
        ("2023-08-01", "overdue", "Openstaand (termijn verstreken)"),
    ],
)
def test_commitments_vilnius_status_as_of(seeds: SqlStore, as_of, status, status_nl) -> None:
    row = _vilnius(seeds, as_of)
    assert (row["status"], row["status_nl"]) == (status, status_nl)
    assert row["fulfilments"] == []


def test_commitments_not_listed_before_they_are_made(seeds: SqlStore) -> None:
    assert [c for c in seeds.commitments(as_of="2023-05-01") if "Vilnius" in c["text"]] == []


def test_commitments_fulfilled_by_later_letter_pointing_to_it(seeds: SqlStore) -> None:
    seeds.add(*_later(LATER, "2023-07-05", "Nederlandse inzet NAVO-Top", ("28676", "435")))
    relink(seeds)
    row = _vilnius(seeds, "2023-08-01")
    assert row["status"] == "fulfilled" and row["status_nl"] == "Voldaan"
    link = row["fulfilments"][0]
    assert link["kind"] == "fulfils" and link["confidence"] >= 0.9
    assert "28676, nr. 435" in link["evidence"]
    # before the fulfilling letter was written, it was still open
    assert _vilnius(seeds, "2023-07-01")["status"] == "open"


def test_commitments_covered_by_later_letter_of_same_actor(seeds: SqlStore) -> None:
    text = (
        "Hierbij ontvangt u de brief over de Nederlandse inzet voor de Defence Investment Pledge."
    )
    title = "Nederlandse inzet voor de nieuwe Defence Investment Pledge"
    seeds.add(*_later(text, "2023-07-04", title, None))
    relink(seeds)
    row = _vilnius(seeds, "2023-08-01")
    assert row["status"] == "fulfilled"
    link = row["fulfilments"][0]
    assert link["kind"] == "covers" and 0.5 <= link["confidence"] <= 0.8
    assert title in link["evidence"]


@pytest.mark.parametrize(
    ("date", "title", "role"),
    [
        (
            "2023-09-04",
            "Nederlandse inzet voor de nieuwe Defence Investment Pledge",
            "Minister van Buitenlandse Zaken",
        ),  # after the deadline
        ("2023-07-04", "Stand van zaken stikstofbeleid", "Minister van Buitenlandse Zaken"),
        ("2023-07-04", "Nederlandse inzet voor de nieuwe Defence Investment Pledge", None),
    ],
)
def test_commitments_no_cover_when_late_off_subject_or_unsigned(
    seeds: SqlStore, date: str, title: str, role: str | None
) -> None:
    raw, record = _later("Hierbij ontvangt u een brief.", date, title, None)
    record = replace(record, document=replace(record.document, signer=Signer(None, role)))
    seeds.add(raw, record)
    relink(seeds)
    assert _vilnius(seeds, "2023-10-01")["status"] == "overdue"


def test_commitments_partial_fulfilment(seeds: SqlStore) -> None:
    text = LATER + " Deze brief geeft een eerste stap; de rest volgt in een volgende brief."
    raw, record = _later(text, "2023-07-05", "Inzet NAVO-Top", ("28676", "435"))
    f = record.fulfilments[0]
    record = replace(record, fulfilments=(replace(f, text=text[f.start :], end=len(text)),))
    seeds.add(raw, record)
    relink(seeds)
    row = _vilnius(seeds, "2023-08-01")
    assert (row["status"], row["status_nl"]) == ("partial", "Deels voldaan")


@pytest.mark.parametrize(
    ("status", "expected"),
    [("overdue", 2), ("Openstaand", 2), ("open", 0), ("Voldaan", 0), ("fulfilled", 0)],
)
def test_commitments_status_filter_words(seeds: SqlStore, status: str, expected: int) -> None:
    assert len(seeds.commitments(status=status, as_of="2023-08-01")) == expected


def test_commitments_actor_filter(seeds: SqlStore) -> None:
    rows = seeds.commitments(as_of="2023-08-01", actor="kabinet")
    assert [r["actor"] for r in rows] == ["het kabinet"]


@pytest.mark.parametrize("bad", [{"status": "klaar"}, {"as_of": "1 augustus"}])
def test_commitments_bad_arguments(seeds: SqlStore, bad) -> None:
    with pytest.raises(QueryError):
        seeds.commitments(**bad)


def test_commitments_seed_004_deadline_passes(seeds: SqlStore) -> None:
    rows = [c for c in seeds.commitments(as_of="2022-12-13") if c["deadline"] == "2022-12-12"]
    assert [r["status"] for r in rows] == ["overdue"]
    rows = [c for c in seeds.commitments(as_of="2022-12-06") if c["deadline"] == "2022-12-12"]
    assert [r["status"] for r in rows] == ["open"]

"""Pledges over time per recipient; citations resolved to stored documents and the catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest
from storekit import EXAMPLES, seed_000, seed_004

from kamerlens.errors import QueryError
from kamerlens.link import relink
from kamerlens.store.batch import catalogue_rows
from kamerlens.store.core import SqlStore


@pytest.fixture
def seeds(store: SqlStore) -> SqlStore:
    store.add(*seed_000())
    store.add(*seed_004("kst-28676-423"))
    relink(store)
    return store


@pytest.mark.parametrize("recipient", ["UCAP", "ucap", "Ukraine Comprehensive Assistance Package"])
def test_pledges_ucap_in_date_order(seeds: SqlStore, recipient: str) -> None:
    groups = seeds.pledges(recipient=recipient)
    assert [g["recipient"] for g in groups] == ["UCAP"]
    pledges = groups[0]["pledges"]
    assert [(p["value"], p["date"][:7]) for p in pledges] == [(25e6, "2022-12"), (1e8, "2023-06")]
    assert groups[0]["latest"] == 1e8
    assert all(p["evidence"] for p in pledges)


def test_pledges_other_recipients_are_separate(seeds: SqlStore) -> None:
    names = [g["recipient"] for g in seeds.pledges()]
    assert sorted(names) == ["Oekraïne", "UCAP"]
    assert seeds.pledges(recipient="Wereldbank") == []


def test_refs_resolve_to_stored_document(seeds: SqlStore) -> None:
    data = seeds.refs("28676", "423")
    assert [d["doc_id"] for d in data["documents"]] == ["kst-28676-423"]
    assert [c["doc_id"] for c in data["cited_by"]] == ["kst-28676-423"]
    assert data["cited_by"][0]["resolves_to"] == "kst-28676-423"


def test_refs_whole_dossier_lists_every_citation(seeds: SqlStore) -> None:
    data = seeds.refs("28 676")
    assert sorted(c["number"] for c in data["cited_by"]) == ["417", "423", "434"]


def test_refs_catalogue_gives_titles(seeds: SqlStore, tmp_path: Path) -> None:
    csv_data = (EXAMPLES / "metadata" / "kamerstukken_2000-2025_sample.csv").read_bytes()
    rows = catalogue_rows(csv_data)
    assert rows is not None and len(rows) > 2000
    first = rows[0]
    seeds.load_catalogue(rows)
    data = seeds.refs(first["dossier"], first["number"])
    assert data["catalogue"][0]["title"] == first["title"]
    assert seeds.stats()["catalogue"] == len({r["identifier"] for r in rows})


def test_refs_bad_dossier(seeds: SqlStore) -> None:
    with pytest.raises(QueryError):
        seeds.refs("not a dossier")


def test_catalogue_rows_refuses_other_csv() -> None:
    assert catalogue_rows(b"a,b\n1,2\n") is None
    assert catalogue_rows(b"\xff\xfe\x00garbage") is None


def test_motions_with_reporting_documents(seeds: SqlStore) -> None:
    motions = seeds.motions()
    assert [(m["dossier"], m["number"]) for m in motions] == [("36200-X", "26")]
    assert {c["doc_id"] for c in motions[0]["cited_in"]} == {"kst-28676-423"}


def test_events_merge_and_upcoming(seeds: SqlStore) -> None:
    everything = seeds.events()
    assert [e["start_date"] for e in everything] == sorted(e["start_date"] for e in everything)
    assert {e["type"] for e in everything} == {"event", "deadline"}
    upcoming = seeds.events(upcoming=True, as_of="2023-07-01")
    assert {e["name"] for e in upcoming} >= {"NAVO-Top"}
    assert all(e["end_date"] >= "2023-07" for e in upcoming)


def test_stats_counts_every_kind(seeds: SqlStore) -> None:
    stats = seeds.stats()
    assert stats["documents"] == 2
    assert stats["references"] == 4 and stats["amounts"] == 3 and stats["commitments"] == 2
    assert stats["links"] >= 3 and stats["size_bytes"] > 0

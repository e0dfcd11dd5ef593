"""PostgreSQL's own search: the language as a tsquery, a broad query's total estimated past
the count cap (flagged, never silently wrong), and the two ways to the newest matches (walking
the date index, or the GIN index's bitmap sorted) finding the same hits."""

from __future__ import annotations

import pytest
from storekit import seed_000, seed_004, variant

from kamerlens.store import SearchQuery, open_store
from kamerlens.store.postgres import fts
from kamerlens.store.query import parse


@pytest.mark.parametrize(
    ("query", "tsquery"),
    [
        ("navo oekraine", "(navo & oekraine)"),
        ('"vitale infrastructuur"', "(vitale <-> infrastructuur)"),
        ("infra*", "infra:*"),
        ("title:verslag", "verslag:A"),
        ("navo NOT china", "navo & !(china)"),
        ("a NEAR/1 b", "((a <1> b | b <1> a | a <2> b | b <2> a))"),
        ("navo OR eu", "(navo | eu)"),
    ],
)
def test_postgres_search_language_as_tsquery(query: str, tsquery: str) -> None:
    assert fts.to_tsquery(parse(query)) == tsquery


def test_postgres_search_total_past_the_cap_is_an_estimate(
    pg_new, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    store = open_store(pg_new())
    try:
        pairs = [seed_000(), seed_004(), *(variant(*seed_004(), i) for i in range(1, 4))]
        for raw, record in pairs:
            store.add(raw, record)
        exact = store.search(SearchQuery("navo"))
        assert (exact.total, exact.estimated) == (5, False)
        monkeypatch.setattr(fts, "COUNT_CAP", 2)
        capped = store.search(SearchQuery("navo", facets=True))
        assert capped.estimated and capped.total >= 3
        assert len(capped.hits) == 5  # the hits themselves are all there
        monkeypatch.setattr(fts, "FACET_CAP", 1)
        assert sum(store.search(SearchQuery("navo", facets=True)).facets["kind"].values()) == 1
    finally:
        store.close()


@pytest.mark.parametrize(
    "query",
    [
        SearchQuery("navo"),
        SearchQuery("navo", sort="date"),
        SearchQuery("navo", sort="date", limit=2),
        SearchQuery("navo", sort="date", limit=2, offset=3),
        SearchQuery('"vitale infrastructuur"'),
        SearchQuery("steun OR navo", kind="Brief"),
        SearchQuery("navo", since="2020-01-01", until="2030-12-31", limit=3),
        SearchQuery("navo", entity="Oekraïne"),
        SearchQuery("navo NOT china", facets=True),
    ],
    ids=lambda q: repr(q.q),
)
def test_postgres_search_walk_and_bitmap_find_the_same_hits(
    pg_new, monkeypatch: pytest.MonkeyPatch, query: SearchQuery
) -> None:  # type: ignore[no-untyped-def]
    store = open_store(pg_new())
    try:
        # kinds that differ, an undated document (last when newest come first, both ways)
        kinds = {
            1: {"kind": "brief", "date": "2021-01-01"},
            2: {"kind": "brief", "date": None},
            3: {"date": "2024-02-02"},
            4: {},
        }
        pairs = [seed_000(), seed_004(), *(variant(*seed_004(), i, **kinds[i]) for i in kinds)]
        for raw, record in pairs:
            store.add(raw, record)
        found = {}
        for walk in (True, False):
            monkeypatch.setattr(fts, "_walks", lambda *_, walk=walk: walk)
            found[walk] = store.search(query)
        assert found[True].hits, "the query finds something in the seed store"
        assert found[True] == found[False]
    finally:
        store.close()

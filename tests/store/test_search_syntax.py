"""Search: words, phrases, AND/OR/NOT, NEAR, prefix, accents, filters; clear errors.

Every behaviour is checked on every engine: SQLite's tantivy side index (the default) and FTS5
(the fallback when the index is missing or locked), and PostgreSQL's own full-text search."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from storekit import seed_000, seed_004

from kamerlens.errors import QueryError
from kamerlens.store import SearchQuery, open_store
from kamerlens.store.core import SqlStore
from kamerlens.store.query import to_fts
from kamerlens.store.sqlite import SqliteStore


@pytest.fixture(params=["tantivy", "fts5", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SqlStore]:
    if request.param == "postgres":
        pg = open_store(request.getfixturevalue("pg_new")())
        assert isinstance(pg, SqlStore)
        yield pg
        pg.close()
        return
    s = SqliteStore(tmp_path / "store.db", text_index=request.param == "tantivy")
    assert (s.indexer.index is not None) == (request.param == "tantivy")
    yield s
    s.close()


@pytest.fixture
def seeded(store: SqlStore) -> dict[str, str]:
    ids = {}
    for name, make in (("000", seed_000), ("004", seed_004)):
        raw, record = make()
        ids[name] = store.add(raw, record).doc_id
    return ids


def _found(store: SqlStore, q: str, **kw) -> set[str]:
    return {h["doc_id"] for h in store.search(SearchQuery(q, **kw)).hits}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("UCAP", {"000", "004"}),
        ("ucap oslo", {"000"}),  # all words
        ('"vitale infrastructuur"', {"004"}),  # phrase
        ('"infrastructuur vitale"', set()),  # phrase order matters
        ("oslo OR boekarest", {"000", "004"}),
        ("navo NOT china", {"000"}),
        ("oekraine", {"000", "004"}),  # accents do not matter (Oekraïne)
        ("OEKRAÏNE", {"000", "004"}),
        ("infrastruct*", {"004"}),  # prefix
        ("noordzee*", {"004"}),
        ("NAVO-Top", {"000", "004"}),  # a phrase: "NAVO-Top" and "NAVO Top" alike
        ("ucap NEAR fund", {"004"}),  # within 10 words
        ("ucap NEAR/25 trustfund", {"000"}),
        ("ucap NEAR/3 trustfund", set()),
        ("NEAR(defence pledge, 2)", {"000"}),
        ("oslo NEAR/3 boekarest", set()),
        ("steun AND (oslo OR madrid)", {"000", "004"}),
        ("title:informele", {"000"}),
    ],
)
def test_search_syntax_finds(
    store: SqlStore, seeded: dict[str, str], query: str, expected: set[str]
) -> None:
    assert _found(store, query) == {seeded[n] for n in expected}


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ('"vitale infrastructuur', "not closed"),
        ("(navo OR eu", "not closed"),
        ("navo)", "has no"),
        ("AND navo", "needs a term before"),
        ("NOT china", "needs a term before"),
        ("navo OR", "needs a term after"),
        ("navo AND OR eu", "needs a term before"),
        ("NEAR navo", "both sides"),
        ("NEAR(navo, 3)", "at least two"),
        ("()", "empty or unfinished"),
        ("---", "not a word"),
        ('""', "empty phrase"),
    ],
)
def test_search_syntax_malformed_is_query_error(
    store: SqlStore, query: str, reason: str
) -> None:
    with pytest.raises(QueryError, match=reason):
        store.search(SearchQuery(query))


def test_search_snippets_mark_hits(store: SqlStore, seeded: dict[str, str]) -> None:
    result = store.search(SearchQuery("UCAP"))
    assert result.total == 2
    for hit in result.hits:
        assert "<mark>UCAP</mark>" in hit["snippet"]
        assert set(hit) >= {"doc_id", "title", "kind", "date", "dossier", "snippet", "score"}


def test_search_sort_by_date_and_relevance(store: SqlStore, seeded: dict[str, str]) -> None:
    by_date = store.search(SearchQuery("navo", sort="date")).hits
    assert [h["date"] for h in by_date] == sorted((h["date"] for h in by_date), reverse=True)
    ranked = store.search(SearchQuery("oslo OR infrastructuur")).hits
    assert [h["score"] for h in ranked] == sorted((h["score"] for h in ranked), reverse=True)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"since": "2023-01-01"}, {"000"}),
        ({"until": "2022-12"}, {"004"}),
        ({"until": "2022"}, {"004"}),
        ({"kind": "verslag"}, {"000", "004"}),
        ({"kind": "motie"}, set()),
        ({"entity": "UA"}, {"000"}),
        ({"entity": "vilnius"}, {"000"}),
        ({"dossier": "28 676"}, set()),
    ],
)
def test_search_filters(store: SqlStore, seeded: dict[str, str], filters, expected) -> None:
    assert _found(store, "navo", **filters) == {seeded[n] for n in expected}


@pytest.mark.parametrize(
    "filters", [{"since": "juni"}, {"until": "2023/01/01"}, {"dossier": "abc"}, {"sort": "best"}]
)
def test_search_bad_filters_are_query_errors(store: SqlStore, filters) -> None:
    with pytest.raises(QueryError):
        store.search(SearchQuery("navo", **filters))


def test_search_facets(store: SqlStore, seeded: dict[str, str]) -> None:
    result = store.search(SearchQuery("navo", facets=True))
    assert result.facets["kind"] == {"verslag": 2}
    assert result.facets["year"] == {"2022": 1, "2023": 1}
    assert result.facets["entity"] == {"Oekraïne": 1, "Vilnius": 1}
    assert result.facets["dossier"] == {}
    narrowed = store.search(SearchQuery("navo", facets=True, since="2023-01-01"))
    assert narrowed.facets["year"] == {"2023": 1}


def test_search_snippets_escape_html(store: SqlStore) -> None:
    """The web app inserts snippets as HTML: only the marks may be markup."""
    raw, record = seed_004()
    text = record.text + "\n\nZie <script>alert(1)</script> & de NAVO-Top <b>nu</b>."
    store.add(replace(raw, sha256="f" * 64), replace(record, text=text))
    snippet = store.search(SearchQuery("alert")).hits[0]["snippet"]
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet
    assert "<mark>alert</mark>" in snippet


def test_search_counts_and_pages(store: SqlStore, seeded: dict[str, str]) -> None:
    first = store.search(SearchQuery("navo", limit=1))
    second = store.search(SearchQuery("navo", limit=1, offset=1))
    assert first.total == second.total == 2
    assert {first.hits[0]["doc_id"], second.hits[0]["doc_id"]} == set(seeded.values())


@pytest.mark.parametrize(
    ("query", "fts"),
    [
        ("kst-28676-434", '"kst 28676 434"'),
        ("navo*", "navo*"),
        ('"vitale infra"*', '"vitale infra" *'),
        ("a NEAR/5 b", "NEAR(a b, 5)"),
    ],
)
def test_search_to_fts(query: str, fts: str) -> None:
    assert to_fts(query) == fts

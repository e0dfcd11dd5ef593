"""The batched write path: a chunk goes in with one statement per table; a chunk that fails is
written again document by document, so only the bad document is refused."""

from __future__ import annotations

from dataclasses import replace

from storekit import check_integrity, seed_000, seed_004, table_rows, variant

from kamerlens.store import SearchQuery, open_store
from kamerlens.store.base import AddResult
from kamerlens.store.core import SqlStore
from kamerlens.store.writer import Prepared, prepare


def _prepared(pair: tuple) -> Prepared:
    raw, record = pair
    return prepare(raw, record, source=raw.source, sha256=raw.sha256)


def test_writer_bad_document_refused_alone(store: SqlStore) -> None:
    good, other = _prepared(seed_000()), _prepared(seed_004())
    bad = _prepared(variant(*seed_004(), 1))
    table = next(iter(bad.rows))
    bad.rows[table][0] = (*bad.rows[table][0][:-1], object())  # no SQL type: refused
    out = store.add_prepared([good, bad, other])
    assert isinstance(out[0], AddResult) and isinstance(out[2], AddResult)
    assert isinstance(out[1], Exception)
    assert store.stats()["documents"] == 2
    check_integrity(store)
    assert store.search(SearchQuery("navo")).total == 2
    assert not store.known(bad.sha256)


def test_writer_same_content_twice_in_a_chunk(store: SqlStore) -> None:
    first = _prepared(seed_000())
    out = store.add_prepared([first, replace(first)])
    assert [o.status for o in out] == ["stored", "unchanged"]  # type: ignore[union-attr]
    assert out[0].doc_id == out[1].doc_id  # type: ignore[union-attr]
    assert store.stats()["documents"] == 1


def test_writer_same_identifier_gets_a_suffix(store: SqlStore) -> None:
    a = _prepared(seed_000("kst-28676-435"))
    b = _prepared(variant(*seed_000("kst-28676-435"), 2))
    out = store.add_prepared([a, b])
    ids = [o.doc_id for o in out]  # type: ignore[union-attr]
    assert ids == ["kst-28676-435", f"kst-28676-435.{b.sha256[:8]}"]


def test_writer_chunk_equals_one_by_one(store: SqlStore, new_target) -> None:  # type: ignore[no-untyped-def]
    """The same documents written as one chunk or one at a time give the same rows."""
    pairs = [seed_000(), seed_004(), variant(*seed_004(), 3)]
    store.add_prepared([_prepared(p) for p in pairs])
    other = open_store(new_target("other"), text_index=False)
    for p in pairs:
        other.add(*p)
    for table in ("documents", "texts", "entities", "entity_mentions", "references", "amounts"):
        rows = [
            tuple(r)[1:] if table != "documents" else tuple(r)[:17]
            for r in table_rows(store, table)
        ]
        others = [
            tuple(r)[1:] if table != "documents" else tuple(r)[:17]
            for r in table_rows(other, table)
        ]
        assert rows == others, table
    other.close()

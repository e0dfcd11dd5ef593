"""Adding the same content twice changes nothing; new content under a known identifier is kept
beside it; reprocess replaces items in place."""

from __future__ import annotations

from dataclasses import replace

import pytest
from storekit import fts_count, seed_000, seed_004, snapshot, variant

from kamerlens.store.core import SqlStore


@pytest.mark.parametrize("make", [seed_000, seed_004])
def test_store_add_twice_changes_nothing(store: SqlStore, make) -> None:
    raw, record = make()
    first = store.add(raw, record)
    before = snapshot(store)
    again = store.add(raw, record)
    assert first.status == "stored" and first.items > 0
    assert again.status == "unchanged" and again.doc_id == first.doc_id
    assert snapshot(store) == before


def test_store_known_by_content_hash(store: SqlStore) -> None:
    raw, record = seed_000()
    assert not store.known(raw.sha256)
    store.add(raw, record)
    assert store.known(raw.sha256)
    assert raw.sha256 in store.known_hashes()


@pytest.mark.parametrize(
    ("identifier", "expected"),
    [("kst-28676-435", "kst-28676-435"), (None, None)],
)
def test_store_doc_id_is_identifier_or_hash(store: SqlStore, identifier, expected) -> None:
    raw, record = seed_000(identifier)
    result = store.add(raw, record)
    assert result.doc_id == (expected or raw.sha256[:16])
    stored = store.document(result.doc_id)["document"]
    if identifier:
        assert (stored["dossier"], stored["number"]) == ("28676", "435")


def test_store_doc_id_from_file_name(store: SqlStore) -> None:
    raw, record = seed_004()
    raw = replace(raw, source="downloads/kst-36200-X-26.txt")
    record = replace(record, document=replace(record.document, source=raw.source))
    result = store.add(raw, record)
    assert result.doc_id == "kst-36200-X-26"
    doc = store.document("kst-36200-X-26")["document"]
    assert (doc["dossier"], doc["number"]) == ("36200-X", "26")


def test_store_same_identifier_other_content_kept_beside(store: SqlStore) -> None:
    raw, record = seed_000("kst-28676-435")
    raw2, record2 = variant(raw, record, 1)
    a, b = store.add(raw, record), store.add(raw2, record2)
    assert a.doc_id == "kst-28676-435"
    assert b.doc_id == f"kst-28676-435.{raw2.sha256[:8]}"
    assert store.add(raw2, record2).status == "unchanged"
    assert store.stats()["documents"] == 2


def test_store_replace_swaps_items_in_place(store: SqlStore) -> None:
    raw, record = seed_004()
    store.add(raw, record)
    fewer = replace(record, amounts=())
    result = store.add(raw, fewer, replace=True)
    assert result.status == "replaced"
    stats = store.stats()
    assert stats["documents"] == 1 and stats["amounts"] == 0
    assert stats["references"] == len(record.references)
    # the full-text index forgot the old row and holds the new one exactly once
    assert fts_count(store, "ucap") == 1

"""A stored record reads back in the shape of Record.to_dict(), spans intact."""

from __future__ import annotations

import json

import pytest
from storekit import seed_000, seed_004

from kamerlens.errors import NotFound
from kamerlens.models import ITEM_KINDS
from kamerlens.store.core import SqlStore


def _strip_ids(value):
    if isinstance(value, dict):
        return {k: _strip_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_strip_ids(v) for v in value]
    return value


@pytest.mark.parametrize("make", [seed_000, seed_004])
def test_store_document_equals_record(store: SqlStore, make) -> None:
    raw, record = make()
    doc_id = store.add(raw, record).doc_id
    stored = store.document(doc_id)
    expected = json.loads(json.dumps(record.to_dict()))  # tuples -> lists, as JSON has them
    assert stored["doc_id"] == doc_id
    assert stored["text"] == expected["text"]
    assert stored["document"] == expected["document"]
    for kind in ITEM_KINDS:
        assert _strip_ids(stored[kind]) == expected[kind], kind


@pytest.mark.parametrize("make", [seed_000, seed_004])
def test_store_spans_point_into_stored_text(store: SqlStore, make) -> None:
    raw, record = make()
    stored = store.document(store.add(raw, record).doc_id)
    text = stored["text"]
    for ref in stored["references"]:
        assert text[ref["start"] : ref["end"]] == ref["text"]
    for c in stored["commitments"]:
        assert text[c["start"] : c["end"]] == c["text"]


def test_store_resolve_by_hash_prefix_and_not_found(store: SqlStore) -> None:
    raw, record = seed_000("kst-28676-435")
    store.add(raw, record)
    assert store.document(raw.sha256[:10])["doc_id"] == "kst-28676-435"
    with pytest.raises(NotFound):
        store.document("kst-1-1")


def test_store_raw_gives_back_the_source(store: SqlStore) -> None:
    raw, record = seed_004()
    doc_id = store.add(raw, record).doc_id
    again = store.raw(doc_id)
    assert again.data == raw.data and again.sha256 == raw.sha256
    assert again.source == raw.source


def test_store_documents_latest_first(store: SqlStore) -> None:
    for make in (seed_004, seed_000):
        raw, record = make()
        store.add(raw, record)
    dates = [d["date"] for d in store.documents()]
    assert dates == sorted(dates, reverse=True)

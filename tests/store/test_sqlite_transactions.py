"""One transaction per document: a failure halfway leaves the store as it was."""

from __future__ import annotations

from dataclasses import replace

import pytest
from storekit import check_integrity, fts_count, seed_000, seed_004, snapshot

from kamerlens.models import Reference
from kamerlens.store.core import SqlStore


class _Broken(Reference):
    """A reference whose field cannot be read: the insert fails after earlier rows were written."""

    @property  # type: ignore[misc]
    def page(self):  # noqa: D401
        raise RuntimeError("disk on fire")


def test_store_failed_add_leaves_store_unchanged(store: SqlStore) -> None:
    raw, record = seed_000()
    store.add(raw, record)
    before = snapshot(store)
    raw4, record4 = seed_004()
    good = record4.references[0]
    broken = _Broken.__new__(_Broken)
    object.__setattr__(broken, "__dict__", dict(good.__dict__))
    bad_record = replace(record4, references=(good, broken))
    with pytest.raises(RuntimeError):
        store.add(raw4, bad_record)
    assert snapshot(store) == before
    assert not store.known(raw4.sha256)
    check_integrity(store)
    assert store.add(raw4, record4).status == "stored"


def test_store_fts_consistent_after_changes(store: SqlStore) -> None:
    for make in (seed_000, seed_004):
        raw, record = make()
        store.add(raw, record)
    raw, record = seed_004()
    store.add(raw, record, replace=True)
    store.delete(store.doc_ids()[0])
    check_integrity(store)
    assert fts_count(store, "navo") == 1 == store.stats()["documents"]

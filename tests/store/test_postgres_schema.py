"""What migration 0008 changed in PostgreSQL keeps the store whole: texts and sources are
compressed with lz4, and a document deleted by hand in SQL still takes all its mentions with it
(through its entities) although the mentions' own foreign key to documents is gone."""

from __future__ import annotations

from storekit import seed_000

from kamerlens.store import open_store


def test_postgres_schema_text_and_source_are_lz4(pg_new) -> None:  # type: ignore[no-untyped-def]
    store = open_store(pg_new())
    try:
        raw, record = seed_000()
        store.add(raw, record)
        rows = store._rows(  # type: ignore[attr-defined]
            "SELECT pg_column_compression(t.text) AS text, pg_column_compression(s.data) AS data"
            " FROM texts t JOIN sources s USING (doc_id)"
        )
    finally:
        store.close()
    assert rows == [{"text": "lz4", "data": "lz4"}]


def test_postgres_schema_deleted_document_takes_its_mentions(pg_new) -> None:  # type: ignore[no-untyped-def]
    store = open_store(pg_new())
    try:
        raw, record = seed_000()
        doc_id = store.add(raw, record).doc_id
        count = "SELECT count(*) AS n FROM entity_mentions"
        assert store._rows(count)[0]["n"] == sum(len(e.mentions) for e in record.entities)  # type: ignore[attr-defined]
        with store.transaction() as c:  # type: ignore[attr-defined]
            c.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
        left = store._rows(count)[0]["n"]  # type: ignore[attr-defined]
    finally:
        store.close()
    assert left == 0

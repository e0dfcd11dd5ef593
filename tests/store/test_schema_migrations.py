"""Migrations are numbered files, recorded in schema_migrations, applied once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kamerlens.errors import StoreError
from kamerlens.store import open_store
from kamerlens.store.schema import migrate, migrations


def test_schema_migrations_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(path).close()
    open_store(path).close()
    conn = sqlite3.connect(path)
    versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations")]
    assert versions == [m.version for m in migrations()]
    assert migrate(conn.__class__(path, isolation_level=None)) == []


def test_schema_plain_tables_readable_by_sql(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for name in (
        "documents",
        "sources",
        "texts",
        "references",
        "commitments",
        "links",
        "entities",
        "entity_mentions",
        "catalogue",
        "schema_migrations",
    ):
        assert name in tables
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_schema_migration_numbers_are_unique() -> None:
    versions = [m.version for m in migrations()]
    assert versions == sorted(set(versions)) and versions[0] == 1


def test_schema_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database file at all" * 100)
    with pytest.raises(StoreError, match="bad.db"):
        open_store(bad)


def test_schema_readonly_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "missing.db", readonly=True)


def test_schema_store_of_schema_2_upgrades(tmp_path: Path) -> None:
    """A store written before the side index and the incremental link stage: opening it applies
    the new migrations, rebuilds FTS5, builds the search index, and the next link run is full."""
    from kamerlens.link import link_new
    from kamerlens.store import SearchQuery
    from kamerlens.store.schema import _statements, applied

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    applied(conn)
    for m in migrations()[:2]:
        for statement in _statements(m.sql):
            conn.execute(statement)
        conn.execute(
            "INSERT INTO schema_migrations VALUES (?, ?, '2025-01-01T00:00:00')",
            (m.version, m.name),
        )
    conn.execute(
        "INSERT INTO documents (doc_id, sha256, source, title, date, ingested_at,"
        " extractor_version) VALUES ('d1', 'ab', 'old.txt', 'Steun aan Oekraïne', '2023-01-02',"
        " 'now', '0')"
    )
    conn.execute("INSERT INTO sources VALUES ('d1', x'00')")
    conn.execute(
        "INSERT INTO texts (id, doc_id, title, text) VALUES"
        " (1, 'd1', 'Steun aan Oekraïne', 'Nederland steunt Oekraïne.')"
    )
    conn.execute("INSERT INTO search (rowid, title, text) SELECT id, title, text FROM texts")
    conn.close()
    with open_store(path) as store:
        versions = [r["version"] for r in store._rows("SELECT version FROM schema_migrations")]
        assert versions == [m.version for m in migrations()]
        assert store.indexer.index is not None and store.indexer.index.num_docs() == 1
        assert store.search(SearchQuery("oekraine")).total == 1
        link_new(store)
        assert store._rows("SELECT value FROM store_state WHERE key = 'link_version'")
    with open_store(path, text_index=False) as store:
        assert store.search(SearchQuery("oekraine")).total == 1  # FTS5 rebuilt by 0004


def _sqlite_columns(path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search%'"
            " AND name NOT LIKE 'sqlite%'"
        )
    ]
    out = {t: [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')] for t in tables}
    conn.close()
    return out


def test_schema_both_backends_hold_the_same_tables(tmp_path: Path, pg_new) -> None:  # type: ignore[no-untyped-def]
    """SQL users and exports see one schema: the same migration numbers, tables and columns
    (only the full-text tables differ: FTS5 in SQLite, a tsvector table in PostgreSQL)."""
    assert [m.version for m in migrations("postgres")] == [m.version for m in migrations()]
    path = tmp_path / "s.db"
    open_store(path).close()
    url = pg_new()
    pg = open_store(url)
    try:
        rows = pg._rows(  # type: ignore[attr-defined]
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = 'public' AND table_name NOT LIKE 'search%'"
            " ORDER BY table_name, ordinal_position"
        )
        versions = [r["version"] for r in pg._rows("SELECT version FROM schema_migrations")]  # type: ignore[attr-defined]
    finally:
        pg.close()
    columns: dict[str, list[str]] = {}
    for r in rows:
        columns.setdefault(r["table_name"], []).append(r["column_name"])
    assert columns == _sqlite_columns(path)
    assert sorted(versions) == [m.version for m in migrations()]
    open_store(url).close()  # opening again applies nothing and fails nothing

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

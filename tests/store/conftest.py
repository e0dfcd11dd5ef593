"""Fixtures of the store tests: a fresh store per test, and the hand-made seed records."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from kamerlens.store import open_store  # noqa: E402
from kamerlens.store.sqlite import SqliteStore  # noqa: E402


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteStore]:
    s = open_store(tmp_path / "store.db")
    assert isinstance(s, SqliteStore)
    yield s
    s.close()


def snapshot(store: SqliteStore) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table except time stamps: to prove that nothing changed."""
    out = {}
    tables = [
        r[0]
        for r in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search%'"
            " AND name NOT LIKE 'sqlite%' ORDER BY name"
        )
    ]
    for table in tables:
        rows = store.conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
        out[table] = [tuple(r) for r in rows]
    out["search"] = [tuple(r) for r in store.conn.execute("SELECT rowid FROM search")]
    return out

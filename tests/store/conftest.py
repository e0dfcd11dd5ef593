"""Fixtures of the store tests: a fresh store per test, and the hand-made seed records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kamerlens.store import open_store
from kamerlens.store.sqlite import SqliteStore


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteStore]:
    s = open_store(tmp_path / "store.db")
    assert isinstance(s, SqliteStore)
    yield s
    s.close()

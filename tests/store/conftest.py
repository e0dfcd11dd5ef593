"""Fixtures of the store tests: a fresh store per test on each backend (``store_target`` in
tests/conftest.py: SQLite and PostgreSQL), and the hand-made seed records."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kamerlens.store import open_store
from kamerlens.store.core import SqlStore


@pytest.fixture
def store(store_target: str) -> Iterator[SqlStore]:
    s = open_store(store_target)
    assert isinstance(s, SqlStore)
    yield s
    s.close()

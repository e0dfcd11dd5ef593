"""A local feed server over the constructed fixtures, and a store synced from it."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from feedserver import FIXTURES, FeedServer  # noqa: E402

from kamerlens.store import open_store  # noqa: E402
from kamerlens.sync.client import Client  # noqa: E402
from kamerlens.sync.run import sync  # noqa: E402


def fast_client() -> Client:
    """No waiting between requests or retries: the server is local and the test is in charge."""
    return Client(rate=0, backoff=0, timeout=10)


@pytest.fixture
def fixtures(tmp_path: Path) -> Path:
    """A copy of the fixtures a test may change (add a page, break one)."""
    root = tmp_path / "fixtures"
    shutil.copytree(FIXTURES, root)
    return root


@pytest.fixture
def server(fixtures: Path) -> Iterator[FeedServer]:
    with FeedServer(fixtures) as srv:
        yield srv


@pytest.fixture(scope="session")
def synced_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store synced once from the untouched fixtures (read-only for the tests that use it)."""
    db = tmp_path_factory.mktemp("synced") / "kamerlens.db"
    with FeedServer() as srv, open_store(db) as store, fast_client() as client:
        summary = sync(store, base_url=srv.url, client=client)
    assert summary.errors == []
    return db

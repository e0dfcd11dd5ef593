"""Reprocess on a real Dask LocalCluster (2 worker processes) into a real PostgreSQL store, with
one worker killed (SIGKILL) while the batch runs: every document comes out exactly once, with
the same records a local run gives."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from storekit import EXAMPLES

from kamerlens.store import batch, distributed, open_store
from kamerlens.store.core import SqlStore

LETTERS = sorted((EXAMPLES / "letters").glob("*.txt"))


def _corpus(folder: Path, n: int) -> list[Path]:
    """``n`` distinct letters: the example letters, each also with a line of its own added."""
    out = []
    for i in range(n):
        source = LETTERS[i % len(LETTERS)]
        path = folder / f"{i:03d}_{source.name}"
        path.write_bytes(source.read_bytes() + f"\nKenmerk {i} van deze proef.\n".encode())
        out.append(path)
    return out


def _in_a_thread(fn):  # type: ignore[no-untyped-def]
    """Run ``fn`` in a thread of its own: a Dask client leaves asyncio state in the thread it
    ran in, and the browser tests' Playwright (sync API) refuses to start beside it."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(fn).result()


def _records(store: SqlStore) -> dict[str, dict]:
    """Every stored document's record without the ids a rewrite renumbers."""

    def strip(value):  # type: ignore[no-untyped-def]
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("id", "links")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return {doc_id: strip(store.document(doc_id)) for doc_id in store.doc_ids()}


def test_distributed_reprocess_survives_a_killed_worker(
    pg_new, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from distributed import Client, LocalCluster

    files = _corpus(tmp_path, 60)
    store = open_store(pg_new())
    assert isinstance(store, SqlStore)
    local = batch.ingest(store, files, workers=0)  # the local run
    assert local.stored == 60 and not local.failed
    before = _records(store)
    hashes = sorted(store.known_hashes())

    monkeypatch.setattr(distributed, "CHUNK", 3)  # 20 tasks: some are running at the kill
    killed: list[int] = []
    done: list[str] = []

    def on_cluster() -> batch.Summary:
        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)

        def progress(name: str) -> None:
            done.append(name)
            if len(done) >= 9 and not killed:
                nanny = next(iter(cluster.workers.values()))
                pid = nanny.process.process.pid
                os.kill(pid, signal.SIGKILL)  # mid-batch: its running task dies with it
                killed.append(pid)

        try:
            return batch.reprocess(store, progress=progress, dask=client)
        finally:
            client.close()
            cluster.close()

    summary = _in_a_thread(on_cluster)
    assert killed, "no worker was killed"
    assert summary.replaced == 60 and summary.stored == 0 and not summary.failed
    assert sorted(done) == sorted(str(f) for f in files)  # every document reported once
    assert sorted(store.known_hashes()) == hashes  # exactly once each, nothing new
    rows = store._rows("SELECT count(*) AS n, count(DISTINCT sha256) AS d FROM documents")[0]
    assert rows["n"] == rows["d"] == 60
    assert _records(store) == before  # the same records as the local run
    store.close()


def test_distributed_ingest_on_sqlite_writes_in_the_driver(tmp_path: Path) -> None:
    """A SQLite store has one writer: the Dask workers extract and this process writes."""
    from distributed import Client, LocalCluster

    files = _corpus(tmp_path, 8)
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
        open_store(tmp_path / "s.db") as store,
    ):
        summary = batch.ingest(store, files, dask=client)
        assert summary.stored == 8 and not summary.failed
        with open_store(tmp_path / "local.db") as other:
            batch.ingest(other, files, workers=0)
            assert _records(store) == _records(other)  # type: ignore[arg-type]

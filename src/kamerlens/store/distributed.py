"""Batch ingest and reprocess on a Dask cluster (``--scheduler tcp://host:8786`` or ``--dask
local``): the workers read the sources, extract, and write to the store themselves.

The driver (the ``kamerlens`` process) only splits the work into tasks of CHUNK documents,
names (file paths for ingest, content hashes for reprocess), and counts what comes back. A task
opens the store on its worker (once per worker process), reads its sources, extracts them and
writes its documents in one transaction. Exactly once, whatever fails:
- a worker killed mid-task rolls its transaction back (the server drops its connection); Dask
  runs the task again on another worker, and only the attempt that finished is counted;
- a task that runs twice writes nothing twice: ingest is idempotent by content hash under
  concurrent writers (``store/postgres``: advisory locks, unique constraints), and reprocess
  replaces a document by its content hash, which reprocessing does not change.
The workers write to a PostgreSQL store; a SQLite store has one writer, so there the workers
only extract and send the rows back to the driver, which writes them (``batch._run``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from kamerlens.errors import IngestError, KamerlensError, StoreError
from kamerlens.store.base import AddResult

CHUNK = 32  # documents per task: about 0.2 s of extraction, well above Dask's per-task cost
_STORES: dict[str, Any] = {}  # one open store per URL in each worker process


def client_for(scheduler: str | None, *, local: bool, workers: int | None) -> Any:
    """A Dask client: on the scheduler at ``scheduler``, or on a new LocalCluster."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - a dependency of kamerlens
        raise StoreError("Dask is not installed (pip install 'dask[distributed]')") from exc
    if scheduler:
        try:
            return Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise StoreError(f"cannot reach the Dask scheduler ({exc})", source=scheduler) from exc
    if not local:
        raise StoreError("give --scheduler tcp://HOST:8786 or --dask local")
    cluster = LocalCluster(
        n_workers=workers or os.cpu_count() or 1,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
    )
    return Client(cluster)


def _worker_store(url: str) -> Any:
    store = _STORES.get(url)
    if store is None:
        from kamerlens.store import open_store

        store = _STORES[url] = open_store(url)
    return store


def _write(store: Any, named: list[tuple[str, Any]], replace: bool) -> list[dict[str, Any]]:
    """Write the prepared documents of one task; one outcome per input, in order."""
    ready = [p for _, p in named if not isinstance(p, str)]
    outcomes = iter(store.add_prepared(ready, replace=replace) if ready else [])
    out = []
    for name, prepared in named:
        if isinstance(prepared, str):  # a failure, already a one-line message
            out.append({"name": name, "error": prepared})
            continue
        outcome = next(outcomes)
        if isinstance(outcome, AddResult):
            out.append({"name": name, "status": outcome.status, "counts": prepared.counts})
        else:
            out.append({"name": name, "error": f"{name}: cannot be stored ({outcome})"})
    return out


def _prepare(name: str, data: bytes, sha: str) -> Any:
    """Extract one source into rows, or a one-line failure (never raises)."""
    from kamerlens.extract import extract
    from kamerlens.store.writer import prepare

    try:
        prepared = prepare(None, extract(data, name=name), source=name, sha256=sha)
    except KamerlensError as exc:
        return str(exc)
    except Exception as exc:  # a bug must not end the batch; the file is named
        return f"{name}: internal error ({type(exc).__name__}: {exc})"
    prepared.data = data
    return prepared


def ingest_task(url: str, files: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """On a worker: read, skip what is stored, extract and write one chunk of files, given as
    (name as given to ingest, absolute path)."""
    from kamerlens.ingest import load_bytes, sha256_hex
    from kamerlens.ingest.catalogue import header as catalogue_header
    from kamerlens.store.batch import catalogue_rows

    store = _worker_store(url)
    read: list[tuple[str, bytes, str]] = []
    out: list[dict[str, Any]] = []
    for name, path in files:
        try:
            data = load_bytes(Path(path))
        except IngestError as exc:
            out.append({"name": name, "error": str(exc)})
            continue
        if catalogue_header(data) is not None:
            rows = catalogue_rows(data)
            if rows is not None:
                out.append({"name": name, "catalogue": store.load_catalogue(rows)})
                continue
        read.append((name, data, sha256_hex(data)))
    stored = store.stored_hashes([sha for _, _, sha in read])
    todo = []
    for name, data, sha in read:
        if sha in stored:
            out.append({"name": name, "status": "unchanged", "counts": {}})
        else:
            todo.append((name, _prepare(name, data, sha)))
    return out + _write(store, todo, replace=False)


def reprocess_task(url: str, hashes: list[str]) -> list[dict[str, Any]]:
    """On a worker: extract the stored sources of one chunk again and replace their items."""
    from kamerlens.ingest import sha256_hex

    store = _worker_store(url)
    todo = []
    for name, data in store.sources_by_hash(hashes):
        todo.append((name, _prepare(name, data, sha256_hex(data))))
    return _write(store, todo, replace=True)


def run(
    url: str,
    items: list[Any],
    *,
    reprocess: bool,
    client: Any,
    summary: Any,
    progress: Any = None,
) -> None:
    """Spread ``items`` ((name, path) of files, or content hashes to reprocess) over the
    cluster's workers and
    fold what each task reports into ``summary``; one ``progress`` call per document."""
    from distributed import as_completed

    task = reprocess_task if reprocess else ingest_task
    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
    # pure=False: a chunk asked for twice (another ingest) is its own task, not a cached result
    futures = [client.submit(task, url, chunk, pure=False, retries=2) for chunk in chunks]
    for future in as_completed(futures):
        try:
            outcomes = future.result()
        except Exception as exc:  # the task failed on every retry: its documents are named
            chunk = chunks[futures.index(future)]
            for item in chunk:
                name = item if isinstance(item, str) else item[0]
                summary.failed.append((name, f"{name}: not processed ({type(exc).__name__})"))
                if progress:
                    progress(name)
            continue
        for outcome in outcomes:
            _fold(summary, outcome)
            if progress:
                progress(outcome["name"])
        future.release()


def _fold(summary: Any, outcome: dict[str, Any]) -> None:
    if "error" in outcome:
        summary.failed.append((outcome["name"], outcome["error"]))
    elif "catalogue" in outcome:
        summary.catalogue += outcome["catalogue"]
    else:
        status = outcome["status"]
        if status == "unchanged":
            summary.unchanged += 1
            return
        if status == "replaced":
            summary.replaced += 1
        else:
            summary.stored += 1
        for kind, n in outcome["counts"].items():
            summary.items[kind] += n


__all__ = ["CHUNK", "client_for", "ingest_task", "reprocess_task", "run"]

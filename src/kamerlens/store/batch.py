"""Batch ingest and reprocess: extraction in worker processes, the main process the one writer.

Files are read and hashed in the main process; a hash already stored is skipped BEFORE any
extraction (idempotent by content; one index lookup per file, so memory does not grow with the
store). Workers get chunks of (name, bytes, sha256), extract them and
send back plain rows (``writer.prepare``: cheap to pickle; the bytes are not sent back); the main
process writes up to WRITE_DOCS documents per transaction (``SqliteStore.add_prepared``), so a
kill at any moment leaves every document wholly present or absent, and a re-run finishes the
rest. A bad file becomes one line in the summary and the batch goes on.
"""

from __future__ import annotations

import csv
import io
import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kamerlens.errors import IngestError, KamerlensError
from kamerlens.ingest import load_bytes, sha256_hex
from kamerlens.ingest.catalogue import COLUMNS
from kamerlens.ingest.catalogue import header as catalogue_header
from kamerlens.store.base import Store
from kamerlens.store.ids import canonical_dossier, identifier_parts
from kamerlens.store.writer import prepare

CHUNK_DOCS = 16  # documents per extraction task: amortises the inter-process overhead
CHUNK_BYTES = 2 << 20
WRITE_DOCS = 128  # documents per write transaction: FTS5 flushes once per commit
WRITE_BYTES = 8 << 20
LOOKUP_FILES = 16  # files read and looked up (stored already?) together
CATALOGUE_COLUMNS = COLUMNS


@dataclass
class Summary:
    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, one-line reason)
    items: Counter[str] = field(default_factory=Counter)
    catalogue: int = 0
    seconds: float = 0.0
    links: dict[str, int] = field(default_factory=dict)

    @property
    def seen(self) -> int:
        return self.stored + self.replaced + self.unchanged + len(self.failed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "stored": self.stored,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "failed": [{"source": s, "error": e} for s, e in self.failed],
            "items": dict(sorted(self.items.items())),
            "catalogue": self.catalogue,
            "links": self.links,
            "seconds": round(self.seconds, 2),
        }


Progress = Callable[[str], None]  # called once per finished input with its source name


def collect(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Every file under ``paths`` (folders recursively, hidden files skipped), sorted; and the
    paths that do not exist, as failures."""
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files += [Path(root) / n for n in sorted(names) if not n.startswith(".")]
        elif path.exists():
            files.append(path)
        else:
            missing.append((str(path), "no such file"))
    return files, missing


# -- the worker side --------------------------------------------------------------------------


def _extract_chunk(chunk: list[tuple[str, bytes, str]]) -> list[tuple[str, Any, Any]]:
    """Extract each (name, bytes, sha256) and turn the record into rows (``writer.prepare``),
    so only plain tuples travel back to the writer; never raises: failures come back as
    one-line messages."""
    from kamerlens.extract import extract

    out: list[tuple[str, Any, Any]] = []
    for name, data, sha in chunk:
        try:
            record = extract(data, name=name)
            prepared = prepare(None, record, source=name, sha256=sha)
        except KamerlensError as exc:
            out.append((name, None, str(exc)))
        except Exception as exc:  # a bug must not end the batch; the file is named
            out.append((name, None, f"{name}: internal error ({type(exc).__name__}: {exc})"))
        else:
            out.append((name, prepared, None))
    return out


def _executor(workers: int) -> Executor | None:
    if workers <= 0:
        return None
    methods = multiprocessing.get_all_start_methods()
    ctx: Any
    # forkserver: workers fork from a clean server (no threads, no open store), extract preloaded
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["kamerlens.extract", "kamerlens.store.writer"])
    else:
        ctx = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx)


def _chunks(jobs: Iterable[tuple[str, bytes, str]]) -> Iterator[list[tuple[str, bytes, str]]]:
    chunk: list[tuple[str, bytes, str]] = []
    size = 0
    for job in jobs:
        chunk.append(job)
        size += len(job[1])
        if len(chunk) >= CHUNK_DOCS or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _run(
    store: Store,
    jobs: Iterable[tuple[str, bytes, str]],
    summary: Summary,
    workers: int,
    replace_existing: bool,
    progress: Progress | None,
    executor: Executor | None = None,
) -> None:
    """Extract ``(name, bytes, sha256)`` jobs (in workers) and write the results (here), in
    transactions of up to WRITE_DOCS documents."""
    buffer: list[tuple[str, Any]] = []  # (name, Prepared or None when it failed)
    size = 0

    def flush() -> None:
        nonlocal buffer, size
        ready = [p for _, p in buffer if p is not None]
        outcomes = iter(store.add_prepared(ready, replace=replace_existing) if ready else [])
        for name, prepared in buffer:
            if prepared is None:
                pass
            elif isinstance(outcome := next(outcomes), Exception):
                summary.failed.append((name, f"{name}: cannot be stored ({outcome})"))
            else:
                _count(summary, outcome.status, prepared.counts)
            if progress:
                progress(name)
        buffer, size = [], 0

    def take(chunk: list[tuple[str, bytes, str]], results: list[tuple[str, Any, Any]]) -> None:
        nonlocal size
        for (name, data, _), (_, prepared, error) in zip(chunk, results, strict=True):
            if error is not None:
                summary.failed.append((name, error))
                buffer.append((name, None))
            else:
                prepared.data = data  # the bytes never went back and forth
                buffer.append((name, prepared))
                size += len(data)
        if len(buffer) >= WRITE_DOCS or size >= WRITE_BYTES:
            flush()

    executor = executor or _executor(workers)
    if executor is None:
        for chunk in _chunks(jobs):
            take(chunk, _extract_chunk(chunk))
        flush()
        return
    pending: dict[Future[list[tuple[str, Any, Any]]], list[tuple[str, bytes, str]]] = {}
    with executor:
        for chunk in _chunks(jobs):
            pending[executor.submit(_extract_chunk, chunk)] = chunk
            while len(pending) >= workers * 3:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    take(pending.pop(fut), fut.result())
        for fut in list(pending):  # in submission order: deterministic ids for equal files
            take(pending.pop(fut), fut.result())
    flush()


def _count(summary: Summary, status: str, counts: dict[str, int]) -> None:
    if status == "unchanged":
        summary.unchanged += 1
        return
    if status == "replaced":
        summary.replaced += 1
    else:
        summary.stored += 1
    for kind, n in counts.items():
        summary.items[kind] += n


# -- catalogue CSV ----------------------------------------------------------------------------


def catalogue_rows(data: bytes) -> list[dict[str, Any]] | None:
    """Rows of a Kamerstukken metadata CSV (identifier, title, date ...), or None if not one."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not set(reader.fieldnames) >= CATALOGUE_COLUMNS:
        return None
    rows = []
    for row in reader:
        identifier = (row.get("identifier") or "").strip()
        if not identifier:
            continue
        dossier, number = identifier_parts(identifier)
        rows.append(
            {
                "identifier": identifier,
                "dossier": dossier or canonical_dossier(row.get("dossier_number")),
                "number": number,
                "title": row.get("title") or None,
                "date": (row.get("date") or "")[:10] or None,
                "type": row.get("type") or None,
                "dossier_title": row.get("dossier_title") or None,
                "url": row.get("url") or None,
            }
        )
    return rows


# -- entry points -----------------------------------------------------------------------------


def _on_workers(store: Store, dask: Any) -> str | None:
    """The URL the Dask workers write to, when they write themselves (a PostgreSQL store)."""
    url = getattr(store, "url", None)
    return str(url) if dask is not None and url else None


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    dask: Any = None,
) -> Summary:
    """Ingest files and folders; see the module docstring. ``workers=0`` extracts in-process.

    ``dask``: a Dask client; extraction runs on its workers (``store/distributed.py``).
    """
    started = time.perf_counter()
    workers = (os.cpu_count() or 1) if workers is None else workers
    files, missing = collect(paths)
    summary = Summary(failed=list(missing))
    url = _on_workers(store, dask)
    if url is not None:
        from kamerlens.store import distributed

        pairs = [(str(p), str(p.resolve())) for p in files]
        distributed.run(
            url, pairs, reprocess=False, client=dask, summary=summary, progress=progress
        )
        if progress:
            for name, _ in missing:
                progress(name)
        summary.seconds = time.perf_counter() - started
        return summary
    # each file is looked up as it is read (an index lookup), not against a set of every
    # stored hash: the writer's memory stays flat however large the store grows
    seen: set[str] = set()

    def read(path: Path) -> tuple[str, bytes | None, str]:
        name = str(path)
        try:
            data = load_bytes(path)
        except IngestError as exc:
            summary.failed.append((name, str(exc)))
            if progress:
                progress(name)
            return name, None, ""
        return name, data, sha256_hex(data)

    def jobs() -> Iterator[tuple[str, bytes, str]]:
        # files are read a few at a time and looked up together: one round trip per group,
        # not per file (a PostgreSQL store is a server away)
        for start in range(0, len(files), LOOKUP_FILES):
            group = [read(path) for path in files[start : start + LOOKUP_FILES]]
            stored = store.stored_hashes([sha for _, data, sha in group if data is not None])
            for name, data, sha in group:
                if data is None:
                    continue
                if sha in seen or sha in stored:
                    summary.unchanged += 1
                    if progress:
                        progress(name)
                    continue
                if catalogue_header(data) is not None:  # by content, like every format
                    rows = catalogue_rows(data)
                    if rows is not None:
                        summary.catalogue += store.load_catalogue(rows)
                        if progress:
                            progress(name)
                        continue
                seen.add(sha)
                yield name, data, sha

    _run(store, jobs(), summary, workers, False, progress, _dask_executor(dask))
    summary.seconds = time.perf_counter() - started
    return summary


def _dask_executor(dask: Any) -> Executor | None:
    # a store with one writer (SQLite): the Dask workers extract, this process writes
    return dask.get_executor(pure=False, retries=2) if dask is not None else None


def reprocess(
    store: Store,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    dask: Any = None,
) -> Summary:
    """Extract every stored document again from its stored source; replace its items.

    ``dask``: a Dask client; extraction runs on its workers (``store/distributed.py``).
    """
    started = time.perf_counter()
    workers = (os.cpu_count() or 1) if workers is None else workers
    summary = Summary()
    url = _on_workers(store, dask)
    if url is not None:
        from kamerlens.store import distributed

        hashes = store.hashes()  # type: ignore[attr-defined]
        distributed.run(
            url, hashes, reprocess=True, client=dask, summary=summary, progress=progress
        )
        summary.seconds = time.perf_counter() - started
        return summary

    def jobs() -> Iterator[tuple[str, bytes, str]]:
        for doc_id in store.doc_ids():
            name, data = store.source_bytes(doc_id)
            yield name, data, sha256_hex(data)

    _run(store, jobs(), summary, workers, True, progress, _dask_executor(dask))
    summary.seconds = time.perf_counter() - started
    return summary


def count_files(paths: Iterable[str | Path]) -> int:
    files, missing = collect(paths)
    return len(files) + len(missing)


__all__ = ["Summary", "catalogue_rows", "collect", "count_files", "ingest", "reprocess"]

"""Filling the store: ``ingest``, ``reprocess`` and ``demo`` (kamerlens.store.batch and
kamerlens.link), on a local process pool or a Dask cluster, with a progress bar on stderr."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from kamerlens.cli._app import (
    DbOption,
    MaxSizeOption,
    console,
    dump_json,
    err,
    fail,
    open_db,
    set_max_size,
    store_call,
)
from kamerlens.errors import KamerlensError, QueryError

SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        envvar="KAMERLENS_SCHEDULER",
        help="Extract on a Dask cluster: its scheduler, e.g. tcp://host:8786.",
    ),
]
DaskOption = Annotated[
    str | None,
    typer.Option("--dask", help="'local': extract on a Dask LocalCluster of --workers processes."),
]


@contextmanager
def _dask(scheduler: str | None, dask: str | None, workers: int | None) -> Iterator[Any]:
    """A Dask client for --scheduler / --dask local, or None (the local process pool)."""
    if dask not in (None, "local"):
        raise QueryError(f"--dask must be 'local', not {dask!r} (a cluster: --scheduler URL)")
    if not scheduler and not dask:
        yield None
        return
    from kamerlens.store.distributed import client_for

    client = client_for(scheduler, local=dask == "local", workers=workers)
    try:
        yield client
    finally:
        cluster = client.cluster if dask == "local" else None
        client.close()
        if cluster is not None:
            cluster.close()


def _run_batch(
    store: Any,
    paths: list[str] | None,
    workers: int | None,
    quiet: bool,
    client: Any = None,
) -> Any:
    """Ingest ``paths`` (or reprocess everything when None) with a progress bar on stderr;
    on the workers of a Dask ``client`` when given."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from kamerlens.link import link_new, relink
    from kamerlens.store import batch

    total = batch.count_files(paths) if paths is not None else len(store.doc_ids())
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, disable=quiet, transient=False) as bar:
        task = bar.add_task("ingest" if paths is not None else "reprocess", total=total)

        def tick(_: str) -> None:
            bar.advance(task)

        if paths is not None:
            summary = batch.ingest(store, paths, workers=workers, progress=tick, dask=client)
        else:
            summary = batch.reprocess(store, workers=workers, progress=tick, dask=client)
    if paths is None:  # reprocess: every document changed, link everything again
        summary.links = relink(store)
    else:  # ingest: only what the new documents can change (also those a killed run left)
        summary.links = link_new(store)
    return summary


def _print_summary(summary: Any, fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(dump_json(summary.to_dict()) + "\n")
    else:
        items = ", ".join(f"{n} {k}" for k, n in sorted(summary.items.items())) or "no items"
        err.print(
            f"stored {summary.stored}, replaced {summary.replaced}, unchanged {summary.unchanged},"
            f" failed {len(summary.failed)}"
            + (f", catalogue rows {summary.catalogue}" if summary.catalogue else "")
            + f" in {summary.seconds:.1f} s; items: {items}",
            markup=False,
        )
    for source, error in summary.failed:
        fail(error if error.startswith(source) else f"{source}: {error}")


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files and folders (read recursively).")],
    db: DbOption = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", help="Extraction processes (default: all cores)."),
    ] = None,
    format: Annotated[
        str, typer.Option("--format", "-f", help="Summary as text or json.")
    ] = "text",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    scheduler: SchedulerOption = None,
    dask: DaskOption = None,
    max_size: MaxSizeOption = None,
) -> None:
    """Store documents (idempotent by content): raw source, text, every item, full-text index."""

    def body() -> None:
        if format not in ("text", "json"):
            raise QueryError(f"--format must be text or json, not {format!r}")
        set_max_size(max_size)
        with open_db(db) as store, _dask(scheduler, dask, workers) as client:
            summary = _run_batch(store, paths, workers, quiet, client)
        _print_summary(summary, format)
        if summary.failed:
            raise typer.Exit(1)

    store_call(body)


def reprocess(
    db: DbOption = None,
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", help="Extraction processes.")
    ] = None,
    format: Annotated[
        str, typer.Option("--format", "-f", help="Summary as text or json.")
    ] = "text",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    scheduler: SchedulerOption = None,
    dask: DaskOption = None,
    max_size: MaxSizeOption = None,
) -> None:
    """Extract every stored document again from its stored source (after the rules improve)."""

    def body() -> None:
        set_max_size(max_size)
        with open_db(db) as store, _dask(scheduler, dask, workers) as client:
            summary = _run_batch(store, None, workers, quiet, client)
        _print_summary(summary, format)
        if summary.failed:
            raise typer.Exit(1)

    store_call(body)


def demo(
    db: Annotated[str, typer.Option("--db", help="Store to (re)create.")] = "kamerlens.db",
    examples: Annotated[
        Path | None, typer.Option("--examples", help="Folder of documents (default: examples/).")
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Dashboard date (default today).")
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", help="Extraction processes.")
    ] = None,
) -> None:
    """Ingest the bundled examples into a fresh store and print a dashboard."""
    from datetime import date

    from kamerlens.store.present import dashboard
    from kamerlens.store.questions import check_date

    def body() -> None:
        folder = examples or _examples_folder()
        day = check_date(as_of, "--as-of") or date.today().isoformat()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        parts = sorted(
            str(p) for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")
        )
        with open_db(db) as store:
            summary = _run_batch(store, parts or [str(folder)], workers, False)
            _print_summary(summary, "text")
            dashboard(console, store, day)

    store_call(body)


def _examples_folder() -> Path:
    for candidate in (Path.cwd() / "examples", Path(__file__).resolve().parents[3] / "examples"):
        if candidate.is_dir():
            return candidate
    raise KamerlensError("no examples/ folder here; give one with --examples")

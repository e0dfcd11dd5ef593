"""``kamerlens sync``: the command over :func:`kamerlens.sync.run.sync` and the KOOP sync, with
a progress bar per category on stderr and a summary at the end."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from kamerlens.errors import KamerlensError, QueryError

err = Console(stderr=True, highlight=False, soft_wrap=True)


def _counts(s: Any) -> str:
    return (
        f"{s.entities} entities ({s.added} new, {s.updated} changed, {s.deleted} removed),"
        f" {s.documents} files, {s.pages} pages" + (f", {len(s.errors)} errors" if s.errors else "")
    )


def _print_summary(summary: Any, fmt: str, out: Console) -> None:
    if fmt == "json":
        out.print_json(json.dumps(summary.to_dict(), ensure_ascii=False))
        return
    for name, s in summary.categories.items():
        out.print(f"{name:>16}: {_counts(s)}", markup=False)
    out.print(
        f"{'total':>16}: {summary.total('entities')} entities, {summary.total('documents')}"
        f" files, {summary.requests} requests ({summary.retried} retried) in"
        f" {summary.seconds:.1f} s",
        markup=False,
    )


def sync_command(
    db: Annotated[
        str | None,
        typer.Option("--db", envvar="KAMERLENS_DB", help="Store file (default ./kamerlens.db)."),
    ] = None,
    source: Annotated[
        str, typer.Option("--source", help="tk (the Tweede Kamer's SyncFeed) or koop (SRU).")
    ] = "tk",
    category: Annotated[
        list[str] | None,
        typer.Option(
            "--category",
            "-c",
            help="Categories to sync (repeat or comma-separate): Document, Zaak, Toezegging,"
            " Besluit, Stemming, Activiteit, Verslag, Kamerstukdossier, Persoon, Fractie,"
            " ZaakActor. Default: all.",
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Only entities changed on or after this date (YYYY-MM-DD). tk: older ones are"
            " left out, but the feed's pages are still read (it lists changes oldest first; a"
            " later run resumes where this one stopped). koop: a filter of the query.",
        ),
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="KOOP: publications up to this date.")
    ] = None,
    dossier: Annotated[
        str | None, typer.Option("--dossier", help="KOOP: only this dossier, e.g. 29924.")
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", help="At most this many entities per category.")
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option("--base-url", help="Root of the service (default: the real one)."),
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="Summary as text or json.")] = (
        "text"
    ),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Fetch the Tweede Kamer's open data into the store, incrementally (resumes where it
    stopped). Example: kamerlens sync --category Zaak,Besluit,Stemming --since 2025-01-01"""
    out = Console(highlight=False)
    try:
        summary = _run(db, source, category, since, until, dossier, limit, base_url, quiet)
    except KamerlensError as exc:
        err.print(f"kamerlens: {exc}", markup=False)
        raise typer.Exit(exc.exit_code) from None
    for line in summary.errors:
        err.print(f"kamerlens: {line}", markup=False)
    _print_summary(summary, format, out)
    if summary.errors:
        raise typer.Exit(1)


def _run(
    db: str | None,
    source: str,
    category: list[str] | None,
    since: str | None,
    until: str | None,
    dossier: str | None,
    limit: int | None,
    base_url: str | None,
    quiet: bool,
) -> Any:
    from kamerlens.store import default_path, open_store
    from kamerlens.store.questions import check_date

    check_date(since, "--since")
    check_date(until, "--until")
    if limit is not None and limit < 1:
        raise QueryError("--limit must be 1 or more")
    if source not in ("tk", "koop"):
        raise QueryError(f"--source must be tk or koop, not {source!r}")
    if source == "koop":
        from kamerlens.sync.koop import check_dossier

        check_dossier(dossier)  # before the store is opened: the option goes into the query
    elif dossier is not None or until is not None:
        raise QueryError("--dossier and --until apply to --source koop only")
    store: Any = open_store(db or default_path())
    with (
        store,
        Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=err,
            disable=quiet,
            transient=False,
        ) as bar,
    ):
        tasks: dict[str, Any] = {}

        def progress(s: Any) -> None:
            if s.category not in tasks:
                tasks[s.category] = bar.add_task(s.category)
            bar.update(tasks[s.category], description=f"{s.category}: {_counts(s)}")

        if source == "koop":
            from kamerlens.sync.koop import DEFAULT_KOOP, sync_koop

            return sync_koop(
                store,
                base_url=base_url or DEFAULT_KOOP,
                dossier=dossier,
                since=since,
                until=until,
                limit=limit,
                progress=progress,
            )
        from kamerlens.sync.run import DEFAULT_BASE, sync

        return sync(
            store,
            base_url=base_url or DEFAULT_BASE,
            categories=category,
            since=since,
            limit=limit,
            progress=progress,
        )


__all__ = ["sync_command"]

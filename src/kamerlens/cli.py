"""The ``kamerlens`` command: thin commands, each a shim over a library function."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from kamerlens.errors import KamerlensError, QueryError, StoreError

app = typer.Typer(
    help="Turn Dutch parliamentary documents into a linked, searchable record.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def fail(error: KamerlensError | str, code: int = 1) -> None:
    """Print one line on stderr (never a traceback)."""
    err.print(f"kamerlens: {error}", markup=False)


@app.callback()
def _root() -> None:
    """kamerlens: extract, store, search and serve the record of Dutch parliamentary documents."""


def dump_json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def _out_folder(out: Path) -> None:
    """Make the ``--out`` folder; a file in its place is one line, exit code 2."""
    if out.exists() and not out.is_dir():
        fail(f"--out {out}: not a folder")
        raise typer.Exit(2)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(f"--out {out}: cannot be made a folder ({exc.strerror or exc})")
        raise typer.Exit(2) from None


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files to read; '-' reads standard input.")],
    format: Annotated[str, typer.Option("--format", "-f", help="json, jsonl or text.")] = "json",
    out: Annotated[
        Path | None, typer.Option("--out", help="Write DIR/<input stem>.json for each input.")
    ] = None,
    include_text: Annotated[
        bool, typer.Option("--text/--no-text", help="Include the normalized text in JSON.")
    ] = True,
    max_size: MaxSizeOption = None,
) -> None:
    """Extract the record of each document: references, motions, money, dates, commitments ..."""
    from kamerlens.extract import extract as run_extract
    from kamerlens.render import summary

    if format not in ("json", "jsonl", "text"):
        fail(f"--format must be json, jsonl or text, not {format!r}")
        raise typer.Exit(2)
    try:
        _max_size(max_size)
    except QueryError as exc:
        fail(exc)
        raise typer.Exit(2) from None
    if out is not None:
        _out_folder(out)
    records: list[dict[str, Any]] = []
    failed = 0
    for path in paths:
        try:
            record = run_extract(path)
        except KamerlensError as exc:
            fail(exc)
            failed += 1
            continue
        data = record.to_dict(include_text=include_text)
        if out is not None:
            target = out / f"{'stdin' if path == '-' else Path(path).stem}.json"
            try:
                target.write_text(dump_json(data) + "\n", encoding="utf-8")
            except OSError as exc:
                fail(f"{target}: cannot be written ({exc.strerror or exc})")
                failed += 1
        elif format == "jsonl":
            sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        elif format == "text":
            sys.stdout.write(summary(record) + "\n")
        else:
            records.append(data)
    if out is None and format == "json" and (records or not failed):
        payload: Any = records[0] if len(paths) == 1 and records else records
        sys.stdout.write(dump_json(payload) + "\n")
    if failed:
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold_dir: Annotated[
        Path,
        typer.Argument(
            help="A real set (docs/, gold/, gold2/, split.toml) or a folder of gold files."
        ),
    ],
    part: Annotated[
        str | None,
        typer.Option("--part", help="Real set: dev, test or all, as split.toml gives them."),
    ] = None,
    predictions: Annotated[
        Path | None,
        typer.Option(
            "--predictions",
            help="Real set: score DIR/<name>.json of `kamerlens extract --out DIR` instead.",
        ),
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    kinds: Annotated[
        list[str] | None,
        typer.Option("--kinds", "-k", help="Kinds (or types) to score (repeat or comma-separate)."),
    ] = None,
    details: Annotated[
        bool, typer.Option("--details/--no-details", help="List what was missed and invented.")
    ] = True,
) -> None:
    """Score extraction against hand-made gold: P, R, F1 per type, what was missed or invented."""
    from kamerlens import evaluate as ev

    if format not in ("table", "json"):
        fail(f"--format must be table or json, not {format!r}")
        raise typer.Exit(2)
    chosen = [k.strip() for item in kinds or [] for k in item.split(",") if k.strip()]
    try:
        if ev.is_real_set(gold_dir):
            real = ev.evaluate_real(
                gold_dir, part=part or "dev", predictions=predictions, types=chosen or None
            )
            if format == "json":
                shown = dump_json(real.to_dict())
            else:
                shown = ev.render_real_table(real, details=details)
        elif part is not None or predictions is not None:
            raise KamerlensError(
                "--part and --predictions apply to a real set (docs/, gold/, split.toml)",
                source=str(gold_dir),
            )
        else:
            report = ev.evaluate(gold_dir, kinds=chosen or None)
            if format == "json":
                shown = dump_json(report.to_dict())
            else:
                shown = ev.render_table(report, details=details)
    except KamerlensError as exc:
        fail(exc)
        raise typer.Exit(exc.exit_code) from None
    sys.stdout.write(shown + "\n")


@app.command()
def serve(
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="The store: a file or postgresql:// URL ($KAMERLENS_DB, ./kamerlens.db)."
        ),
    ] = None,
    host: Annotated[str, typer.Option("--host", help="Address to bind; loopback by default.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    write_token: Annotated[
        str | None,
        typer.Option(
            "--write-token",
            envvar="KAMERLENS_WRITE_TOKEN",
            help="Allow POST /api/documents with 'Authorization: Bearer TOKEN' (else read-only).",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", help="Server processes (several over one PostgreSQL store scale out)."
        ),
    ] = 1,
) -> None:
    """Serve the store as a web app and JSON API (read-only unless given a write token)."""
    from kamerlens.serve import LOOPBACK
    from kamerlens.serve import serve as run_server
    from kamerlens.store import default_path

    if host not in LOOPBACK:
        err.print(f"kamerlens: warning: serving on {host}, reachable beyond this machine")
    try:
        run_server(
            db or default_path(), host=host, port=port, write_token=write_token, workers=workers
        )
    except KamerlensError as exc:
        fail(exc)
        raise typer.Exit(exc.exit_code) from None


# -- the store: ingest, reprocess and the questions (kamerlens.store, kamerlens.link) ----------

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="KAMERLENS_DB",
        help="Store: a SQLite file (default ./kamerlens.db) or a postgresql:// URL.",
    ),
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")]
_out = Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 150)


def _store_call(func: Any) -> Any:
    """Run a store command body; a KamerlensError becomes one line and its exit code."""
    try:
        return func()
    except KamerlensError as exc:
        fail(exc)
        raise typer.Exit(exc.exit_code) from None


def _open(db: str | None, *, readonly: bool = False) -> Any:
    from kamerlens.store import default_path, open_store

    return open_store(db or default_path(), readonly=readonly)


SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        envvar="KAMERLENS_SCHEDULER",
        help="Extract on a Dask cluster: its scheduler, e.g. tcp://host:8786.",
    ),
]
MaxSizeOption = Annotated[
    str | None,
    typer.Option(
        "--max-size",
        envvar="KAMERLENS_MAX_SIZE",
        help="Refuse a document larger than this (64MB, 500KB, bytes; default 64MB).",
    ),
]


def _max_size(value: str | None) -> None:
    """Set the size limit for this command and its worker processes (they read the variable)."""
    if value is None:
        return
    from kamerlens.ingest import parse_size

    try:
        parse_size(value)
    except ValueError as exc:
        raise QueryError(f"--max-size: {exc}") from exc
    os.environ["KAMERLENS_MAX_SIZE"] = value


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


@app.command()
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
        _max_size(max_size)
        with _open(db) as store, _dask(scheduler, dask, workers) as client:
            summary = _run_batch(store, paths, workers, quiet, client)
        _print_summary(summary, format)
        if summary.failed:
            raise typer.Exit(1)

    _store_call(body)


@app.command()
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
        _max_size(max_size)
        with _open(db) as store, _dask(scheduler, dask, workers) as client:
            summary = _run_batch(store, None, workers, quiet, client)
        _print_summary(summary, format)
        if summary.failed:
            raise typer.Exit(1)

    _store_call(body)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words, "phrases", AND/OR/NOT, NEAR, prefix*.')],
    db: DbOption = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="Document kind (brief, verslag ...).")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="From this date (YYYY-MM-DD).")
    ] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this date.")] = None,
    dossier: Annotated[
        str | None, typer.Option("--dossier", help="Dossier number, e.g. 21501-02.")
    ] = None,
    entity: Annotated[
        str | None, typer.Option("--entity", help="Entity name or code (NAVO, UA).")
    ] = None,
    sort: Annotated[str, typer.Option("--sort", help="relevance or date.")] = "relevance",
    limit: Annotated[int, typer.Option("--limit", "-n", help="Hits to show.")] = 20,
    format: FormatOption = "table",
) -> None:
    """Full-text search with snippets (hits marked)."""
    from kamerlens.store import SearchQuery
    from kamerlens.store.present import check_format, emit

    def body() -> None:
        check_format(format)
        q = SearchQuery(
            query,
            kind=kind,
            since=since,
            until=until,
            dossier=dossier,
            entity=entity,
            sort=sort,  # type: ignore[arg-type]  # checked by the store
            limit=limit,
        )
        with _open(db) as store:
            result = store.search(q)
        hits = result.hits
        if format == "table":
            hits = [
                {
                    **h,
                    "snippet": _terminal_snippet(h["snippet"]),
                }
                for h in hits
            ]
        emit(
            _out,
            {"total": result.total, "hits": result.hits},
            hits,
            [
                ("document", lambda r: r["doc_id"]),
                ("date", lambda r: r["date"]),
                ("kind", lambda r: r["kind"]),
                ("title", lambda r: (r["title"] or "")[:70]),
                ("snippet", lambda r: r["snippet"]),
                ("score", lambda r: r["score"]),
            ],
            format,
            title=f"{result.total} documents match {query!r}",
        )

    _store_call(body)


def _terminal_snippet(snippet: str) -> str:
    """An HTML snippet (hits in <mark>, the rest escaped) as rich markup for the terminal."""
    import html
    import re

    from rich.markup import escape

    out = []
    for part in re.split(r"(</?mark>)", snippet):
        if part == "<mark>":
            out.append("[bold yellow]")
        elif part == "</mark>":
            out.append("[/bold yellow]")
        else:
            out.append(escape(html.unescape(part)))
    return "".join(out)


@app.command()
def show(
    doc: Annotated[str, typer.Argument(help="doc_id, KOOP identifier or sha256 prefix.")],
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """One stored document's record (and its links)."""

    def body() -> None:
        with _open(db) as store:
            record = store.document(doc)
        if format == "json":
            sys.stdout.write(dump_json(record) + "\n")
            return
        if format != "text":
            raise QueryError(f"--format must be text or json, not {format!r}")
        from kamerlens.store.present import show_text

        show_text(_out, record)

    _store_call(body)


@app.command()
def commitments(
    db: DbOption = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="open, overdue, fulfilled, partial; or Openstaand, Voldaan, 'Deels voldaan'.",
        ),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Status on this date (default today).")
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Who must keep it (substring).")
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help="toezegging (a promise to the Kamer) or voornemen."),
    ] = None,
    source: Annotated[
        str,
        typer.Option(
            "--source",
            help="text (found in the documents), register (the Kamer's register of"
            " toezeggingen, after sync) or both.",
        ),
    ] = "text",
    format: FormatOption = "table",
) -> None:
    """Every commitment with its status, and the evidence and confidence of each fulfilment."""
    from kamerlens.models import COMMITMENT_KINDS
    from kamerlens.store.present import COMMITMENT_COLUMNS, check_format, emit

    def body() -> None:
        check_format(format)
        if kind is not None and kind not in COMMITMENT_KINDS:
            raise QueryError(f"--kind: {kind!r} is not one of {', '.join(COMMITMENT_KINDS)}")
        if source not in ("text", "register", "both"):
            raise QueryError(f"--source must be text, register or both, not {source!r}")
        with _open(db) as store:
            if source != "text":
                from kamerlens.store.od_questions import commitments_by_source

                rows, columns = commitments_by_source(store, source, status, as_of, actor)
                rows = [r for r in rows if kind is None or _kind_of(r) == kind]
                emit(_out, rows, rows, columns, format, title=f"Commitments ({len(rows)})")
                return
            rows = store.commitments(status=status, as_of=as_of, actor=actor)  # type: ignore[arg-type]
        rows = [r for r in rows if kind is None or _kind_of(r) == kind]
        columns = [
            *COMMITMENT_COLUMNS[:3],
            ("kind", lambda r: r.get("kind")),
            *COMMITMENT_COLUMNS[3:],
        ]
        emit(_out, rows, rows, columns, format, title=f"Commitments ({len(rows)})")

    _store_call(body)


def _kind_of(row: dict[str, Any]) -> str | None:
    """A commitment's kind; what the Kamer's register holds are toezeggingen, all of them."""
    if row.get("source") == "register":
        return "toezegging"
    return row.get("kind")  # type: ignore[no-any-return]


@app.command()
def pledges(
    db: DbOption = None,
    recipient: Annotated[
        str | None, typer.Option("--recipient", help="Fund or organisation.")
    ] = None,
    format: FormatOption = "table",
) -> None:
    """Money over time per recipient or fund, in date order, with the documents."""
    from kamerlens.store.present import (
        PLEDGE_BAR,
        PLEDGE_COLUMNS,
        check_format,
        emit,
        pledge_rows,
    )

    def body() -> None:
        check_format(format)
        with _open(db) as store:
            groups = store.pledges(recipient=recipient)
        columns = [*PLEDGE_COLUMNS, PLEDGE_BAR] if format == "table" else PLEDGE_COLUMNS
        emit(_out, groups, pledge_rows(groups), columns, format, title="Pledges over time")

    _store_call(body)


@app.command()
def refs(
    target: Annotated[str, typer.Argument(help="DOSSIER[/NR], e.g. 36180/42 or 21501-02.")],
    db: DbOption = None,
    format: FormatOption = "table",
) -> None:
    """Which documents cite a dossier (or one Kamerstuk), and what each citation resolves to."""
    from kamerlens.store.ids import parse_target
    from kamerlens.store.present import check_format, cut, emit

    def body() -> None:
        check_format(format)
        dossier, number = parse_target(target)
        if dossier is None:
            raise QueryError(f"not a dossier number: {target!r} (try 36180 or 36180/42)")
        with _open(db) as store:
            data = store.refs(dossier, number)
        emit(
            _out,
            data,
            data["cited_by"],
            [
                ("cited", lambda r: f"{r['dossier']}, nr. {r['number']}"),
                ("resolves to", lambda r: r["resolves_to"] or "(not stored)"),
                ("title", lambda r: cut(r["catalogue_title"], 60)),
                ("cited by", lambda r: f"{r['doc_id']} ({r['doc_date'] or '?'})"),
                ("as written", lambda r: r["text"]),
            ],
            format,
            title=f"Citations of {dossier}{', nr. ' + number if number else ''}",
        )

    _store_call(body)


@app.command()
def events(
    db: DbOption = None,
    upcoming: Annotated[
        bool, typer.Option("--upcoming", help="Only from --as-of (today) on.")
    ] = False,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Today, for --upcoming.")] = None,
    ics: Annotated[Path | None, typer.Option("--ics", help="Also write an iCalendar file.")] = None,
    format: FormatOption = "table",
) -> None:
    """Meetings and commitment deadlines as a calendar (exportable as iCalendar)."""
    from kamerlens.store.ics import calendar
    from kamerlens.store.present import check_format, emit

    def body() -> None:
        check_format(format)
        with _open(db) as store:
            rows = store.events(upcoming=upcoming, as_of=as_of)
        if ics is not None:
            try:
                ics.write_bytes(calendar(rows).encode("utf-8"))
            except OSError as exc:
                raise StoreError(f"cannot write ({exc.strerror})", source=str(ics)) from exc
        emit(
            _out,
            rows,
            rows,
            [
                (
                    "date",
                    lambda r: (
                        r["start_date"]
                        if r["end_date"] in (None, r["start_date"])
                        else f"{r['start_date']}..{r['end_date']}"
                    ),
                ),
                ("what", lambda r: r["name"]),
                ("where", lambda r: r["place"]),
                ("type", lambda r: r["type"]),
                ("documents", lambda r: sorted({s["doc_id"] for s in r["sources"]})),
            ],
            format,
            title=f"Events and deadlines ({len(rows)})",
        )

    _store_call(body)


@app.command()
def motions(db: DbOption = None, format: FormatOption = "table") -> None:
    """Motions cited in the documents, with the documents that report on them."""
    from kamerlens.store.present import check_format, cut, emit

    def body() -> None:
        check_format(format)
        with _open(db) as store:
            rows = store.motions()
        emit(
            _out,
            rows,
            rows,
            [
                ("motion", lambda r: f"{r['dossier'] or '?'}, nr. {r['number'] or '?'}"),
                ("members", lambda r: ", ".join(r["members"]) + (" c.s." if r["cs"] else "")),
                ("date", lambda r: r["date"]),
                ("subject", lambda r: cut(r["subject"], 70)),
                ("appreciation", lambda r: r.get("appreciation")),
                ("reported in", lambda r: sorted({c["doc_id"] for c in r["cited_in"]})),
                ("fate", lambda r: (r.get("fate") or {}).get("outcome")),
                ("votes", _vote_line),
            ],
            format,
            title=f"Motions ({len(rows)})",
        )

    _store_call(body)


def _vote_line(row: dict[str, Any]) -> str | None:
    """"voor 81 (PVV, VVD, NSC) / tegen 25 (GroenLinks-PvdA)" from a synced motion's votes."""
    fate = row.get("fate") or {}
    if not fate.get("votes"):
        return None
    sides = []
    for side in ("Voor", "Tegen"):
        names = [str(v["fractie"]) for v in fate["votes"] if v["vote"] == side]
        sides.append(f"{side.lower()} {fate[side.lower()]} ({', '.join(names)})")
    return " / ".join(sides)


@app.command(name="export")
def export_store(
    directory: Annotated[Path, typer.Argument(help="Folder for one file per table.")],
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="csv, json or parquet.")] = "csv",
) -> None:
    """Export every table (documents, texts, items, links, catalogue) as csv, json or parquet."""

    def body() -> None:
        with _open(db) as store:
            written = store.export(str(directory), format=format)
        err.print(f"wrote {len(written)} files to {directory}", markup=False)

    _store_call(body)


@app.command()
def reindex(db: DbOption = None) -> None:
    """Rebuild the search index (<db>.tantivy/) from the store; SQLite is the store of record."""

    def body() -> None:
        import time

        started = time.perf_counter()
        with _open(db) as store:
            n = store.reindex()
        err.print(f"indexed {n} documents in {time.perf_counter() - started:.1f} s", markup=False)

    _store_call(body)


@app.command()
def stats(db: DbOption = None, format: FormatOption = "table") -> None:
    """How many documents and items of each kind the store holds, and its size."""
    from kamerlens.store.present import check_format, emit

    def body() -> None:
        check_format(format)
        with _open(db) as store:
            data = store.stats()
        rows = [{"what": k, "count": v} for k, v in data.items() if isinstance(v, int)]
        emit(
            _out,
            data,
            rows,
            [("what", lambda r: r["what"]), ("count", lambda r: r["count"])],
            format,
            title="kamerlens store",
        )

    _store_call(body)


@app.command()
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
        with _open(db) as store:
            summary = _run_batch(store, parts or [str(folder)], workers, False)
            _print_summary(summary, "text")
            dashboard(_out, store, day)

    _store_call(body)


from kamerlens.sync.command import sync_command  # noqa: E402 (the command lives with its package)

app.command(name="sync")(sync_command)


def _examples_folder() -> Path:
    for candidate in (Path.cwd() / "examples", Path(__file__).resolve().parents[2] / "examples"):
        if candidate.is_dir():
            return candidate
    raise KamerlensError("no examples/ folder here; give one with --examples")


def main() -> None:  # pragma: no cover - console entry point
    app()

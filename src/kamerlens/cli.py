"""The ``kamerlens`` command: thin commands, each a shim over a library function."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from kamerlens.errors import KamerlensError

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
) -> None:
    """Extract the record of each document: references, motions, money, dates, commitments ..."""
    from kamerlens.extract import extract as run_extract
    from kamerlens.render import summary

    if format not in ("json", "jsonl", "text"):
        fail(f"--format must be json, jsonl or text, not {format!r}")
        raise typer.Exit(2)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
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
            stem = "stdin" if path == "-" else Path(path).stem
            (out / f"{stem}.json").write_text(dump_json(data) + "\n", encoding="utf-8")
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
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold files (<stem>.json).")],
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    kinds: Annotated[
        list[str] | None,
        typer.Option("--kinds", "-k", help="Kinds to score (repeat or comma-separate)."),
    ] = None,
) -> None:
    """Score extraction against hand-made gold: P, R, F1 per kind, what was missed or invented."""
    from kamerlens.evaluate import evaluate as run_evaluate
    from kamerlens.evaluate import render_table

    if format not in ("table", "json"):
        fail(f"--format must be table or json, not {format!r}")
        raise typer.Exit(2)
    chosen = [k.strip() for item in kinds or [] for k in item.split(",") if k.strip()]
    try:
        report = run_evaluate(gold_dir, kinds=chosen or None)
    except KamerlensError as exc:
        fail(exc)
        raise typer.Exit(exc.exit_code) from None
    if format == "json":
        sys.stdout.write(dump_json(report.to_dict()) + "\n")
    else:
        sys.stdout.write(render_table(report) + "\n")


@app.command()
def serve(
    db: Annotated[
        str | None, typer.Option("--db", help="The store ($KAMERLENS_DB or ./kamerlens.db).")
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
) -> None:
    """Serve the store as a web app and JSON API (read-only unless given a write token)."""
    from kamerlens.serve import LOOPBACK
    from kamerlens.serve import serve as run_server
    from kamerlens.store import default_path

    if host not in LOOPBACK:
        err.print(f"kamerlens: warning: serving on {host}, reachable beyond this machine")
    try:
        run_server(db or default_path(), host=host, port=port, write_token=write_token)
    except KamerlensError as exc:
        fail(exc)
        raise typer.Exit(exc.exit_code) from None


def main() -> None:  # pragma: no cover - console entry point
    app()

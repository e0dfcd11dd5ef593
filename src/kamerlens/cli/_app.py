"""The Typer app and what its commands share: the error line, JSON output, the store options."""

from __future__ import annotations

import json
import os
import sys
from typing import Annotated, Any

import typer
from rich.console import Console

from kamerlens.errors import KamerlensError, QueryError

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


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="KAMERLENS_DB",
        help="Store: a SQLite file (default ./kamerlens.db) or a postgresql:// URL.",
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
# tables and records for the terminal (stdout); a pipe gets lines of 150 characters
console = Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 150)


def store_call(func: Any) -> Any:
    """Run a store command body; a KamerlensError becomes one line and its exit code."""
    try:
        return func()
    except KamerlensError as exc:
        fail(exc)
        raise typer.Exit(exc.exit_code) from None


def open_db(db: str | None, *, readonly: bool = False) -> Any:
    from kamerlens.store import default_path, open_store

    return open_store(db or default_path(), readonly=readonly)


def set_max_size(value: str | None) -> None:
    """Set the size limit for this command and its worker processes (they read the variable)."""
    if value is None:
        return
    from kamerlens.ingest import parse_size

    try:
        parse_size(value)
    except ValueError as exc:
        raise QueryError(f"--max-size: {exc}") from exc
    os.environ["KAMERLENS_MAX_SIZE"] = value

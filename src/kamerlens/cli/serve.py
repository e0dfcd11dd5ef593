"""``kamerlens serve``: the store as a web app and JSON API."""

from __future__ import annotations

from typing import Annotated

import typer

from kamerlens.cli._app import err, fail
from kamerlens.errors import KamerlensError


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

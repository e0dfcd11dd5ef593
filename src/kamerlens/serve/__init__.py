"""The web app and JSON API over a store: ``kamerlens serve``.

>>> from kamerlens.serve import create_app
>>> app = create_app("kamerlens.db")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kamerlens.errors import StoreError
from kamerlens.serve.access import file_version
from kamerlens.serve.app import MAX_BODY, create_app
from kamerlens.store.base import Store

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def store_opener(db: str | Path, *, writable: bool) -> Callable[[], Store]:
    """Opens the store at ``db`` read-only unless the server may write (one per thread)."""
    from kamerlens.store import open_store

    def opener() -> Store:
        return open_store(str(db), readonly=not writable)

    return opener


def serve(
    db: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    write_token: str | None = None,
    query_timeout: float = 5.0,
) -> None:
    """Run the app with uvicorn until interrupted. Fails early when the store cannot be opened."""
    import uvicorn

    writable = bool(write_token)
    if not writable and not Path(db).exists():
        raise StoreError("no such store; run 'kamerlens ingest' first", source=str(db))
    opener = store_opener(db, writable=writable)
    opener().close()  # a clear error now rather than on the first request
    app = create_app(
        opener=opener,
        write_token=write_token,
        query_timeout=query_timeout,
        version=file_version(db),
    )
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="info",
        limit_concurrency=200,
        timeout_keep_alive=30,
        server_header=False,
    )


__all__ = ["LOOPBACK", "MAX_BODY", "create_app", "serve", "store_opener"]

"""The web app and JSON API over a store: ``kamerlens serve``.

>>> from kamerlens.serve import create_app
>>> app = create_app("kamerlens.db")  # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from kamerlens.errors import StoreError
from kamerlens.serve.access import store_version
from kamerlens.serve.app import MAX_BODY, create_app
from kamerlens.store.base import Store

LOOPBACK = ("127.0.0.1", "localhost", "::1")
WORKER_ENV = "KAMERLENS_SERVE_WORKER"


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
    workers: int = 1,
) -> None:
    """Run the app with uvicorn until interrupted. Fails early when the store cannot be opened.

    ``workers`` > 1 runs that many server processes on one port (uvicorn's supervisor), each
    with its own app and connections; useful over PostgreSQL, which many processes share.
    """
    import os

    import uvicorn

    from kamerlens.store import is_url

    writable = bool(write_token)
    if not writable and not is_url(db) and not Path(db).exists():
        raise StoreError("no such store; run 'kamerlens ingest' first", source=str(db))
    opener = store_opener(db, writable=writable)
    opener().close()  # a clear error now rather than on the first request
    options: dict[str, object] = {
        "host": host,
        "port": port,
        "log_level": "info",
        "limit_concurrency": 200,
        "timeout_keep_alive": 30,
        "server_header": False,
    }
    if workers > 1:
        # each worker process builds its app from these (kamerlens.serve.worker)
        os.environ[WORKER_ENV] = json.dumps(
            {"db": str(db), "write_token": write_token, "query_timeout": query_timeout}
        )
        uvicorn.run("kamerlens.serve.worker:app", factory=True, workers=workers, **options)  # type: ignore[arg-type]
        return
    app = create_app(
        opener=opener,
        write_token=write_token,
        query_timeout=query_timeout,
        version=store_version(db),
    )
    uvicorn.run(app, **options)  # type: ignore[arg-type]


__all__ = ["LOOPBACK", "MAX_BODY", "WORKER_ENV", "create_app", "serve", "store_opener"]

"""Store access for the web app: one store per worker thread, every call bounded in time.

SQLite connections belong to the thread that opened them, and the app answers requests on a
pool of worker threads, so each worker opens its own store (cheap: a file handle). A call that
runs past the time limit is answered with 503 at once; the worker is told to stop through the
store's connection (``sqlite3.Connection.interrupt`` may be called from any thread), so a
runaway query does not keep a core busy.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

import anyio
import anyio.to_thread

from kamerlens.errors import KamerlensError
from kamerlens.store.base import Store

T = TypeVar("T")


class QueryTimeout(KamerlensError):
    """A query ran past the server's time limit."""

    exit_code = 7
    http_status = 503


def _interrupt(store: Any) -> None:
    """Stop whatever the store's SQLite connection is running, when it has one."""
    hook = getattr(store, "interrupt", None)
    if callable(hook):
        hook()
        return
    for name in ("conn", "_conn", "connection", "_db", "db"):
        conn = getattr(store, name, None)
        if conn is not None and callable(getattr(conn, "interrupt", None)):
            conn.interrupt()
            return


class StoreAccess:
    """Opens stores lazily per thread and runs calls on them with a time limit."""

    def __init__(self, opener: Callable[[], Store], *, timeout: float = 5.0, threads: int = 16):
        self._opener = opener
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()
        self.timeout = timeout
        self._limiter = anyio.CapacityLimiter(threads)

    def _store(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._opener()
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def call_sync(self, fn: Callable[[Store], T]) -> T:
        """Run ``fn(store)`` in the current thread (tests, feeds built off the event loop)."""
        return fn(self._store())

    async def call(self, fn: Callable[[Store], T], *, timeout: float | None = None) -> T:
        """Run ``fn(store)`` on a worker thread; raise QueryTimeout past the time limit."""
        used: list[Store] = []

        def work() -> T:
            store = self._store()
            used.append(store)
            return fn(store)

        limit = self.timeout if timeout is None else timeout
        with anyio.move_on_after(limit) as scope:
            return await anyio.to_thread.run_sync(
                work, abandon_on_cancel=True, limiter=self._limiter
            )
        if scope.cancelled_caught and used:
            _interrupt(used[0])
        raise QueryTimeout(f"the query took longer than {limit:g} s; try a narrower search")

    def close(self) -> None:
        with self._lock:
            stores, self._all = self._all, []
        for store in stores:
            try:
                store.close()
            except Exception:  # noqa: BLE001 - closing at shutdown must not hide other errors
                continue

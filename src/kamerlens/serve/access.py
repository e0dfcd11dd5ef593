"""Store access for the web app: one store per worker thread, every call bounded in time.

SQLite connections belong to the thread that opened them, and the app answers requests on a
pool of worker threads, so each worker opens its own store (cheap: a file handle). A call that
runs past the time limit is answered with 503 at once; the worker is told to stop through the
store's connection (``sqlite3.Connection.interrupt`` may be called from any thread), so a
runaway query does not keep a core busy.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

import anyio
import anyio.to_thread

from kamerlens.errors import KamerlensError
from kamerlens.store.base import Store

T = TypeVar("T")
# A cacheable answer keeps being computed after its asker got a 503, up to this many times the
# time limit; past that the query is interrupted all the same.
HARD_LIMIT_FACTOR = 6


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


def file_version(db: str | Path) -> Callable[[], Hashable]:
    """A cheap token that changes whenever the SQLite file (or its WAL) is written."""
    paths = [Path(f"{db}{suffix}") for suffix in ("", "-wal")]

    def version() -> Hashable:
        out: list[tuple[int, int] | None] = []
        for path in paths:
            try:
                st = os.stat(path)
            except OSError:
                out.append(None)
                continue
            out.append((st.st_mtime_ns, st.st_size))
        return tuple(out)

    return version


def wal_version(url: str, every: float = 0.5) -> Callable[[], Hashable]:
    """A token that changes whenever the PostgreSQL server writes (its WAL position), read at
    most every ``every`` seconds over one connection of its own (the server may be remote)."""
    lock = threading.Lock()
    state: dict[str, Any] = {"at": 0.0, "token": None, "conn": None}

    def version() -> Hashable:
        import psycopg

        with lock:
            now = time.monotonic()
            if now - state["at"] < every:
                return state["token"]
            try:
                if state["conn"] is None or state["conn"].closed:
                    state["conn"] = psycopg.connect(url, autocommit=True, connect_timeout=5)
                state["token"] = state["conn"].execute("SELECT pg_current_wal_lsn()").fetchone()
            except psycopg.Error:
                state["conn"], state["token"] = None, ("unreachable", now)  # cache nothing
            state["at"] = now
            return state["token"]

    return version


def store_version(db: str | Path) -> Callable[[], Hashable]:
    """The change token of the store at ``db``: its files, or its server's WAL position."""
    from kamerlens.store import is_url

    return wal_version(str(db)) if is_url(db) else file_version(db)


class ResultCache:
    """A small LRU of answers, keyed by the question and the store's version.

    People ask the same questions (the board, a popular search) far more often than the store
    changes; an answer is reused until the store's version changes or ``ttl`` passes.
    """

    def __init__(
        self, size: int = 512, ttl: float = 60.0, version: Callable[[], Hashable] | None = None
    ):
        self.size, self.ttl, self.version = size, ttl, version
        self._items: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def _key(self, key: Hashable) -> Hashable:
        return (key, self.version() if self.version else None)

    def get(self, key: Hashable) -> tuple[bool, Any]:
        full = self._key(key)
        with self._lock:
            hit = self._items.get(full)
            if hit is None or time.monotonic() - hit[0] > self.ttl:
                return False, None
            self._items.move_to_end(full)
            return True, hit[1]

    def put(self, key: Hashable, value: Any) -> None:
        full = self._key(key)
        with self._lock:
            self._items[full] = (time.monotonic(), value)
            self._items.move_to_end(full)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


class StoreAccess:
    """Opens stores lazily per thread and runs calls on them with a time limit."""

    def __init__(
        self,
        opener: Callable[[], Store],
        *,
        timeout: float = 5.0,
        threads: int = 8,
        cache: ResultCache | None = None,
    ):
        self._opener = opener
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()
        self.timeout = timeout
        self._limiter = anyio.CapacityLimiter(threads)
        self.cache = cache
        self._pending: dict[Hashable, asyncio.Future[Any]] = {}
        self._tasks: set[asyncio.Task[None]] = set()

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

    async def call(
        self,
        fn: Callable[[Store], T],
        *,
        timeout: float | None = None,
        key: Hashable | None = None,
    ) -> T:
        """Run ``fn(store)`` on a worker thread; raise QueryTimeout past the time limit.

        With a ``key`` the answer is cached (see :class:`ResultCache`), and callers asking the
        same question while it is being answered share that one computation: under load a
        popular search is run once, not once per client.
        """
        if key is None or self.cache is None:
            return await self._run(fn, timeout)
        found, value = self.cache.get(key)
        if found:
            return value  # type: ignore[no-any-return]
        future = self._pending.get(key)
        if future is None:
            future = asyncio.get_running_loop().create_future()
            self._pending[key] = future
            task = asyncio.create_task(self._answer(key, fn, future))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        limit = self.timeout if timeout is None else timeout
        try:
            return await asyncio.wait_for(asyncio.shield(future), limit)  # type: ignore[no-any-return]
        except TimeoutError:
            raise QueryTimeout(
                f"the query took longer than {limit:g} s; try a narrower search"
            ) from None

    async def _answer(self, key: Hashable, fn: Callable[[Store], Any], future: Any) -> None:
        """Compute a cacheable answer to the end (within the hard limit), even when the asker
        gave up: the next person asking the same question then gets it from the cache."""
        try:
            value = await self._run(fn, self.timeout * HARD_LIMIT_FACTOR)
        except Exception as exc:  # noqa: BLE001 - handed to every waiter, not swallowed
            future.set_exception(exc)
            future.exception()  # retrieved: no warning when nobody waits any more
        else:
            if self.cache is not None:
                self.cache.put(key, value)
            future.set_result(value)
        finally:
            self._pending.pop(key, None)

    async def _run(self, fn: Callable[[Store], T], timeout: float | None) -> T:
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

"""The SQLite store: the default backend and the store of record.

One file holds everything: the raw source of each document, its normalized text, every extracted
item (one plain table per kind), the full-text index (FTS5) and the links found across documents.
Each document is written in ONE transaction, so a crash or a kill leaves it wholly present or
absent. WAL mode and a busy timeout let readers (the web app) work while an ingest writes.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from kamerlens.errors import StoreError
from kamerlens.store.base import AddResult, SearchQuery, SearchResult
from kamerlens.store.core import SqlStore, extractor_version, insert_links
from kamerlens.store.schema import migrate
from kamerlens.store.sqlite import fts5
from kamerlens.store.sqlite.checkpoint import AUTOCHECKPOINT_PAGES, Checkpointer
from kamerlens.store.writer import Prepared

BUSY_TIMEOUT_S = 30.0


class SqliteStore(SqlStore):
    """A kamerlens store in one SQLite file. Safe to share between threads (one lock)."""

    def __init__(
        self, path: str | Path, *, readonly: bool = False, text_index: bool = True
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.label = str(self.path)
        self.readonly = readonly
        self._lock = threading.RLock()
        try:
            if readonly:
                if not self.path.exists():
                    raise StoreError("no such store", source=str(self.path))
                uri = f"file:{self.path.resolve()}?mode=ro"
                conn = sqlite3.connect(
                    uri,
                    uri=True,
                    isolation_level=None,
                    timeout=BUSY_TIMEOUT_S,
                    check_same_thread=False,
                )
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(
                    self.path, isolation_level=None, timeout=BUSY_TIMEOUT_S, check_same_thread=False
                )
            conn.row_factory = sqlite3.Row
            self.conn = conn
            self._configure()
            if not readonly:
                migrate(conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the store ({exc})", source=str(self.path)) from exc
        from kamerlens.store.sqlite.indexer import Indexer

        # the tantivy side index; FTS5 answers when it is off, missing or being rebuilt elsewhere
        self.indexer = Indexer(self, enabled=text_index)
        self._checkpointer: Checkpointer | None = None

    def _configure(self) -> None:
        c = self.conn
        c.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        if not self.readonly:
            c.execute("PRAGMA journal_mode = WAL")
            # NORMAL in WAL: a commit survives a process kill; only a power cut may lose the last
            # transactions, and never corrupts the file.
            c.execute("PRAGMA synchronous = NORMAL")
            # fold the WAL back every 16 MB instead of every 4 MB: fewer syncs during an ingest
            c.execute(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")
            c.execute("PRAGMA journal_size_limit = 67108864")  # a reset WAL shrinks to 64 MB
        c.execute("PRAGMA foreign_keys = ON")
        c.execute("PRAGMA cache_size = -65536")
        c.execute("PRAGMA temp_store = MEMORY")
        c.execute("PRAGMA mmap_size = 268435456")

    # -- transactions -------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE: takes the write lock up front)."""
        with self._lock:
            if self.readonly:
                raise StoreError("the store is open read-only", source=str(self.path))
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise StoreError(f"cannot write ({exc})", source=str(self.path)) from exc
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            try:
                return [dict(row) for row in self.conn.execute(sql, tuple(params))]
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"query failed ({exc})", source=str(self.path)) from exc

    # -- what the backend supplies to SqlStore ---------------------------------------------------

    def _table(self, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        with self._lock:
            cur = self.conn.execute(sql)
            return [d[0] for d in cur.description], [tuple(r) for r in cur]

    def _new_ids(self, c: sqlite3.Connection, table: str, n: int) -> list[int]:
        # max + 1: BEGIN IMMEDIATE makes this connection the only writer of its transaction
        first = int(c.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])
        return list(range(first, first + n))

    def _index(self, c: sqlite3.Connection, texts: list[tuple[int, str, str]]) -> None:
        c.executemany("INSERT INTO search (rowid, title, text) VALUES (?, ?, ?)", texts)
        # the side index catches up from these (same transaction: kill-safe)
        c.executemany("INSERT INTO search_queue (text_id) VALUES (?)", [(t[0],) for t in texts])

    def _unindex(self, c: sqlite3.Connection, text_id: int, title: str, text: str) -> None:
        # external-content FTS: the index is told the old values to forget
        c.execute(
            "INSERT INTO search (search, rowid, title, text) VALUES ('delete', ?, ?, ?)",
            (text_id, title, text),
        )
        c.execute("INSERT INTO search_queue (text_id) VALUES (?)", (text_id,))

    def _wrote(self, documents: int) -> None:
        self.indexer.wrote(documents)

    def _size(self) -> tuple[int, str]:
        size = 0
        for suffix in ("", "-wal"):
            with suppress(OSError):
                size += os.path.getsize(f"{self.path}{suffix}")
        return size, str(self.path)

    def _export_order(self, table: str) -> str:
        found = self._rows("SELECT sql FROM sqlite_master WHERE name = ?", (table,))
        if found and "WITHOUT ROWID" in (found[0]["sql"] or "").upper():
            return ""
        return "ORDER BY rowid"

    def add_prepared(
        self, docs: list[Prepared], *, replace: bool = False
    ) -> list[AddResult | Exception]:
        if docs and self._checkpointer is None and str(self.path) != ":memory:":
            # a batch is being written: checkpoint beside it (store/sqlite/checkpoint.py)
            self._checkpointer = Checkpointer(self.path, self.conn)
            self._checkpointer.start()
        return super().add_prepared(docs, replace=replace)

    def search(self, query: SearchQuery) -> SearchResult:
        return fts5.run(self, query)

    def reindex(self) -> int:
        """Rebuild the tantivy side index from SQLite; returns the documents indexed."""
        return self.indexer.rebuild()

    def close(self) -> None:
        with self._lock:
            self.indexer.close()
            if self._checkpointer is not None:
                self._checkpointer.stop()
            if not self.readonly:
                # fold the WAL back so the .db file alone is complete; a busy reader may keep
                # the WAL, and then the next writer checkpoints it
                with suppress(sqlite3.OperationalError):
                    self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            self.conn.close()


__all__ = ["SqliteStore", "extractor_version", "insert_links"]

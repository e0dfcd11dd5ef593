"""Keeps the tantivy side index (``textindex``) in step with the SQLite store.

See ``textindex`` for the protocol. This module decides who maintains the index (the process
that holds ``<db>.tantivy.lock``), catches up from ``search_queue``, rebuilds when the index is
missing, damaged or of another generation, and tells ``search`` whether the index can be used.
"""

from __future__ import annotations

import sqlite3
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kamerlens.errors import StoreError

if TYPE_CHECKING:
    from kamerlens.store.sqlite import SqliteStore
    from kamerlens.store.sqlite.textindex import TextIndex

SYNC_DOCS = 20000  # the maintainer commits the index after this many written documents ...
SYNC_SECONDS = 30.0  # ... or this long after the last commit (and always before it searches)
READ_CHUNK = 500
RETRY_SECONDS = 30.0  # how long a process that lost its index answers with FTS5 before retrying


def _lock(path: Path) -> Any:
    """An exclusive, non-blocking lock on ``path`` (released when the process ends), or None."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on Linux/macOS: never maintain, use FTS5
        return None
    handle = open(path, "a+")  # noqa: SIM115 - held open for the lock's lifetime
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle


class Indexer:
    """The side index of one store: ``index`` is None when search must use FTS5."""

    def __init__(self, store: SqliteStore, *, enabled: bool = True) -> None:
        self.store = store
        self.index: TextIndex | None = None
        self.maintainer = False
        self._lock_handle: Any = None
        self._unsynced = 0
        self._last_sync = time.monotonic()
        self._failed_at = time.monotonic()
        self.folder = Path(f"{store.path}.tantivy")
        self.enabled = enabled and str(store.path) != ":memory:"
        if not self.enabled:
            return
        try:
            import tantivy  # noqa: F401
        except ImportError:  # pragma: no cover - the dependency is declared; FTS5 still works
            self.enabled = False
            return
        self._open()

    # -- state in SQLite ------------------------------------------------------------------------

    def _state(self, key: str) -> str | None:
        rows = self.store._rows("SELECT value FROM store_state WHERE key = ?", (key,))
        return rows[0]["value"] if rows else None

    def _open(self) -> None:
        if not self.store.readonly:
            self._lock_handle = _lock(Path(f"{self.store.path}.tantivy.lock"))
            self.maintainer = self._lock_handle is not None
        self._attach()

    def _attach(self) -> None:
        from kamerlens.store.sqlite.textindex import TextIndex

        generation = self._state("tantivy_generation")
        # the maintainer keeps an index of its own (it takes the writer); readers share one
        index = (
            TextIndex.open(self.folder)
            if self.maintainer
            else TextIndex.shared(self.folder, generation)
        )
        if index is not None and generation and index.generation == generation:
            self.index = index
            if self.maintainer:
                try:
                    index.take_writer()
                    self.sync()
                    if index.num_docs() != self._count():
                        self.rebuild()
                except (ValueError, RuntimeError, OSError):
                    self.rebuild()
            return
        if self.maintainer:
            self.rebuild()

    def _count(self) -> int:
        return int(self.store._rows("SELECT count(*) AS n FROM texts")[0]["n"])

    # -- catching up ----------------------------------------------------------------------------

    def wrote(self, documents: int) -> None:
        """Called after each committed write: commit the index now and then, not per chunk."""
        self._unsynced += documents
        if self.maintainer and (
            self._unsynced >= SYNC_DOCS or time.monotonic() - self._last_sync >= SYNC_SECONDS
        ):
            self.sync()

    def before_search(self) -> None:
        """The maintainer commits what is queued (by it or by another writer) first."""
        if self.maintainer and (
            self._unsynced or self.store._rows("SELECT 1 AS x FROM search_queue LIMIT 1")
        ):
            self.sync()

    def sync(self) -> int:
        """Index what ``search_queue`` names, commit, then forget those queue rows."""
        if not self.maintainer or self.index is None:
            return 0
        store = self.store
        top = store._rows("SELECT max(seq) AS s FROM search_queue")[0]["s"]
        self._unsynced = 0
        self._last_sync = time.monotonic()
        if top is None:
            return 0
        ids = [
            r["text_id"]
            for r in store._rows("SELECT DISTINCT text_id FROM search_queue WHERE seq <= ?", (top,))
        ]
        n = 0
        try:
            for start in range(0, len(ids), READ_CHUNK):
                chunk = ids[start : start + READ_CHUNK]
                rows = list(self._rows(chunk))
                present = {r["id"] for r in rows}
                n += self.index.put(rows, [i for i in chunk if i not in present])
            self.index.commit()
        except (ValueError, RuntimeError, OSError):
            self.rebuild()
            return n
        with store.transaction() as c:
            c.execute("DELETE FROM search_queue WHERE seq <= ?", (top,))
        return n

    def _rows(self, ids: list[int]) -> Iterator[dict[str, Any]]:
        """What the index holds of each text id, read from SQLite (the store of record)."""
        marks = ",".join("?" * len(ids))
        rows = self.store._rows(
            "SELECT t.id, t.doc_id, t.title, t.text, d.kind, d.dossier, d.date FROM texts t"
            f" JOIN documents d USING (doc_id) WHERE t.id IN ({marks})",
            ids,
        )
        entities: dict[str, list[tuple[str, str]]] = defaultdict(list)
        doc_ids = [r["doc_id"] for r in rows]
        if doc_ids:
            for e in self.store._rows(
                "SELECT doc_id, name, code FROM entities WHERE doc_id IN"
                f" ({','.join('?' * len(doc_ids))}) ORDER BY id",
                doc_ids,
            ):
                entities[e["doc_id"]].append((e["name"], e["code"]))
        for r in rows:
            r["entities"] = entities.get(r["doc_id"], [])
            yield r

    def rebuild(self) -> int:
        """A fresh index of every stored text; the maintainer only (``kamerlens reindex``)."""
        from kamerlens.store.sqlite.textindex import TextIndex

        if not self.maintainer:
            raise StoreError(
                "the search index is being written by another process; try again when it ends",
                source=str(self.folder),
            )
        if self.index is not None:
            with suppress(ValueError, RuntimeError, OSError):
                self.index.close()
        self.index = None
        store = self.store
        top = store._rows("SELECT max(seq) AS s FROM search_queue")[0]["s"] or 0
        index = TextIndex.create(self.folder)
        all_ids = [r["id"] for r in store._rows("SELECT id FROM texts ORDER BY id")]
        n = 0
        for start in range(0, len(all_ids), READ_CHUNK):
            n += index.put(self._rows(all_ids[start : start + READ_CHUNK]), [])
        index.commit()
        index.write_marker()
        with store.transaction() as c:
            c.execute("DELETE FROM search_queue WHERE seq <= ?", (top,))
            c.execute(
                "INSERT OR REPLACE INTO store_state (key, value) VALUES ('tantivy_generation', ?)",
                (index.generation,),
            )
        self.index = index
        self._unsynced = 0
        # rows written during the rebuild (another process) are still queued: take them now
        self.sync()
        return n

    def usable(self) -> TextIndex | None:
        """The index to search, or None (FTS5)."""
        if self.index is None:
            if not self.enabled or time.monotonic() - self._failed_at < RETRY_SECONDS:
                return None
            self._failed_at = time.monotonic()
            with suppress(StoreError, sqlite3.Error, ValueError, RuntimeError, OSError):
                self._attach()  # rebuilt by its maintainer meanwhile?
            if self.index is None:
                return None
        if self.maintainer:
            self.before_search()
        elif self._orphaned():
            return None
        return self.index

    def _orphaned(self) -> bool:
        """Documents wait in the queue and no process maintains the index (an ingest was
        killed and nobody has opened the store for writing since): the index would miss them,
        so FTS5 answers until a writer catches up."""
        if not self.store._rows("SELECT 1 AS x FROM search_queue LIMIT 1"):
            return False
        try:
            import fcntl

            with open(f"{self.store.path}.tantivy.lock", "rb") as handle:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
                except OSError:
                    return False  # a maintainer holds it and will commit soon
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
                return True
        except (ImportError, OSError):
            return True

    def broken(self) -> None:
        """A search on the index failed (a rebuild elsewhere removed its files): FTS5 for now,
        and open the index again after a while."""
        self.index = None
        self._failed_at = time.monotonic()

    def close(self) -> None:
        if self.enabled and not self.maintainer and not self.store.readonly and self._unsynced:
            # another process maintained the index while this one wrote; if it has ended,
            # take over and index what this process queued
            self._lock_handle = _lock(Path(f"{self.store.path}.tantivy.lock"))
            self.maintainer = self._lock_handle is not None
            if self.maintainer:
                with suppress(StoreError, sqlite3.Error, ValueError, RuntimeError, OSError):
                    self._attach()
        if self.maintainer and self.index is not None:
            with suppress(StoreError, sqlite3.Error):
                self.sync()
            with suppress(ValueError, RuntimeError, OSError):
                self.index.close()
        if self._lock_handle is not None:
            self._lock_handle.close()
            self._lock_handle = None
        self.maintainer = False


__all__ = ["Indexer"]

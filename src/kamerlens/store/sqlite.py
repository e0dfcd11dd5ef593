"""The SQLite store: the default backend and the store of record.

One file holds everything: the raw source of each document, its normalized text, every extracted
item (one plain table per kind), the full-text index (FTS5) and the links found across documents.
Each document is written in ONE transaction, so a crash or a kill leaves it wholly present or
absent. WAL mode and a busy timeout let readers (the web app) work while an ingest writes.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from kamerlens.errors import NotFound, StoreError
from kamerlens.ingest import RawDocument
from kamerlens.models import Record
from kamerlens.store import questions, search
from kamerlens.store.base import AddResult, SearchQuery, SearchResult, Status
from kamerlens.store.checkpoint import AUTOCHECKPOINT_PAGES, Checkpointer
from kamerlens.store.rows import (
    ITEM_TABLES,
    q,
    row_to_item,
)
from kamerlens.store.schema import migrate
from kamerlens.store.writer import Prepared, prepare, write_chunk

BUSY_TIMEOUT_S = 30.0
_DOC_FIELDS = (
    "source",
    "sha256",
    "identifier",
    "dossier",
    "number",
    "kind",
    "title",
    "date",
    "date_estimated",
    "date_range",
    "signer",
    "format",
    "pages",
)


def extractor_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kamerlens")
    except PackageNotFoundError:  # running from a source tree without install
        return "0"


class SqliteStore:
    """A kamerlens store in one SQLite file. Safe to share between threads (one lock)."""

    def __init__(
        self, path: str | Path, *, readonly: bool = False, text_index: bool = True
    ) -> None:
        self.path = Path(path)
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
        self._version = extractor_version()
        from kamerlens.store.indexer import Indexer

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

    # -- writing ------------------------------------------------------------------------------

    def known(self, sha256: str) -> bool:
        with self._lock:
            row = self.conn.execute(
                "SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)
            ).fetchone()
        return row is not None

    def known_hashes(self) -> set[str]:
        """Every stored sha256 (a batch ingest checks files against it before extracting)."""
        with self._lock:
            return {row[0] for row in self.conn.execute("SELECT sha256 FROM documents")}

    def add(self, raw: RawDocument, record: Record, *, replace: bool = False) -> AddResult:
        """Store one document with all its items in one transaction.

        Same content (sha256) already stored: ``unchanged``, unless ``replace`` (reprocess),
        which swaps its items for the new ones (``replaced``).
        """
        prepared = prepare(raw, record, source=raw.source, sha256=raw.sha256)
        outcome = self.add_prepared([prepared], replace=replace)[0]
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def add_many(
        self, pairs: list[tuple[RawDocument, Record]], *, replace: bool = False
    ) -> list[AddResult | Exception]:
        """Add several documents in one transaction; each stays all-or-nothing (a failing one
        is returned as its exception and the others go on). See ``add_prepared``."""
        out: list[AddResult | Exception | None] = []
        ready: list[Prepared] = []
        for raw, record in pairs:
            try:
                ready.append(prepare(raw, record, source=raw.source, sha256=raw.sha256))
                out.append(None)
            except Exception as exc:  # a record that cannot be read: refused alone
                out.append(exc)
        written = iter(self.add_prepared(ready, replace=replace))
        return [next(written) if o is None else o for o in out]

    def add_prepared(
        self, docs: list[Prepared], *, replace: bool = False
    ) -> list[AddResult | Exception]:
        """Write prepared documents (``store/writer.py``) in ONE transaction.

        The whole chunk goes in with one statement per table; if that fails, it is rolled back
        to its savepoint and written again one document at a time, each in its own savepoint, so
        a failing document is returned as its exception and the others are stored. A kill at
        any moment leaves each document wholly present or absent (the transaction is atomic).
        """
        if not docs:
            return []
        if self._checkpointer is None and str(self.path) != ":memory:":
            # a batch is being written: checkpoint beside it (store/checkpoint.py)
            self._checkpointer = Checkpointer(self.path, self.conn)
            self._checkpointer.start()
        out: list[AddResult | Exception] = []
        with self.transaction() as c:
            c.execute("SAVEPOINT chunk")
            try:
                out = list(self._write(docs, replace))
                c.execute("RELEASE chunk")
            except Exception:
                c.execute("ROLLBACK TO chunk")
                c.execute("RELEASE chunk")
                out = []
                for doc in docs:
                    c.execute("SAVEPOINT doc")
                    try:
                        out += self._write([doc], replace)
                    except Exception as exc:  # one bad record must not take the batch with it
                        c.execute("ROLLBACK TO doc")
                        out.append(exc)
                    c.execute("RELEASE doc")
        self.indexer.wrote(sum(1 for o in out if isinstance(o, AddResult)))
        return out

    def _write(self, docs: list[Prepared], replace: bool) -> list[AddResult]:
        return write_chunk(
            self.conn, docs, replace=replace, delete=self._delete, version=self._version
        )

    def _delete(self, doc_id: str) -> None:
        """Remove one document and everything derived from it (inside a transaction)."""
        c = self.conn
        old = c.execute("SELECT id, title, text FROM texts WHERE doc_id = ?", (doc_id,)).fetchone()
        if old:  # external-content FTS: the index is told the old values to forget
            c.execute(
                "INSERT INTO search (search, rowid, title, text) VALUES ('delete', ?, ?, ?)",
                (old["id"], old["title"], old["text"]),
            )
            c.execute("INSERT INTO search_queue (text_id) VALUES (?)", (old["id"],))
        c.execute("DELETE FROM links WHERE from_doc = ?", (doc_id,))
        for table in ("title_words", "commitment_words", "link_pending"):
            c.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        # links other documents hold to this one's items must be weighed again: the next link
        # run is a full one (reprocess relinks fully anyway)
        c.execute("DELETE FROM store_state WHERE key = 'link_version'")
        c.execute("DELETE FROM entity_mentions WHERE doc_id = ?", (doc_id,))
        for table in ITEM_TABLES:
            c.execute(f"DELETE FROM {q(table)} WHERE doc_id = ?", (doc_id,))
        for table in ("texts", "sources", "documents"):
            c.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))

    def delete(self, doc: str) -> None:
        doc_id = self.resolve(doc)
        with self.transaction():
            self._delete(doc_id)
        self.indexer.wrote(1)

    # -- reading ------------------------------------------------------------------------------

    def resolve(self, doc: str) -> str:
        """A doc_id, a KOOP identifier or a sha256 prefix (>= 6 hex) -> the doc_id."""
        rows = self._rows(
            "SELECT doc_id FROM documents WHERE doc_id = ? OR identifier = ? LIMIT 1", (doc, doc)
        )
        if not rows and len(doc) >= 6 and all(ch in "0123456789abcdef" for ch in doc.lower()):
            rows = self._rows(
                "SELECT doc_id FROM documents WHERE sha256 LIKE ? LIMIT 2", (doc.lower() + "%",)
            )
            if len(rows) > 1:
                raise NotFound(f"{doc!r} matches more than one document; give more of the hash")
        if not rows:
            raise NotFound(f"no document {doc!r} in the store")
        return str(rows[0]["doc_id"])

    def document(self, doc: str, *, include_text: bool = True) -> dict[str, Any]:
        """The stored record in the shape of ``Record.to_dict()``, plus ``doc_id`` and ``links``."""
        doc_id = self.resolve(doc)
        row = self._rows("SELECT * FROM documents WHERE doc_id = ?", (doc_id,))[0]
        out: dict[str, Any] = {"doc_id": doc_id, "document": _document_info(row)}
        if include_text:
            text = self._rows("SELECT text FROM texts WHERE doc_id = ?", (doc_id,))
            out["text"] = text[0]["text"] if text else ""
        for table in ITEM_TABLES:
            rows = self._rows(f"SELECT * FROM {q(table)} WHERE doc_id = ? ORDER BY seq", (doc_id,))
            items = [row_to_item(table, r) for r in rows]
            if table == "entities":
                self._attach_mentions(doc_id, items)
            out[table] = items
        out["links"] = questions.document_links(self, doc_id, row)
        return out

    def _attach_mentions(self, doc_id: str, entities: list[dict[str, Any]]) -> None:
        mentions: dict[int, list[dict[str, int]]] = {}
        for m in self._rows(
            'SELECT entity_id, start, "end" FROM entity_mentions WHERE doc_id = ? ORDER BY id',
            (doc_id,),
        ):
            mentions.setdefault(m["entity_id"], []).append({"start": m["start"], "end": m["end"]})
        for entity in entities:
            entity["mentions"] = mentions.get(entity["id"], [])

    def documents(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        kind: str | None = None,
        dossier: str | None = None,
    ) -> list[dict[str, Any]]:
        """Documents, latest first (by date, then by ingest time)."""
        where, params = [], []
        if kind:
            where.append("kind = ?")
            params.append(kind)
        if dossier:
            where.append("dossier = ?")
            params.append(dossier)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self._rows(
            "SELECT doc_id, identifier, dossier, number, kind, title, date, date_estimated,"
            f" signer_name, signer_role, format, source, sha256 FROM documents {clause}"
            " ORDER BY date IS NULL, date DESC, ingested_at DESC, doc_id LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        for r in rows:
            r["date_estimated"] = bool(r["date_estimated"])
        return rows

    def doc_ids(self) -> list[str]:
        return [r["doc_id"] for r in self._rows("SELECT doc_id FROM documents ORDER BY rowid")]

    def raw(self, doc: str) -> RawDocument:
        """The stored source re-read as a RawDocument (what ``reprocess`` extracts again)."""
        from kamerlens.ingest import read

        doc_id = self.resolve(doc)
        rows = self._rows(
            "SELECT s.data, d.source FROM sources s JOIN documents d USING (doc_id)"
            " WHERE doc_id = ?",
            (doc_id,),
        )
        return read(bytes(rows[0]["data"]), name=rows[0]["source"])

    def source_bytes(self, doc: str) -> tuple[str, bytes]:
        doc_id = self.resolve(doc)
        rows = self._rows(
            "SELECT s.data, d.source FROM sources s JOIN documents d USING (doc_id)"
            " WHERE doc_id = ?",
            (doc_id,),
        )
        return rows[0]["source"], bytes(rows[0]["data"])

    # -- questions (store/questions.py, store/search.py) ----------------------------------------

    def search(self, query: SearchQuery) -> SearchResult:
        return search.run(self, query)

    def commitments(
        self, *, status: Status | None = None, as_of: str | None = None, actor: str | None = None
    ) -> list[dict[str, Any]]:
        return questions.commitments(self, status=status, as_of=as_of, actor=actor)

    def pledges(self, *, recipient: str | None = None) -> list[dict[str, Any]]:
        return questions.pledges(self, recipient=recipient)

    def refs(self, dossier: str, number: str | None = None) -> dict[str, Any]:
        return questions.refs(self, dossier, number)

    def dossier(self, dossier: str) -> dict[str, Any]:
        return questions.dossier(self, dossier)

    def events(self, *, upcoming: bool = False, as_of: str | None = None) -> list[dict[str, Any]]:
        return questions.events(self, upcoming=upcoming, as_of=as_of)

    def motions(self) -> list[dict[str, Any]]:
        return questions.motions(self)

    def stats(self) -> dict[str, Any]:
        return questions.stats(self)

    # -- link stage and catalogue ---------------------------------------------------------------

    def items(self, table: str, *, doc_ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Raw rows of one item table joined with their document's date, kind and signer."""
        if table not in ITEM_TABLES:
            raise StoreError(f"no item table {table!r}")
        sql = (
            f"SELECT i.*, d.date AS doc_date, d.kind AS doc_kind, d.title AS doc_title,"
            f" d.dossier AS doc_dossier, d.number AS doc_number, d.signer_role AS doc_signer_role,"
            f" d.signer_name AS doc_signer_name FROM {q(table)} i JOIN documents d USING (doc_id)"
        )
        if doc_ids is None:
            return self._rows(sql + " ORDER BY i.id")
        ids = list(doc_ids)
        out: list[dict[str, Any]] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            out += self._rows(
                sql + f" WHERE i.doc_id IN ({','.join('?' * len(chunk))}) ORDER BY i.id", chunk
            )
        return out

    def document_index(self) -> list[dict[str, Any]]:
        """The fields of every document the link stage needs (no text)."""
        return self._rows(
            "SELECT doc_id, dossier, number, date, kind, title, signer_name, signer_role"
            " FROM documents ORDER BY rowid"
        )

    def text_slice(self, doc_id: str, start: int, end: int) -> str:
        """``text[start:end]`` of one document's normalized text."""
        rows = self._rows(
            "SELECT substr(text, ?, ?) AS t FROM texts WHERE doc_id = ?",
            (start + 1, max(0, end - start), doc_id),
        )
        return rows[0]["t"] if rows else ""

    def set_links(
        self, kind: str, links: list[dict[str, Any]], *, from_docs: Iterable[str] | None = None
    ) -> None:
        """Replace the links of ``kind`` (all, or those from ``from_docs``) in one transaction."""
        with self.transaction() as c:
            if from_docs is None:
                c.execute("DELETE FROM links WHERE kind = ?", (kind,))
            else:
                c.executemany(
                    "DELETE FROM links WHERE kind = ? AND from_doc = ?",
                    [(kind, d) for d in from_docs],
                )
            insert_links(c, kind, links)

    def load_catalogue(self, rows: Iterable[dict[str, Any]]) -> int:
        """Insert or update catalogue rows (identifier, dossier, number, title, date ...)."""
        cols = ("identifier", "dossier", "number", "title", "date", "type", "dossier_title", "url")
        data = [tuple(r.get(c) for c in cols) for r in rows]
        with self.transaction() as c:
            c.executemany(
                f"INSERT OR REPLACE INTO catalogue ({', '.join(cols)}) VALUES"
                f" ({', '.join('?' * len(cols))})",
                data,
            )
        return len(data)

    def export(self, directory: str, *, format: str = "csv") -> list[str]:
        from kamerlens.store.export import export

        return export(self, directory, format=format)

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

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _document_info(row: dict[str, Any]) -> dict[str, Any]:
    date_range = None
    if row["date_earliest"] or row["date_latest"]:
        date_range = [row["date_earliest"], row["date_latest"]]
    values = {
        "source": row["source"],
        "sha256": row["sha256"],
        "identifier": row["identifier"],
        "dossier": row["dossier"],
        "number": row["number"],
        "kind": row["kind"],
        "title": row["title"],
        "date": row["date"],
        "date_estimated": bool(row["date_estimated"]),
        "date_range": date_range,
        "signer": {"name": row["signer_name"], "role": row["signer_role"]},
        "format": row["format"],
        "pages": row["pages"],
    }
    return {k: values[k] for k in _DOC_FIELDS}


__all__ = ["SqliteStore", "extractor_version"]


_LINK_COLUMNS = (
    "kind",
    "from_doc",
    "from_table",
    "from_id",
    "to_doc",
    "to_table",
    "to_id",
    "to_key",
    "evidence",
    "confidence",
    "from_key",
)


def insert_links(c: sqlite3.Connection, kind: str, links: list[dict[str, Any]]) -> None:
    """Write links of one ``kind``: the one place that knows the columns of ``links``."""
    c.executemany(
        f"INSERT INTO links ({', '.join(_LINK_COLUMNS)})"
        f" VALUES ({', '.join('?' * len(_LINK_COLUMNS))})",
        [(kind, *(link.get(col) for col in _LINK_COLUMNS[1:])) for link in links],
    )

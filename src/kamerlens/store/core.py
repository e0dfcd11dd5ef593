"""The one backend-neutral store: every write and every question, written once over plain SQL.

``SqlStore`` implements the Store protocol. Its SQL is the common ground of SQLite and
PostgreSQL (``?`` parameters, ``ON CONFLICT`` upserts, quoted keywords); a backend subclasses it
and supplies only what truly differs: connections and transactions, id allocation, bulk loads
(``executemany`` or ``COPY``), locking of what a chunk writes, the full-text index and search,
and the size on disk. ``store/sqlite/`` and ``store/postgres/`` are those two small backends.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from kamerlens.errors import NotFound, StoreError
from kamerlens.ingest import RawDocument
from kamerlens.models import Record
from kamerlens.store import questions
from kamerlens.store.base import AddResult, SearchQuery, SearchResult, Status
from kamerlens.store.rows import ITEM_TABLES, q, row_to_item
from kamerlens.store.writer import Prepared, prepare, write_chunk

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
LINK_COLUMNS = (
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
CATALOGUE_COLUMNS = (
    "identifier",
    "dossier",
    "number",
    "title",
    "date",
    "type",
    "dossier_title",
    "url",
)


class Tx(Protocol):
    """What a write transaction offers: ``?``-parameter SQL; rows index by position and name."""

    def execute(self, sql: str, params: Sequence[Any] = ...) -> Any: ...
    def executemany(self, sql: str, params: Iterable[Sequence[Any]]) -> Any: ...


def extractor_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kamerlens")
    except PackageNotFoundError:  # running from a source tree without install
        return "0"


def marks(n: int) -> str:
    return ",".join("?" * n)


class SqlStore:
    """The Store protocol over plain tables; subclasses supply the backend (see module doc)."""

    readonly: bool = False
    label: str = ""  # what error messages name: the file or the server

    def __init__(self) -> None:
        self._version = extractor_version()

    # -- what a backend supplies ------------------------------------------------------------

    def transaction(self) -> AbstractContextManager[Any]:
        """One write transaction; yields a ``Tx``."""
        raise NotImplementedError

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        """A read query (``?`` parameters) as a list of dicts."""
        raise NotImplementedError

    def _table(self, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Column names and rows of a read query (export: also the columns of no rows)."""
        raise NotImplementedError

    def _claim(self, c: Any, docs: Sequence[Prepared]) -> None:
        """Hold what writing ``docs`` decides on (content hashes, ids) until the commit."""

    def _new_ids(self, c: Any, table: str, n: int) -> list[int]:
        """``n`` fresh ids for ``table`` (texts, entities), ascending."""
        raise NotImplementedError

    def _bulk(
        self, c: Any, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
    ) -> None:
        """Insert many rows into one table."""
        c.executemany(
            f"INSERT INTO {q(table)} ({', '.join(q(col) for col in columns)})"
            f" VALUES ({marks(len(columns))})",
            rows,
        )

    def _insert_new(
        self, c: Any, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
    ) -> None:
        """Insert many rows into one table, skipping those whose key is there already."""
        c.executemany(
            f"INSERT INTO {q(table)} ({', '.join(q(col) for col in columns)})"
            f" VALUES ({marks(len(columns))}) ON CONFLICT DO NOTHING",
            rows,
        )

    def _pend(self, c: Any, doc_ids: list[str]) -> None:
        """Queue documents for the link stage (in the caller's transaction)."""
        self._insert_new(c, "link_pending", ("doc_id",), [(d,) for d in doc_ids])

    def _index(self, c: Any, texts: list[tuple[int, str, str]]) -> None:
        """Index new texts (id, title, text) for full-text search, in the caller's transaction."""
        raise NotImplementedError

    def _unindex(self, c: Any, text_id: int, title: str, text: str) -> None:
        """Forget one text from the full-text index (before its rows are deleted)."""

    def _wrote(self, documents: int) -> None:
        """Told after each committed write of ``documents`` documents."""

    def _serialize(self, c: Any, name: str) -> None:
        """Let one transaction at a time past this point (the link stage)."""

    def _size(self) -> tuple[int, str]:
        """(bytes on disk, what the store is) for ``stats``."""
        raise NotImplementedError

    def _export_order(self, table: str) -> str:
        return "ORDER BY 1"

    def has_table(self, name: str) -> bool:
        """Whether the store has table ``name`` (a read-only store may predate a migration)."""
        found = self._rows(
            "SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        )
        return bool(found)

    def json_field(self, column: str, key: str) -> str:
        """SQL for the text of ``key`` in a JSON text ``column`` (``key``: letters only)."""
        return f"json_extract({column}, '$.{key}')"

    def search(self, query: SearchQuery) -> SearchResult:
        raise NotImplementedError

    def reindex(self) -> int:
        """Rebuild a derived search index (if the backend keeps one); returns texts indexed."""
        return 0

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------------

    def known(self, sha256: str) -> bool:
        return bool(self._rows("SELECT 1 AS x FROM documents WHERE sha256 = ?", (sha256,)))

    def known_hashes(self) -> set[str]:
        """Every stored sha256 (a batch ingest asks ``stored_hashes`` for a few at a time)."""
        return {r["sha256"] for r in self._rows("SELECT sha256 FROM documents")}

    def stored_hashes(self, hashes: Sequence[str]) -> set[str]:
        """Which of ``hashes`` are stored."""
        found: set[str] = set()
        for start in range(0, len(hashes), 500):
            chunk = list(hashes[start : start + 500])
            found |= {
                r["sha256"]
                for r in self._rows(
                    f"SELECT sha256 FROM documents WHERE sha256 IN ({marks(len(chunk))})", chunk
                )
            }
        return found

    def hashes(self) -> list[str]:
        """The content hash of every document, in stored order (reprocess works through them)."""
        return [
            r["sha256"]
            for r in self._rows(
                "SELECT d.sha256 FROM documents d JOIN texts t ON t.doc_id = d.doc_id ORDER BY t.id"
            )
        ]

    def sources_by_hash(self, hashes: Sequence[str]) -> list[tuple[str, bytes]]:
        """(source name, raw bytes) of the stored documents with these content hashes."""
        if not hashes:
            return []
        rows = self._rows(
            "SELECT d.source, s.data FROM sources s JOIN documents d ON d.doc_id = s.doc_id"
            f" WHERE d.sha256 IN ({marks(len(hashes))})",
            list(hashes),
        )
        return [(r["source"], bytes(r["data"])) for r in rows]

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
        out: list[AddResult | Exception] = []
        with self.transaction() as c:
            self._claim(c, docs)
            c.execute("SAVEPOINT chunk")
            try:
                out = list(self._write(c, docs, replace))
                c.execute("RELEASE SAVEPOINT chunk")
            except Exception:
                c.execute("ROLLBACK TO SAVEPOINT chunk")
                c.execute("RELEASE SAVEPOINT chunk")
                out = []
                for doc in docs:
                    c.execute("SAVEPOINT doc")
                    try:
                        out += self._write(c, [doc], replace)
                    except Exception as exc:  # one bad record must not take the batch with it
                        c.execute("ROLLBACK TO SAVEPOINT doc")
                        out.append(exc)
                    c.execute("RELEASE SAVEPOINT doc")
        self._wrote(sum(1 for o in out if isinstance(o, AddResult)))
        return out

    def _write(self, c: Any, docs: list[Prepared], replace: bool) -> list[AddResult]:
        return write_chunk(self, c, docs, replace=replace)

    def _delete(self, c: Any, doc_id: str) -> None:
        """Remove one document and everything derived from it (inside a transaction)."""
        self._delete_many(c, [doc_id])

    def _delete_many(self, c: Any, doc_ids: Sequence[str]) -> None:
        """Remove documents and everything derived from them: one statement per table (a
        reprocess replaces whole chunks; a statement per document and table was most of it)."""
        for start in range(0, len(doc_ids), 500):
            ids = list(doc_ids[start : start + 500])
            among = f"IN ({marks(len(ids))})"
            texts = c.execute(f"SELECT id, title, text FROM texts WHERE doc_id {among}", ids)
            for old in texts.fetchall():
                self._unindex(c, old["id"], old["title"], old["text"])
            c.execute(f"DELETE FROM links WHERE from_doc {among}", ids)
            for table in ("title_words", "commitment_words", "link_pending", "entity_mentions"):
                c.execute(f"DELETE FROM {table} WHERE doc_id {among}", ids)
            for table in (*ITEM_TABLES, "texts", "sources", "documents"):
                c.execute(f"DELETE FROM {q(table)} WHERE doc_id {among}", ids)
        if doc_ids:
            # links other documents hold to these items must be weighed again: the next link
            # run is a full one (reprocess relinks fully anyway)
            c.execute("DELETE FROM store_state WHERE key = 'link_version'")

    def delete(self, doc: str) -> None:
        doc_id = self.resolve(doc)
        with self.transaction() as c:
            self._delete(c, doc_id)
        self._wrote(1)

    # -- reading ------------------------------------------------------------------------------

    def resolve(self, doc: str) -> str:
        """A doc_id, a KOOP identifier or a sha256 prefix (>= 6 hex) -> the doc_id."""
        # the doc_id itself first: files of one Kamerstuk share its identifier ("<id>.<sha8>")
        rows = self._rows(
            "SELECT doc_id FROM documents WHERE doc_id = ? OR identifier = ?"
            " ORDER BY CASE WHEN doc_id = ? THEN 0 ELSE 1 END, doc_id LIMIT 1",
            (doc, doc, doc),
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
        """Every doc_id in the order they were stored."""
        return [
            r["doc_id"]
            for r in self._rows(
                "SELECT doc_id FROM documents JOIN texts USING (doc_id) ORDER BY id"
            )
        ]

    def raw(self, doc: str) -> RawDocument:
        """The stored source re-read as a RawDocument (what ``reprocess`` extracts again)."""
        from kamerlens.ingest import read

        name, data = self.source_bytes(doc)
        return read(data, name=name)

    def source_bytes(self, doc: str) -> tuple[str, bytes]:
        doc_id = self.resolve(doc)
        rows = self._rows(
            "SELECT s.data, d.source FROM sources s JOIN documents d USING (doc_id)"
            " WHERE doc_id = ?",
            (doc_id,),
        )
        return rows[0]["source"], bytes(rows[0]["data"])

    # -- questions (store/questions.py) -------------------------------------------------------

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

    def export(self, directory: str, *, format: str = "csv") -> list[str]:
        from kamerlens.store.export import export

        return export(self, directory, format=format)

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
                sql + f" WHERE i.doc_id IN ({marks(len(chunk))}) ORDER BY i.id", chunk
            )
        return out

    def document_index(self) -> list[dict[str, Any]]:
        """The fields of every document the link stage needs (no text), in stored order."""
        return self._rows(
            "SELECT d.doc_id, d.dossier, d.number, d.date, d.kind, d.title, d.signer_name,"
            " d.signer_role FROM documents d JOIN texts t ON t.doc_id = d.doc_id ORDER BY t.id"
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
        cols = CATALOGUE_COLUMNS
        data = [tuple(r.get(c) for c in cols) for r in rows]
        updates = ", ".join(f"{c} = excluded.{c}" for c in cols[1:])
        with self.transaction() as c:
            c.executemany(
                f"INSERT INTO catalogue ({', '.join(cols)}) VALUES ({marks(len(cols))})"
                f" ON CONFLICT (identifier) DO UPDATE SET {updates}",
                data,
            )
        return len(data)


def insert_links(c: Any, kind: str, links: list[dict[str, Any]]) -> None:
    """Write links of one ``kind``: the one place that knows the columns of ``links``."""
    if not links:
        return
    c.executemany(
        f"INSERT INTO links ({', '.join(LINK_COLUMNS)}) VALUES ({marks(len(LINK_COLUMNS))})",
        [(kind, *(link.get(col) for col in LINK_COLUMNS[1:])) for link in links],
    )


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


__all__ = ["LINK_COLUMNS", "SqlStore", "Tx", "extractor_version", "insert_links", "marks"]

"""The write path: records -> plain rows (``prepare``, cheap to send between processes) ->
one batched insert per table for a whole chunk of documents (``write_chunk``).

Workers of a batch ingest call ``prepare`` on their side, so the writer only unpickles tuples of
plain values and runs one bulk insert per table per chunk (``executemany`` in SQLite, ``COPY``
in PostgreSQL: the backend's ``_bulk``). The caller runs ``write_chunk`` inside a transaction;
when a chunk fails as a whole, ``SqlStore`` writes its documents again one by one, each in its
own savepoint, so one bad record costs only itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from kamerlens.ingest import RawDocument
from kamerlens.models import ITEM_KINDS, Record
from kamerlens.store.base import AddResult
from kamerlens.store.ids import identifier_from_name, identifier_parts, make_identifier
from kamerlens.store.rows import ITEM_TABLES, entity_row, item_columns, item_rows

if TYPE_CHECKING:
    from kamerlens.store.core import SqlStore

DOCUMENT_COLUMNS = (
    "doc_id",
    "sha256",
    "source",
    "format",
    "identifier",
    "dossier",
    "number",
    "kind",
    "title",
    "date",
    "date_estimated",
    "date_earliest",
    "date_latest",
    "signer_name",
    "signer_role",
    "pages",
    "chars",
    "ingested_at",
    "extractor_version",
)


@dataclass(slots=True)
class Prepared:
    """One document as rows without its doc_id (decided at write time)."""

    source: str
    sha256: str
    base_id: str  # the doc_id it gets unless another file already holds it
    info: dict[str, Any]  # identifier, dossier, number, kind, title, date ... (documents row)
    text: str
    rows: dict[str, list[tuple[Any, ...]]]  # table -> rows, each without the leading doc_id
    entities: list[tuple[tuple[Any, ...], list[tuple[int, int]]]]  # (row w/o doc_id, mentions)
    counts: dict[str, int]  # items per kind, for the summary
    data: bytes = field(default=b"", repr=False)  # the raw source (attached by the writer side)


def base_id(source: str, sha256: str, record: Record) -> str:
    info = record.document
    return (
        info.identifier
        or make_identifier(info.dossier, info.number)
        or identifier_from_name(source)
        or sha256[:16]
    )


def prepare(raw: RawDocument | None, record: Record, *, source: str, sha256: str) -> Prepared:
    """Rows of one record (runs in a worker process during a batch ingest)."""
    info = record.document
    earliest, latest = info.date_range or (None, None)
    rows: dict[str, list[tuple[Any, ...]]] = {}
    entities: list[tuple[tuple[Any, ...], list[tuple[int, int]]]] = []
    counts: dict[str, int] = {}
    for table in ITEM_TABLES:
        items = getattr(record, table)
        if not items:
            continue
        if table == "entities":
            entities = [
                (entity_row("", seq, e)[1:], [(m.start, m.end) for m in e.mentions])
                for seq, e in enumerate(items)
            ]
        else:
            rows[table] = [row[1:] for row in item_rows("", table, items)]
    for kind in ITEM_KINDS:
        n = len(getattr(record, kind))
        if n:
            counts[kind] = n
    return Prepared(
        source=source,
        sha256=sha256,
        base_id=base_id(source, sha256, record),
        info={
            "identifier": info.identifier,
            "dossier": info.dossier,
            "number": info.number,
            "kind": info.kind,
            "title": info.title,
            "date": info.date,
            "date_estimated": int(info.date_estimated),
            "date_earliest": earliest,
            "date_latest": latest,
            "signer_name": info.signer.name,
            "signer_role": info.signer.role,
            "format": info.format or (raw.format if raw else None),
            "pages": info.pages or (raw.pages if raw else None),
        },
        text=record.text,
        rows=rows,
        entities=entities,
        counts=counts,
        data=raw.data if raw else b"",
    )


def write_chunk(
    store: SqlStore, c: Any, docs: list[Prepared], *, replace: bool
) -> list[AddResult]:
    """Insert ``docs`` with one bulk statement per table (inside the caller's transaction).

    An older copy is removed when ``replace`` (reprocess). Ids of texts and entities are
    allocated up front for the whole chunk (``store._new_ids``), so the full-text rows and the
    mentions need no round trip per row. The backend has claimed the chunk's hashes and ids
    (``store._claim``), so what is read here stays true until the commit.
    """
    shas = [d.sha256 for d in docs]
    old = dict(
        c.execute(
            f"SELECT sha256, doc_id FROM documents WHERE sha256 IN ({','.join('?' * len(shas))})",
            shas,
        ).fetchall()
    )
    results: list[AddResult | None] = [None] * len(docs)
    todo: list[tuple[int, Prepared]] = []
    seen: dict[str, str] = {}
    twice: list[tuple[int, str]] = []
    for i, d in enumerate(docs):
        if d.sha256 in seen:  # the same content twice in one chunk: the first one counts
            twice.append((i, d.sha256))
        elif d.sha256 in old and not replace:
            results[i] = AddResult(old[d.sha256], "unchanged", 0)
        else:
            todo.append((i, d))
            seen[d.sha256] = ""
    if not todo:
        return _done(results, twice, seen)
    store._delete_many(c, [old[d.sha256] for _, d in todo if d.sha256 in old])
    bases = sorted({d.base_id for _, d in todo})
    taken = {
        r[0]
        for r in c.execute(
            f"SELECT doc_id FROM documents WHERE doc_id IN ({','.join('?' * len(bases))})", bases
        )
    }
    now = datetime.now(UTC).isoformat(timespec="seconds")
    text_ids = iter(store._new_ids(c, "texts", len(todo)))
    entity_ids = iter(store._new_ids(c, "entities", sum(len(d.entities) for _, d in todo)))
    documents, sources, texts, pending = [], [], [], []
    tables: dict[str, list[tuple[Any, ...]]] = {}
    entities: list[tuple[Any, ...]] = []
    mentions: list[tuple[Any, ...]] = []
    for i, d in todo:
        # another file with the same identifier (the PDF and the XML of one Kamerstuk) is kept
        # beside it under a suffixed id, so ingesting both stays idempotent
        doc_id = d.base_id if d.base_id not in taken else f"{d.base_id}.{d.sha256[:8]}"
        taken.add(doc_id)
        seen[d.sha256] = doc_id
        documents.append(_document_row(doc_id, d, now, store._version))
        sources.append((doc_id, d.data))
        texts.append((next(text_ids), doc_id, d.info["title"] or "", d.text, len(d.text)))
        pending.append(doc_id)
        for table, rows in d.rows.items():
            tables.setdefault(table, []).extend((doc_id, *row) for row in rows)
        for row, spans in d.entities:
            entity_id = next(entity_ids)
            entities.append((entity_id, doc_id, *row))
            mentions.extend((entity_id, doc_id, s, e) for s, e in spans)
        results[i] = AddResult(
            doc_id, "replaced" if d.sha256 in old else "stored", sum(d.counts.values())
        )
    bulk = store._bulk
    bulk(c, "documents", DOCUMENT_COLUMNS, documents)
    bulk(c, "sources", ("doc_id", "data"), sources)
    bulk(c, "texts", ("id", "doc_id", "title", "text", "body_end"), texts)
    # the link stage catches up from these (same transaction: kill-safe)
    store._pend(c, pending)
    for table, rows in tables.items():
        bulk(c, table, item_columns(table), rows)
    if entities:
        bulk(c, "entities", ("id", *item_columns("entities")), entities)
        bulk(c, "entity_mentions", ("entity_id", "doc_id", "start", "end"), mentions)
    store._index(c, [(t[0], t[2], t[3]) for t in texts])  # after the items: it may read them
    return _done(results, twice, seen)


def _done(
    results: list[AddResult | None], twice: list[tuple[int, str]], seen: dict[str, str]
) -> list[AddResult]:
    for i, sha in twice:
        results[i] = AddResult(seen[sha], "unchanged", 0)
    return [r for r in results if r is not None]


def _document_row(doc_id: str, d: Prepared, now: str, version: str) -> tuple[Any, ...]:
    info = d.info
    identifier = info["identifier"] or (doc_id if doc_id.startswith("kst-") else None)
    dossier, number = info["dossier"], info["number"]
    if identifier and not (dossier and number):
        id_dossier, id_number = identifier_parts(identifier.split(".")[0])
        dossier, number = dossier or id_dossier, number or id_number
    return (
        doc_id,
        d.sha256,
        d.source,
        info["format"],
        identifier,
        dossier,
        number,
        info["kind"],
        info["title"],
        info["date"],
        info["date_estimated"],
        info["date_earliest"],
        info["date_latest"],
        info["signer_name"],
        info["signer_role"],
        info["pages"],
        len(d.text),
        now,
        version,
    )


__all__ = ["DOCUMENT_COLUMNS", "Prepared", "base_id", "prepare", "write_chunk"]

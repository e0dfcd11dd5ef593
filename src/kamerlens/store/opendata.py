"""The Tweede Kamer's open data in the store: entities, where each feed goes on, and questions.

Tables of migration 0006 (``od_*``). A feed page is written in ONE transaction together with the
point where its category goes on, so a kill leaves the page wholly in or out and a re-run
resumes there. An entity is only overwritten by a version at least as new (``bijgewerkt``), so
fetching a page twice, or an older page after a newer one, changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from kamerlens.store.ids import canonical_dossier

if TYPE_CHECKING:
    from kamerlens.store.core import SqlStore


@dataclass
class Entity:
    """One open-data entity as a feed page gives it (``sync/feed.py`` reads them), and as
    ``write_page`` stores it."""

    category: str  # the feed category: Document, ZaakActor ...
    id: str
    bijgewerkt: str
    deleted: bool
    fields: dict[str, Any] = field(default_factory=dict)
    refs: dict[str, list[str]] = field(default_factory=dict)
    content_type: str | None = None
    resume: str | None = None  # the entry's own next link (the skiptoken after it)
    enclosure: str | None = None  # the entry's link to its file, when it gives one

    def ref(self, name: str) -> str | None:
        found = self.refs.get(name)
        return found[0] if found else None


@dataclass
class PageCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    documents_removed: int = 0


@dataclass(frozen=True)
class DocumentLink:
    """A Document entity (or KOOP record) and the stored document read from its file."""

    entity_id: str
    source: str  # tk | koop
    doc_id: str | None
    dossier: str | None = None
    number: str | None = None
    file_error: str | None = None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def available(store: SqlStore) -> bool:
    """False for a store opened read-only before migration 0006 ran on it (no od_* tables)."""
    return store.has_table("od_entities")


# -- where each feed goes on --------------------------------------------------------------------


def sync_state(store: SqlStore, source: str, category: str) -> dict[str, Any]:
    """``{"resume_url": str | None, "failed": [urls]}`` of one category (empty when new)."""
    rows = store._rows(
        "SELECT resume_url, failed, updated_at FROM od_sync_state WHERE source = ? AND"
        " category = ?",
        (source, category),
    )
    if not rows:
        return {"resume_url": None, "failed": [], "updated_at": None}
    return {
        "resume_url": rows[0]["resume_url"],
        "failed": json.loads(rows[0]["failed"] or "[]"),
        "updated_at": rows[0]["updated_at"],
    }


def _set_state(c: Any, source: str, category: str, resume: str | None, failed: list[str]) -> None:
    c.execute(
        "INSERT INTO od_sync_state (source, category, resume_url, failed, updated_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (source, category) DO UPDATE SET"
        " resume_url = excluded.resume_url, failed = excluded.failed,"
        " updated_at = excluded.updated_at",
        (source, category, resume, json.dumps(failed), _now()),
    )


def set_state(
    store: SqlStore, source: str, category: str, resume: str | None, failed: list[str]
) -> None:
    with store.transaction() as c:
        _set_state(c, source, category, resume, failed)


def sync_states(store: SqlStore) -> list[dict[str, Any]]:
    return store._rows("SELECT * FROM od_sync_state ORDER BY source, category")


# -- writing a page ---------------------------------------------------------------------------


def _upsert(c: Any, entity: Entity, now: str) -> str:
    old = c.execute(
        "SELECT bijgewerkt, fields FROM od_entities WHERE id = ?", (entity.id,)
    ).fetchone()
    fields = json.dumps(
        {**entity.fields, "_content_type": entity.content_type},
        ensure_ascii=False,
        sort_keys=True,
    )
    refs = sorted((rel, to) for rel, targets in entity.refs.items() for to in set(targets))
    if old is not None:
        if old[0] > entity.bijgewerkt:
            return "unchanged"  # a newer version is stored already
        old_refs = sorted(
            (r[0], r[1])
            for r in c.execute(
                "SELECT relation, to_id FROM od_refs WHERE from_id = ?", (entity.id,)
            )
        )
        if old[0] == entity.bijgewerkt and old[1] == fields and old_refs == refs:
            return "unchanged"
    c.execute(
        "INSERT INTO od_entities (id, category, bijgewerkt, fields, synced_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET category = excluded.category,"
        " bijgewerkt = excluded.bijgewerkt, fields = excluded.fields,"
        " synced_at = excluded.synced_at",
        (entity.id, entity.category, entity.bijgewerkt, fields, now),
    )
    c.execute("DELETE FROM od_refs WHERE from_id = ?", (entity.id,))
    c.executemany(
        "INSERT INTO od_refs (from_id, relation, to_id) VALUES (?, ?, ?)",
        [(entity.id, rel, to) for rel, to in refs],
    )
    return "added" if old is None else "updated"


def _remove(store: SqlStore, c: Any, entity: Entity, counts: PageCounts) -> None:
    old = c.execute("SELECT bijgewerkt FROM od_entities WHERE id = ?", (entity.id,)).fetchone()
    if old is not None and old[0] > entity.bijgewerkt:
        counts.unchanged += 1  # restored after this deletion: the newer version stands
        return
    link = c.execute(
        "SELECT doc_id, source FROM od_documents WHERE entity_id = ?", (entity.id,)
    ).fetchone()
    c.execute("DELETE FROM od_documents WHERE entity_id = ?", (entity.id,))
    c.execute("DELETE FROM od_entities WHERE id = ?", (entity.id,))
    if link is not None and link[0]:
        still = c.execute(
            "SELECT 1 FROM od_documents WHERE doc_id = ? LIMIT 1", (link[0],)
        ).fetchone()
        known = c.execute("SELECT 1 FROM documents WHERE doc_id = ?", (link[0],)).fetchone()
        if still is None and known is not None:
            store._delete(c, link[0])  # the Kamer withdrew it: its record goes too
            counts.documents_removed += 1
    if old is not None or link is not None:
        counts.deleted += 1
    else:
        counts.unchanged += 1


def write_page(
    store: SqlStore,
    source: str,
    category: str,
    entities: Iterable[Entity],
    *,
    resume: str | None,
    failed: list[str],
    documents: Iterable[DocumentLink] = (),
) -> PageCounts:
    """Write one page's entities, document links and the category's resume point at once."""
    counts = PageCounts()
    now = _now()
    with store.transaction() as c:
        for entity in entities:
            if entity.deleted:
                _remove(store, c, entity, counts)
            else:
                outcome = _upsert(c, entity, now)
                setattr(counts, outcome, getattr(counts, outcome) + 1)
        for link in documents:
            c.execute(
                "INSERT INTO od_documents (entity_id, source, doc_id, dossier, number,"
                " file_error) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (entity_id) DO UPDATE SET"
                " source = excluded.source,"
                " doc_id = coalesce(excluded.doc_id, od_documents.doc_id),"
                " dossier = coalesce(excluded.dossier, od_documents.dossier),"
                " number = coalesce(excluded.number, od_documents.number),"
                " file_error = excluded.file_error",
                (
                    link.entity_id,
                    link.source,
                    link.doc_id,
                    link.dossier,
                    link.number,
                    link.file_error,
                ),
            )
        _set_state(c, source, category, resume, failed)
    if counts.documents_removed:
        store._wrote(counts.documents_removed)
    return counts


def move_document(store: SqlStore, old_doc: str, new_doc: str) -> None:
    """Point every link of ``old_doc`` at ``new_doc`` and drop ``old_doc`` (one Kamerstuk read
    twice: the TK file and the KOOP publication become one document)."""
    with store.transaction() as c:
        c.execute("UPDATE od_documents SET doc_id = ? WHERE doc_id = ?", (new_doc, old_doc))
        c.execute("UPDATE od_register_links SET doc_id = ? WHERE doc_id = ?", (new_doc, old_doc))
        store._delete(c, old_doc)
    store._wrote(1)


# -- reading entities -------------------------------------------------------------------------


def entity(store: SqlStore, entity_id: str) -> dict[str, Any] | None:
    rows = store._rows("SELECT * FROM od_entities WHERE id = ?", (entity_id,))
    return _entity_row(rows[0], store) if rows else None


def _entity_row(row: dict[str, Any], store: SqlStore | None = None) -> dict[str, Any]:
    out = {
        "id": row["id"],
        "category": row["category"],
        "bijgewerkt": row["bijgewerkt"],
        **json.loads(row["fields"]),
    }
    out.pop("_content_type", None)
    if store is not None:
        out["refs"] = refs_of(store, [row["id"]]).get(row["id"], {})
    return out


def entities(store: SqlStore, category: str) -> list[dict[str, Any]]:
    """Every stored entity of ``category`` with its fields and relations (``refs``)."""
    rows = store._rows(
        "SELECT * FROM od_entities WHERE category = ? ORDER BY bijgewerkt, id", (category,)
    )
    all_refs = refs_of(store, [r["id"] for r in rows])
    out = []
    for row in rows:
        item = _entity_row(row)
        item["refs"] = all_refs.get(row["id"], {})
        out.append(item)
    return out


def refs_of(store: SqlStore, ids: list[str]) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for r in store._rows(
            f"SELECT from_id, relation, to_id FROM od_refs WHERE from_id IN"
            f" ({','.join('?' * len(chunk))}) ORDER BY relation, to_id",
            chunk,
        ):
            out.setdefault(r["from_id"], {}).setdefault(r["relation"], []).append(r["to_id"])
    return out


def pointing_at(store: SqlStore, category: str, relation: str, target: str) -> list[str]:
    """Ids of ``category`` entities whose ``relation`` refers to ``target``."""
    return [
        r["from_id"]
        for r in store._rows(
            "SELECT r.from_id FROM od_refs r JOIN od_entities e ON e.id = r.from_id"
            " WHERE r.to_id = ? AND r.relation = ? AND e.category = ? ORDER BY r.from_id",
            (target, relation, category),
        )
    ]


def counts(store: SqlStore) -> dict[str, int]:
    return {
        r["category"]: r["n"]
        for r in store._rows(
            "SELECT category, count(*) AS n FROM od_entities GROUP BY category ORDER BY category"
        )
    }


def kamerstuk_of(store: SqlStore, document: dict[str, Any]) -> tuple[str | None, str | None]:
    """(dossier, number) of a Document entity: its Kamerstukdossier's nummer + toevoeging and
    its volgnummer, as kamerlens writes them ("36200-X", "26")."""
    ksd_id = (document.get("refs") or {}).get("kamerstukdossier", [None])[0]
    number = document.get("volgnummer")
    if not ksd_id:
        return None, str(number) if number is not None else None
    ksd = entity(store, ksd_id)
    return dossier_key(ksd), str(number) if number is not None else None


def dossier_key(ksd: dict[str, Any] | None) -> str | None:
    if not ksd or ksd.get("nummer") is None:
        return None
    raw = str(ksd["nummer"]) + (f"-{ksd['toevoeging']}" if ksd.get("toevoeging") else "")
    return canonical_dossier(raw) or raw


def document_links(store: SqlStore, doc_id: str) -> list[dict[str, Any]]:
    """The open-data entities (and KOOP records) a stored document was read from."""
    return store._rows(
        "SELECT o.entity_id, o.source, o.dossier, o.number, e.fields FROM od_documents o"
        " LEFT JOIN od_entities e ON e.id = o.entity_id WHERE o.doc_id = ? ORDER BY o.source",
        (doc_id,),
    )


def file_state(store: SqlStore, entity_id: str) -> str | None:
    """The ``bijgewerkt`` of an entity whose file is stored (None: no file of it is stored)."""
    rows = store._rows(
        "SELECT e.bijgewerkt FROM od_documents o JOIN od_entities e ON e.id = o.entity_id"
        " JOIN documents d ON d.doc_id = o.doc_id WHERE o.entity_id = ?",
        (entity_id,),
    )
    return rows[0]["bijgewerkt"] if rows else None


def koop_known(store: SqlStore, key: str) -> bool:
    """Is the KOOP record ``key`` (``koop:<identifier>``) stored with its document?"""
    return bool(
        store._rows(
            "SELECT 1 FROM od_documents o JOIN documents d ON d.doc_id = o.doc_id"
            " WHERE o.entity_id = ?",
            (key,),
        )
    )


def docs_of_kamerstuk(
    store: SqlStore, dossier: str | None, number: str | None, *, besides: str | None = None
) -> list[str]:
    """The stored documents that synced links tie to one Kamerstuk (other than ``besides``)."""
    rows = store._rows(
        "SELECT DISTINCT o.doc_id FROM od_documents o WHERE o.dossier = ? AND o.number = ?"
        " AND o.doc_id IS NOT NULL AND o.doc_id != ? ORDER BY o.doc_id",
        (dossier, number, besides or ""),
    )
    return [r["doc_id"] for r in rows]


def is_stored(store: SqlStore, doc_id: str) -> bool:
    return bool(store._rows("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)))


def linked_doc(store: SqlStore, dossier: str | None, number: str | None) -> str | None:
    """The stored document of one Kamerstuk (by the record's own identity or a synced link)."""
    if not dossier or not number:
        return None
    rows = store._rows(
        "SELECT doc_id FROM documents WHERE dossier = ? AND number = ?"
        " UNION SELECT o.doc_id FROM od_documents o JOIN documents d ON d.doc_id = o.doc_id"
        " WHERE o.dossier = ? AND o.number = ? LIMIT 1",
        (dossier, number, dossier, number),
    )
    return rows[0]["doc_id"] if rows else None


__all__ = [
    "DocumentLink",
    "Entity",
    "available",
    "PageCounts",
    "counts",
    "docs_of_kamerstuk",
    "document_links",
    "dossier_key",
    "entities",
    "entity",
    "file_state",
    "is_stored",
    "kamerstuk_of",
    "koop_known",
    "linked_doc",
    "move_document",
    "pointing_at",
    "refs_of",
    "set_state",
    "sync_state",
    "sync_states",
    "write_page",
]

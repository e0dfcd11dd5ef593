"""The data behind the open-data pages (motions with votes, the register, a dossier's Kamer
documents), shared by the HTML pages and the JSON API as ``views.py`` is."""

from __future__ import annotations

from typing import Any

from kamerlens.errors import NotFound, QueryError
from kamerlens.store.ids import canonical_dossier


def motions_view(store: Any) -> dict[str, Any]:
    rows = store.motions()
    decided = [r for r in rows if r.get("fate")]
    return {"total": len(rows), "decided": len(decided), "motions": rows}


def motion_view(store: Any, dossier: str, number: str) -> dict[str, Any]:
    """One motion: where the documents mention it, and the Kamer's decision and votes."""
    canon = canonical_dossier(dossier)
    if canon is None or not number or len(number) > 20:
        raise QueryError(f"{dossier}/{number} is not a motion's dossier and number")
    for row in store.motions():
        if (row["dossier"], row["number"]) == (canon, number):
            fate = row.get("fate") or {}
            total = (fate.get("voor") or 0) + (fate.get("tegen") or 0)
            return {**row, "share_voor": round(100 * fate["voor"] / total) if total else None}
    raise NotFound(f"no motion {canon}, nr. {number} in the store")


def register_view(store: Any) -> dict[str, Any]:
    from kamerlens.store.od_questions import register, unregistered

    rows = register(store)
    return {
        "register": rows,
        "found": sum(1 for r in rows if r["found_in_text"]),
        "unregistered": unregistered(store),
    }


def dossier_extra(store: Any, number: str) -> dict[str, Any]:
    """What the Kamer's open data adds to a dossier page: its documents and motions' fates."""
    from kamerlens.store import opendata
    from kamerlens.store.od_questions import motion_fates

    canon = canonical_dossier(number)
    if not opendata.available(store):
        return {"kamer_title": None, "kamer_documents": [], "kamer_motions": []}
    field = store.json_field  # the backend's way to read a JSON text column
    docs = store._rows(
        f"SELECT o.entity_id, o.doc_id, o.number, {field('e.fields', 'soort')} AS soort,"
        f" {field('e.fields', 'onderwerp')} AS onderwerp,"
        f" {field('e.fields', 'documentNummer')} AS documentnummer,"
        f" substr({field('e.fields', 'datum')}, 1, 10) AS datum,"
        " (SELECT 1 FROM documents d WHERE d.doc_id = o.doc_id) AS stored"
        " FROM od_documents o JOIN od_entities e ON e.id = o.entity_id"
        " WHERE o.dossier = ? AND o.source = 'tk' ORDER BY datum, o.number",
        (canon,),
    )
    ksd = [k for k in opendata.entities(store, "Kamerstukdossier")
           if opendata.dossier_key(k) == canon]
    return {
        "kamer_title": ksd[0].get("titel") if ksd else None,
        "kamer_documents": docs,
        "kamer_motions": motion_fates(store, dossier=canon),
    }

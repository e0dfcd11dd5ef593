"""The questions the store answers across documents: commitments, pledges, refs, events, motions.

Each function reads plain tables (and the ``links`` the link stage wrote) and returns JSON-ready
dicts; the status of a commitment is computed at question time, so ``--as-of`` can ask how things
stood on any day.
"""

from __future__ import annotations

import calendar
import json
from datetime import date
from typing import TYPE_CHECKING, Any

from kamerlens.errors import QueryError
from kamerlens.store.base import STATUS_NL
from kamerlens.store.ids import canonical_dossier
from kamerlens.store.rows import ITEM_TABLES, q

if TYPE_CHECKING:
    from kamerlens.store.core import SqlStore

MIN_CONFIDENCE = 0.5  # links below this are shown as candidates but do not change a status
_STATUS_WORDS = {
    "open": {"open"},
    "overdue": {"overdue"},
    "fulfilled": {"fulfilled"},
    "partial": {"partial"},
    "openstaand": {"open", "overdue"},
    "voldaan": {"fulfilled"},
    "deels voldaan": {"partial"},
    "verlopen": {"overdue"},
    "te laat": {"overdue"},
}


def status_set(status: str | None) -> set[str] | None:
    """``open|fulfilled|overdue|partial`` or the Kamer's words (Openstaand, Voldaan ...)."""
    if status is None:
        return None
    found = _STATUS_WORDS.get(" ".join(status.lower().replace("_", " ").split()))
    if found is None:
        raise QueryError(
            f"status must be open, overdue, fulfilled, partial, Openstaand, Voldaan or"
            f" 'Deels voldaan', not {status!r}"
        )
    return found


def check_date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"{name} must be a date like 2023-08-01, not {value!r}") from None
    return value


def period_end(value: str | None) -> str | None:
    """The last day a partial date stands for: ``2023-07`` -> ``2023-07-31``."""
    if not value:
        return None
    if len(value) == 4 and value.isdigit():
        return f"{value}-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        return f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value[:10]


def _fulfil_links(store: SqlStore) -> dict[int, list[dict[str, Any]]]:
    by_commitment: dict[int, list[dict[str, Any]]] = {}
    for link in store._rows(
        "SELECT l.kind, l.from_doc, l.from_table, l.from_id, l.to_id, l.to_key, l.evidence,"
        " l.confidence, d.date AS date, d.title AS title FROM links l"
        " JOIN documents d ON d.doc_id = l.from_doc"
        " WHERE l.to_table = 'commitments' AND l.kind IN ('fulfils', 'covers')"
        " ORDER BY l.confidence DESC"
    ):
        by_commitment.setdefault(link["to_id"], []).append(link)
    return by_commitment


def commitments(
    store: SqlStore,
    *,
    status: str | None = None,
    as_of: str | None = None,
    actor: str | None = None,
) -> list[dict[str, Any]]:
    """Every commitment with its status on ``as_of`` (default today) and the evidence for it."""
    wanted = status_set(status)
    as_of = check_date(as_of, "--as-of") or date.today().isoformat()
    links = _fulfil_links(store)
    from kamerlens.store.od_questions import register_evidence

    register = register_evidence(store)  # the Kamer's register, where it was synced
    out: list[dict[str, Any]] = []
    for row in store._rows(
        "SELECT c.*, d.date AS doc_date, d.date_estimated AS doc_date_estimated,"
        " d.title AS doc_title, d.kind AS doc_kind, d.signer_name, d.signer_role"
        " FROM commitments c JOIN documents d USING (doc_id)"
        " ORDER BY d.date IS NULL, d.date, c.doc_id, c.seq"
    ):
        if row["doc_date"] and row["doc_date"] > as_of:
            continue  # not yet made on that day
        if actor and not _matches(actor, row["actor"], row["signer_role"], row["signer_name"]):
            continue
        evidence = [
            {
                "kind": link["kind"],
                "doc_id": link["from_doc"],
                "title": link["title"],
                "date": link["date"],
                "evidence": link["evidence"],
                "confidence": link["confidence"],
                "partial": link["to_key"] == "partial",
            }
            for link in links.get(row["id"], [])
            if not link["date"] or link["date"] <= as_of
        ]
        reg = register.get((row["doc_id"], row["start"]))
        if reg and reg["status"] in ("fulfilled", "partial"):
            evidence.append(_register_fulfilment(reg))
        deadline = row["deadline"] or (reg["deadline"] if reg else None)
        state = _status(deadline, evidence, as_of)
        if wanted is not None and state not in wanted:
            continue
        out.append(
            {
                "id": row["id"],
                "doc_id": row["doc_id"],
                "doc_title": row["doc_title"],
                "doc_date": row["doc_date"],
                "doc_date_estimated": bool(row["doc_date_estimated"]),
                "text": row["text"],
                "actor": row["actor"] or row["signer_role"],
                "action": row["action"],
                "subject": row["subject"],
                "requested_by": row["requested_by"],
                "deadline": deadline,
                "deadline_text": row["deadline_text"],
                "kind": row["kind"],  # toezegging | voornemen (migration 0005)
                "speaker": _extra(row).get("speaker"),
                "register": reg,
                "start": row["start"],
                "end": row["end"],
                "status": state,
                "status_nl": STATUS_NL[state],
                "as_of": as_of,
                "fulfilments": evidence,
            }
        )
    return out


def _register_fulfilment(reg: dict[str, Any]) -> dict[str, Any]:
    """The register's own status as evidence: the clerks recorded it as (partly) kept."""
    return {
        "kind": "register",
        "doc_id": None,
        "title": f"register {reg['toezegging']}: {reg['status_register']}",
        "date": None,
        "evidence": reg["evidence"],
        "confidence": reg["confidence"],
        "partial": reg["status"] == "partial",
    }


def _status(deadline: str | None, evidence: list[dict[str, Any]], as_of: str) -> str:
    sure = [e for e in evidence if (e["confidence"] or 0) >= MIN_CONFIDENCE]
    if any(not e["partial"] for e in sure):
        return "fulfilled"
    if sure:
        return "partial"
    end = period_end(deadline)
    if end and end < as_of:
        return "overdue"
    return "open"


def _extra(row: Any) -> dict[str, Any]:
    """The item's fields kept in its ``extra`` JSON (a debate item's speaker)."""
    extra = json.loads(row["extra"]) if row["extra"] else {}
    return extra if isinstance(extra, dict) else {}


def _matches(needle: str, *values: str | None) -> bool:
    needle = needle.casefold()
    return any(v and needle in v.casefold() for v in values)


def pledges(store: SqlStore, *, recipient: str | None = None) -> list[dict[str, Any]]:
    """Money per recipient (grouped by the link stage's recipient key), in date order."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in store._rows(
        "SELECT a.id, a.doc_id, a.value, a.currency, a.text, a.purpose, a.donor, a.recipient,"
        ' a.start, a."end", l.to_key, l.evidence, l.confidence, d.date, d.date_estimated,'
        " d.title FROM links l JOIN amounts a ON a.id = l.from_id"
        " JOIN documents d ON d.doc_id = a.doc_id"
        " WHERE l.kind = 'recipient' AND l.from_table = 'amounts'"
        " ORDER BY d.date IS NULL, d.date, a.doc_id, a.seq"
    ):
        row["date_estimated"] = bool(row["date_estimated"])
        groups.setdefault(row.pop("to_key"), []).append(row)
    out = []
    for key, rows in groups.items():
        if recipient and not _recipient_matches(recipient, key, rows):
            continue
        out.append(
            {
                "recipient": key,
                "names": sorted({r["recipient"] for r in rows if r["recipient"]}),
                "first_date": rows[0]["date"],
                "latest": rows[-1]["value"],
                "currency": rows[-1]["currency"],
                "pledges": rows,
            }
        )
    out.sort(key=lambda g: (g["first_date"] is None, g["first_date"] or "", g["recipient"]))
    return out


def _recipient_matches(needle: str, key: str, rows: list[dict[str, Any]]) -> bool:
    from rapidfuzz import fuzz

    names = [key, *(r["recipient"] or "" for r in rows)]
    folded = needle.casefold()
    return any(
        folded in n.casefold() or fuzz.token_set_ratio(folded, n.casefold()) >= 90 for n in names
    )


def refs(store: SqlStore, dossier: str, number: str | None = None) -> dict[str, Any]:
    """Who cites DOSSIER[/NR], and which stored document (or catalogue entry) each citation is."""
    canon = canonical_dossier(dossier)
    if canon is None:
        raise QueryError(f"not a dossier number: {dossier!r} (try 36180 or 36180/42)")
    cond, params = "r.dossier = ?", [canon]
    if number:
        cond += " AND r.number = ?"
        params.append(number)
    cited = store._rows(
        'SELECT r.doc_id, r.dossier, r.number, r.kind, r.text, r.start, r."end",'
        " d.title AS doc_title, d.date AS doc_date,"
        " (SELECT t.doc_id FROM documents t WHERE t.dossier = r.dossier AND t.number = r.number"
        "  ORDER BY t.doc_id LIMIT 1) AS resolves_to,"
        " (SELECT c.title FROM catalogue c WHERE c.dossier = r.dossier AND c.number = r.number"
        "  LIMIT 1) AS catalogue_title,"
        " (SELECT c.date FROM catalogue c WHERE c.dossier = r.dossier AND c.number = r.number"
        "  LIMIT 1) AS catalogue_date"
        f' FROM "references" r JOIN documents d USING (doc_id) WHERE {cond}'
        " ORDER BY d.date IS NULL, d.date, r.doc_id, r.seq",
        params,
    )
    doc_cond = "dossier = ?" + (" AND number = ?" if number else "")
    stored = store._rows(
        f"SELECT doc_id, dossier, number, kind, title, date FROM documents WHERE {doc_cond}"
        " ORDER BY date, doc_id",
        params,
    )
    catalogue = store._rows(
        f"SELECT identifier, dossier, number, title, date, dossier_title FROM catalogue"
        f" WHERE {doc_cond} ORDER BY date, identifier",
        params,
    )
    return {
        "dossier": canon,
        "number": number,
        "cited_by": cited,
        "documents": stored,
        "catalogue": catalogue,
    }


def dossier(store: SqlStore, dossier_: str) -> dict[str, Any]:
    canon = canonical_dossier(dossier_)
    if canon is None:
        raise QueryError(f"not a dossier number: {dossier_!r}")
    title = store._rows(
        "SELECT dossier_title FROM catalogue WHERE dossier = ? AND dossier_title IS NOT NULL"
        " LIMIT 1",
        (canon,),
    )
    info = refs(store, canon)
    return {"dossier": canon, "title": title[0]["dossier_title"] if title else None, **info}


def events(
    store: SqlStore, *, upcoming: bool = False, as_of: str | None = None
) -> list[dict[str, Any]]:
    """Meetings named in the documents and the deadlines of commitments, one entry per date+name."""
    as_of = check_date(as_of, "--as-of") or date.today().isoformat()
    merged: dict[tuple[str, str | None, str | None], dict[str, Any]] = {}
    rows = store._rows(
        "SELECT 'event' AS type, e.id, e.doc_id, e.name, e.place, e.start_date, e.end_date,"
        ' e.relation, e.text, e.start, e."end", d.title AS doc_title FROM events e'
        " JOIN documents d USING (doc_id)"
        " UNION ALL SELECT 'deadline', c.id, c.doc_id,"
        " 'Deadline: ' || coalesce(c.subject, c.action, substr(c.text, 1, 80)), NULL, c.deadline,"
        ' c.deadline, NULL, c.text, c.start, c."end", d.title FROM commitments c'
        " JOIN documents d USING (doc_id) WHERE c.deadline IS NOT NULL"
    )
    for row in rows:
        key = (row["name"].casefold(), row["start_date"], (row["place"] or "").casefold() or None)
        entry = merged.setdefault(
            key,
            {
                "type": row["type"],
                "name": row["name"],
                "place": row["place"],
                "start_date": row["start_date"],
                "end_date": row["end_date"] or row["start_date"],
                "relation": row["relation"],
                "sources": [],
            },
        )
        entry["sources"].append(
            {
                "doc_id": row["doc_id"],
                "title": row["doc_title"],
                "item_id": row["id"],
                "text": row["text"],
                "start": row["start"],
                "end": row["end"],
            }
        )
    out = list(merged.values())
    if upcoming:
        out = [e for e in out if (period_end(e["end_date"]) or "") >= as_of]
    out.sort(key=lambda e: (e["start_date"] is None, e["start_date"] or "", e["name"]))
    return out


def motions(store: SqlStore) -> list[dict[str, Any]]:
    """Motions cited in the documents, each with the documents that report on it."""
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in store._rows(
        "SELECT m.*, d.title AS doc_title, d.date AS doc_date FROM motions m"
        " JOIN documents d USING (doc_id) ORDER BY m.date IS NULL, m.date, m.doc_id, m.seq"
    ):
        members = json.loads(row["members"] or "[]")
        key = (
            (row["dossier"], row["number"])
            if row["dossier"] and row["number"]
            else (tuple(members), row["date"])
        )
        entry = groups.setdefault(
            key,
            {
                "dossier": row["dossier"],
                "number": row["number"],
                "members": members,
                "cs": bool(row["cs"]),
                "date": row["date"],
                "subject": row["subject"],
                "appreciation": None,
                "cited_in": [],
            },
        )
        entry["subject"] = entry["subject"] or row["subject"]
        entry["appreciation"] = entry["appreciation"] or row["appreciation"]
        entry["cited_in"].append(
            {
                "doc_id": row["doc_id"],
                "title": row["doc_title"],
                "date": row["doc_date"],
                "text": row["text"],
                "appreciation": row["appreciation"],
                "speaker": _extra(row).get("speaker"),
            }
        )
    for entry in groups.values():
        if entry["dossier"] and entry["number"]:
            target = (entry["dossier"], entry["number"])
            entry["stored"] = [
                r["doc_id"]
                for r in store._rows(
                    "SELECT doc_id FROM documents WHERE dossier = ? AND number = ?", target
                )
            ]
            cat = store._rows(
                "SELECT title FROM catalogue WHERE dossier = ? AND number = ?", target
            )
            entry["catalogue_title"] = cat[0]["title"] if cat else None
            cited = {c["doc_id"] for c in entry["cited_in"]}
            for r in store._rows(
                'SELECT DISTINCT r.doc_id, d.title, d.date FROM "references" r'
                " JOIN documents d USING (doc_id) WHERE r.dossier = ? AND r.number = ?",
                target,
            ):
                if r["doc_id"] not in cited:
                    entry["cited_in"].append(
                        {
                            "doc_id": r["doc_id"],
                            "title": r["title"],
                            "date": r["date"],
                            "text": None,
                        }
                    )
        else:
            entry["stored"], entry["catalogue_title"] = [], None
    from kamerlens.store.od_questions import add_fates

    add_fates(store, groups)  # the Kamer's decision and votes, where they were synced
    return sorted(groups.values(), key=lambda e: (e["date"] is None, e["date"] or ""))


def stats(store: SqlStore) -> dict[str, Any]:
    """Counts per table and the size of the store on disk (SQLite: file + WAL)."""
    out: dict[str, Any] = {"documents": store._rows("SELECT count(*) AS n FROM documents")[0]["n"]}
    for table in (*ITEM_TABLES, "entity_mentions", "links", "catalogue"):
        out[table] = store._rows(f"SELECT count(*) AS n FROM {q(table)}")[0]["n"]
    out["kinds"] = {
        (r["kind"] or "unknown"): r["n"]
        for r in store._rows(
            "SELECT kind, count(*) AS n FROM documents GROUP BY kind ORDER BY n DESC"
        )
    }
    out["size_bytes"], out["path"] = store._size()
    return out


def document_links(store: SqlStore, doc_id: str, row: dict[str, Any]) -> dict[str, Any]:
    """What one document cites (resolved), who cites it, and its commitment links."""
    cites = store._rows(
        "SELECT r.id, r.dossier, r.number, r.text,"
        " (SELECT t.doc_id FROM documents t WHERE t.dossier = r.dossier AND t.number = r.number"
        "  ORDER BY t.doc_id LIMIT 1) AS resolves_to,"
        " (SELECT c.title FROM catalogue c WHERE c.dossier = r.dossier AND c.number = r.number"
        '  LIMIT 1) AS catalogue_title FROM "references" r WHERE r.doc_id = ? ORDER BY r.seq',
        (doc_id,),
    )
    cited_by: list[dict[str, Any]] = []
    if row["dossier"] and row["number"]:
        cited_by = store._rows(
            'SELECT DISTINCT r.doc_id, d.title, d.date FROM "references" r'
            " JOIN documents d USING (doc_id) WHERE r.dossier = ? AND r.number = ?"
            " AND r.doc_id != ? ORDER BY d.date",
            (row["dossier"], row["number"], doc_id),
        )
    link_cols = (
        "l.kind, l.from_doc, l.from_table, l.from_id, l.to_doc, l.to_table, l.to_id,"
        " l.to_key, l.evidence, l.confidence"
    )
    outgoing = store._rows(f"SELECT {link_cols} FROM links l WHERE l.from_doc = ?", (doc_id,))
    incoming = store._rows(
        f"SELECT {link_cols} FROM links l WHERE l.to_doc = ? AND l.from_doc != ?", (doc_id, doc_id)
    )
    return {"cites": cites, "cited_by": cited_by, "outgoing": outgoing, "incoming": incoming}


__all__ = [
    "MIN_CONFIDENCE",
    "check_date",
    "commitments",
    "document_links",
    "dossier",
    "events",
    "motions",
    "period_end",
    "pledges",
    "refs",
    "stats",
    "status_set",
]

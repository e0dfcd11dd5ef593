"""The data behind every page: one function per page, shared by the HTML page, the JSON API and
the feeds, so all three always show the same thing for the same parameters.

Each function takes a Store and parsed parameters and returns a JSON-ready dict. They run on a
worker thread (see ``access.py``).
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from kamerlens.errors import NotFound, QueryError
from kamerlens.models import COMMITMENT_KINDS
from kamerlens.serve.params import STATUSES, SearchParams
from kamerlens.store.base import Store


def today() -> str:
    return date.today().isoformat()


def search_view(store: Store, params: SearchParams) -> dict[str, Any]:
    result = store.search(params.query())
    pages = max(1, -(-result.total // params.per_page))
    return {
        "query": params.as_params(page=None),
        "total": result.total,
        "total_estimated": result.estimated,
        "page": params.page,
        "per_page": params.per_page,
        "pages": pages,
        "hits": result.hits,
        "facets": result.facets,
    }


def document_view(store: Store, doc_id: str) -> dict[str, Any]:
    if not doc_id or len(doc_id) > 200:
        raise NotFound(f"no document {doc_id!r}")
    return store.document(doc_id)


def commitments_view(
    store: Store,
    *,
    status: str | None,
    as_of: str | None,
    actor: str | None,
    kind: str | None = None,
) -> dict[str, Any]:
    """Every commitment as of a date, with counts per status and per kind; ``status`` and
    ``kind`` (toezegging | voornemen) filter the list. The status counts follow the kind."""
    as_of = as_of or today()
    rows = store.commitments(as_of=as_of, actor=actor)
    kinds = Counter(str(r.get("kind")) for r in rows if r.get("kind"))
    rows = [r for r in rows if kind is None or r.get("kind") == kind]
    counts = Counter(str(r.get("status") or "open") for r in rows)
    shown = [r for r in rows if status is None or r.get("status") == status]
    shown.sort(key=_commitment_order)
    return {
        "as_of": as_of,
        "status": status,
        "actor": actor,
        "kind": kind,
        "counts": {s: counts.get(s, 0) for s in STATUSES},
        "kinds": {k: kinds.get(k, 0) for k in COMMITMENT_KINDS},
        "total": len(shown),
        "commitments": shown,
    }


def _commitment_order(row: dict[str, Any]) -> tuple[int, str, str]:
    # Overdue first, then open by nearest deadline, then fulfilled; undated deadlines last.
    rank = {"overdue": 0, "open": 1, "partial": 2, "fulfilled": 3}.get(str(row.get("status")), 4)
    deadline = row.get("deadline") or "9999"
    return rank, deadline, str(row.get("doc_date") or row.get("date") or "")


def pledges_view(store: Store, *, recipient: str | None) -> dict[str, Any]:
    rows = store.pledges(recipient=recipient)
    return {"recipient": recipient, "series": pledge_series(rows), "pledges": rows}


def pledge_series(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Group pledge rows into one date-ordered series per recipient (and currency).

    Accepts both shapes a store may give: grouped rows (``{"recipient", "points": [...]}``) and
    flat rows (``{"recipient", "date", "value", ...}``).
    """
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        nested = row.get("pledges") or row.get("points") or row.get("amounts")
        points = nested if isinstance(nested, list) else [row]
        for p in points:
            # A grouped row names the recipient for all its points (the link stage's key).
            who = str((row.get("recipient") if nested else p.get("recipient")) or "unknown")
            cur = str(p.get("currency") or row.get("currency") or "EUR")
            if not isinstance(p.get("value"), int | float):
                continue
            point = {
                **p,
                "recipient": who,
                "currency": cur,
                "date": p.get("date") or p.get("doc_date"),
            }
            groups.setdefault((who, cur), []).append(point)
    series = []
    for (who, cur), points in groups.items():
        points.sort(key=lambda p: str(p.get("date") or ""))
        series.append(
            {
                "recipient": who,
                "currency": cur,
                "points": points,
                "latest": points[-1]["value"],
                "peak": max(p["value"] for p in points),
            }
        )
    series.sort(key=lambda s: (-s["peak"], s["recipient"]))
    return series


def dossier_view(store: Store, number: str) -> dict[str, Any]:
    number = number.strip()
    if not number or len(number) > 40:
        raise QueryError(f"{number!r} is not a dossier number")
    data = dict(store.dossier(number))
    data["citing_documents"] = _by_document(data.get("cited_by") or [])
    canon = data.get("dossier") or number
    data["motions"] = [m for m in store.motions() if m.get("dossier") == canon]
    from kamerlens.serve.opendata_views import dossier_extra

    data.update(dossier_extra(store, data.get("dossier") or number))
    return data


def _by_document(citations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Citations grouped per citing document, in first-seen order: one row per document."""
    out: dict[str, dict[str, Any]] = {}
    for c in citations:
        doc = str(c.get("doc_id"))
        row = out.setdefault(
            doc,
            {
                "doc_id": doc,
                "doc_title": c.get("doc_title"),
                "doc_date": c.get("doc_date"),
                "citations": [],
            },
        )
        row["citations"].append(c)
    return list(out.values())


def events_view(store: Store, *, upcoming: bool, as_of: str | None) -> dict[str, Any]:
    as_of = as_of or today()
    rows = store.events(upcoming=upcoming, as_of=as_of)
    rows = sorted(rows, key=lambda e: str(e.get("start_date") or e.get("date") or "9999"))
    months: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        when = str(row.get("start_date") or row.get("date") or "")
        months.setdefault(when[:7] if len(when) >= 7 else (when or "undated"), []).append(row)
    return {
        "as_of": as_of,
        "upcoming": upcoming,
        "total": len(rows),
        "months": [{"month": m, "events": ev} for m, ev in months.items()],
    }


def dashboard_view(store: Store, *, as_of: str | None) -> dict[str, Any]:
    board = commitments_view(store, status=None, as_of=as_of, actor=None)
    pending = [c for c in board["commitments"] if c.get("status") in ("overdue", "open")]
    return {
        "stats": store.stats(),
        "latest": store.documents(limit=10, offset=0),
        "as_of": board["as_of"],
        "counts": board["counts"],
        "commitments": pending[:10],
    }

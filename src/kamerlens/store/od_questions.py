"""Questions over the synced open data: motions with their fate, the register of toezeggingen.

A motion is a Zaak of soort Motie. Its Kamerstuk (dossier + number) comes from its Document
(Kamerstukdossier + volgnummer) or the Zaak itself; that is what ties it to the motions kamerlens
found in text. Its fate is the Besluit on the Zaak (the last one with votes, else the last one)
and each fractie's Stemming.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from kamerlens.store import opendata
from kamerlens.store.ids import canonical_dossier

if TYPE_CHECKING:
    from kamerlens.store.core import SqlStore

_OUTCOMES = ("aangenomen", "verworpen", "aangehouden", "ingetrokken", "vervallen")
REGISTER_STATUS = {  # the register's word -> kamerlens' status
    "voldaan": "fulfilled",
    "afgedaan": "fulfilled",
    "deels voldaan": "partial",
    "deels afgedaan": "partial",
    "openstaand": "open",
}


def _outcome(besluit: dict[str, Any] | None, voor: int, tegen: int) -> str | None:
    if besluit:
        said = f"{besluit.get('besluitSoort') or ''} {besluit.get('besluitTekst') or ''}".lower()
        for word in _OUTCOMES:
            if word in said:
                return word
    if voor or tegen:
        return "aangenomen" if voor > tegen else "verworpen"
    return None


def _votes(store: SqlStore, besluit_id: str) -> list[dict[str, Any]]:
    rows = [
        opendata.entity(store, i)
        for i in opendata.pointing_at(store, "Stemming", "besluit", besluit_id)
    ]
    votes = []
    for r in rows:
        if r is None or r.get("vergissing") is True:
            continue
        votes.append(
            {
                "fractie": r.get("actorFractie") or r.get("actorNaam"),
                "name": r.get("actorNaam"),
                "vote": r.get("soort"),
                "seats": r.get("fractieGrootte") or 0,
            }
        )
    votes.sort(key=lambda v: (-(v["seats"] or 0), str(v["fractie"])))
    return votes


def _decision(store: SqlStore, zaak_id: str) -> dict[str, Any]:
    besluiten = [
        b
        for b in (
            opendata.entity(store, i)
            for i in opendata.pointing_at(store, "Besluit", "zaak", zaak_id)
        )
        if b
    ]
    besluiten.sort(key=lambda b: str(b.get("bijgewerkt")))
    chosen, votes = (besluiten[-1] if besluiten else None), []
    for b in reversed(besluiten):
        found = _votes(store, b["id"])
        if found:
            chosen, votes = b, found
            break
    voor = sum(v["seats"] for v in votes if (v["vote"] or "").lower() == "voor")
    tegen = sum(v["seats"] for v in votes if (v["vote"] or "").lower() == "tegen")
    return {
        "outcome": _outcome(chosen, voor, tegen),
        "besluit": None
        if chosen is None
        else {
            "soort": chosen.get("besluitSoort"),
            "tekst": chosen.get("besluitTekst"),
            "stemmingssoort": chosen.get("stemmingsSoort"),
        },
        "votes": votes,
        "voor": voor,
        "tegen": tegen,
    }


def _kamerstuk(store: SqlStore, zaak: dict[str, Any]) -> tuple[str | None, str | None]:
    for doc_id in opendata.pointing_at(store, "Document", "zaak", zaak["id"]):
        doc = opendata.entity(store, doc_id)
        if doc and str(doc.get("soort") or "").lower().startswith("motie"):
            dossier, number = opendata.kamerstuk_of(store, doc)
            if dossier and number:
                return dossier, number
    return opendata.kamerstuk_of(store, zaak)


def motion_fate(store: SqlStore, zaak: dict[str, Any]) -> dict[str, Any]:
    dossier, number = _kamerstuk(store, zaak)
    actors = [
        a
        for a in (
            opendata.entity(store, i)
            for i in opendata.pointing_at(store, "ZaakActor", "zaak", zaak["id"])
        )
        if a
    ]
    return {
        "zaak": zaak.get("nummer"),
        "zaak_id": zaak["id"],
        "dossier": dossier,
        "number": number,
        "subject": zaak.get("onderwerp") or zaak.get("titel"),
        "started": str(zaak.get("gestartOp") or "")[:10] or None,
        "appreciation": zaak.get("kabinetsappreciatie"),
        "indieners": [
            {"name": a.get("actorNaam"), "fractie": a.get("actorFractie"), "role": a.get("relatie")}
            for a in actors
            if str(a.get("relatie") or "").lower() in ("indiener", "medeindiener")
        ],
        "doc_id": opendata.linked_doc(store, dossier, number),
        **_decision(store, zaak["id"]),
    }


def motion_fates(
    store: SqlStore, *, dossier: str | None = None, number: str | None = None
) -> list[dict[str, Any]]:
    """Every synced motion (Zaak soort Motie) with its decision and votes."""
    canon = canonical_dossier(dossier) if dossier else None
    out = []
    for zaak in opendata.entities(store, "Zaak"):
        if str(zaak.get("soort") or "").lower() != "motie":
            continue
        fate = motion_fate(store, zaak)
        if canon and fate["dossier"] != canon:
            continue
        if number and fate["number"] != str(number):
            continue
        out.append(fate)
    out.sort(key=lambda f: (str(f["started"] or ""), str(f["zaak"] or "")))
    return out


def fates_by_kamerstuk(store: SqlStore) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (f["dossier"], f["number"]): f for f in motion_fates(store) if f["dossier"] and f["number"]
    }


def add_fates(store: SqlStore, groups: dict[tuple[Any, ...], dict[str, Any]]) -> None:
    """Give each motion found in text its fate, and add synced motions no text mentions."""
    if not opendata.available(store):
        return
    fates = fates_by_kamerstuk(store)
    for entry in groups.values():
        entry["fate"] = fates.pop((entry["dossier"], entry["number"]), None)
    for (dossier, number), fate in fates.items():
        groups[(dossier, number)] = {
            "dossier": dossier,
            "number": number,
            "members": [i["name"] for i in fate["indieners"] if i["name"]],
            "cs": False,
            "date": fate["started"],
            "subject": fate["subject"],
            "cited_in": [],
            "stored": [fate["doc_id"]] if fate["doc_id"] else [],
            "catalogue_title": None,
            "fate": fate,
        }


# -- the register of toezeggingen -------------------------------------------------------------


def _register_row(item: dict[str, Any], link: dict[str, Any] | None) -> dict[str, Any]:
    deadline = str(item.get("datumNakoming") or "")[:10]
    return {
        "id": item["id"],
        "nummer": item.get("nummer"),
        "text": item.get("tekst"),
        "bewindspersoon": " ".join(
            str(p)
            for p in (
                item.get("initialen"),
                item.get("tussenvoegsel"),
                item.get("achternaam") or item.get("naam"),
            )
            if p
        )
        or None,
        "functie": item.get("functie"),
        "ministerie": item.get("ministerie"),
        "status_register": item.get("status"),
        "status": REGISTER_STATUS.get(str(item.get("status") or "").lower()),
        "deadline": None if not deadline or deadline.startswith("0001") else deadline,
        "made": str(item.get("aanmaakdatum") or "")[:10] or None,
        "kamerbrief": item.get("kamerbriefNakoming"),
        "found_in_text": link,
    }


def _links(store: SqlStore) -> dict[str, dict[str, Any]]:
    out = {}
    for r in store._rows(
        'SELECT l.toezegging_id, l.doc_id, l.start, l."end", l.score, l.evidence,'
        " c.id AS commitment_id, c.text, d.title, d.date FROM od_register_links l"
        " JOIN documents d ON d.doc_id = l.doc_id"
        " LEFT JOIN commitments c ON c.doc_id = l.doc_id AND c.start = l.start"
    ):
        out[r.pop("toezegging_id")] = r
    return out


def register(store: SqlStore) -> list[dict[str, Any]]:
    """The register's toezeggingen, each with the commitment found in text (or None)."""
    if not opendata.available(store):
        return []
    links = _links(store)
    rows = [_register_row(t, links.get(t["id"])) for t in opendata.entities(store, "Toezegging")]
    rows.sort(key=lambda r: (str(r["made"] or ""), str(r["nummer"] or "")))
    return rows


def register_evidence(store: SqlStore) -> dict[tuple[str, int], dict[str, Any]]:
    """(doc_id, start) of a commitment -> what the register says of it."""
    if not opendata.available(store):
        return {}
    out: dict[tuple[str, int], dict[str, Any]] = {}
    for row in register(store):
        link = row["found_in_text"]
        if link:
            out[(link["doc_id"], link["start"])] = {
                "kind": "register",
                "toezegging": row["nummer"] or row["id"],
                "status_register": row["status_register"],
                "status": row["status"],
                "deadline": row["deadline"],
                "kamerbrief": row["kamerbrief"],
                "evidence": link["evidence"],
                "confidence": link["score"],
            }
    return out


def unregistered(store: SqlStore) -> list[dict[str, Any]]:
    """Commitments found in the synced debates and letters that the register does not hold."""
    if not opendata.available(store):
        return []
    linked = {
        (r["doc_id"], r["start"])
        for r in store._rows("SELECT doc_id, start FROM od_register_links")
    }
    rows = store._rows(
        'SELECT c.id, c.doc_id, c.start, c."end", c.text, c.actor, c.deadline, c.kind, c.extra,'
        " d.title AS doc_title, d.date AS doc_date FROM commitments c"
        " JOIN documents d USING (doc_id)"
        " WHERE c.doc_id IN (SELECT doc_id FROM od_documents WHERE doc_id IS NOT NULL)"
        " ORDER BY d.date, c.doc_id, c.seq"
    )
    out = []
    for r in rows:
        if (r["doc_id"], r["start"]) in linked:
            continue
        speaker = (json.loads(r.pop("extra") or "{}").get("speaker") or {}).get("name")
        out.append({**r, "speaker": speaker})
    return out


def commitments_by_source(
    store: SqlStore, source: str, status: str | None, as_of: str | None, actor: str | None
) -> tuple[list[dict[str, Any]], list[tuple[str, Any]]]:
    """Rows and table columns of ``kamerlens commitments --source register|both``.

    ``register``: the register's toezeggingen, each with what was found in text. ``both``: the
    commitments found in text (with the register's view when it holds them) and, after them,
    what the register holds that no text gave.
    """
    from kamerlens.store.questions import commitments, status_set

    wanted = status_set(status)
    reg = register(store)
    if actor:
        reg = [
            r
            for r in reg
            if actor.casefold()
            in " ".join(
                str(v) for v in (r["bewindspersoon"], r["functie"], r["ministerie"]) if v
            ).casefold()
        ]
    if wanted is not None:
        reg = [r for r in reg if r["status"] in wanted]
    register_rows = [{"source": "register", **r} for r in reg]
    columns: list[tuple[str, Any]] = [
        ("source", lambda r: r["source"]),
        ("status", lambda r: r.get("status")),
        (
            "register",
            lambda r: (
                (r.get("register") or {}).get("status_register")
                if r["source"] == "text"
                else r.get("status_register")
            ),
        ),
        ("deadline", lambda r: r.get("deadline")),
        ("who", lambda r: r.get("bewindspersoon") or r.get("actor")),
        ("text", lambda r: str(r.get("text") or "")[:90]),
        (
            "found in text",
            lambda r: (
                (r.get("found_in_text") or {}).get("doc_id")
                if r["source"] == "register"
                else r.get("doc_id")
            ),
        ),
    ]
    if source == "register":
        return register_rows, columns
    text_rows = [
        {"source": "text", **r} for r in commitments(store, status=status, as_of=as_of, actor=actor)
    ]
    return text_rows + [r for r in register_rows if not r["found_in_text"]], columns


__all__ = [
    "REGISTER_STATUS",
    "commitments_by_source",
    "add_fates",
    "fates_by_kamerstuk",
    "motion_fate",
    "motion_fates",
    "register",
    "register_evidence",
    "unregistered",
]

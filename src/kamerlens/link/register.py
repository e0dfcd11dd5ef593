"""The Kamer's register of toezeggingen set against the commitments kamerlens found in text.

A registered toezegging comes from one debate (its Activiteit) or letter. It is linked to the
commitment in a stored document of that day whose text is most alike (rapidfuzz), where the
speaker or signer is the bewindspersoon the register names. A link needs the same day, and
either a clear likeness of text, or a fair likeness said by the same person.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from kamerlens.store import opendata

if TYPE_CHECKING:
    from kamerlens.store.core import SqlStore

MIN_SCORE = 0.62  # below this a candidate is not a link
TEXT_ALONE = 0.75  # text this alike links even when the speaker is unknown
_WORD = re.compile(r"\w+")
# words that tell nothing about what was promised (said in every toezegging)
_FILLER = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "van",
        "in",
        "op",
        "te",
        "aan",
        "dat",
        "die",
        "zal",
        "zullen",
        "zegt",
        "toe",
        "toezegging",
        "minister",
        "staatssecretaris",
        "kamer",
        "informeren",
        "hierover",
        "over",
        "voor",
        "met",
        "om",
    ]
)


def _words(text: str) -> str:
    return " ".join(w for w in _WORD.findall(text.casefold()) if w not in _FILLER)


def similarity(register_text: str, found_text: str) -> float:
    """0..1: how alike the register's wording and a commitment found in text are."""
    a, b = _words(register_text), _words(found_text)
    if not a or not b:
        return 0.0
    return max(fuzz.token_set_ratio(a, b), fuzz.token_sort_ratio(a, b)) / 100.0


def _day(value: Any) -> str | None:
    text = str(value or "")[:10]
    if not text or text.startswith("0001"):
        return None
    try:
        date.fromisoformat(text)
    except ValueError:
        return None
    return text


def register_days(store: SqlStore, toezegging: dict[str, Any]) -> list[str]:
    """The day(s) a toezegging was made: its debate's date, else the days up to its creation."""
    act_id = (toezegging.get("refs") or {}).get("activiteit", [None])[0]
    act = opendata.entity(store, act_id) if act_id else None
    if act is None and toezegging.get("activiteitNummer"):
        rows = store._rows(
            "SELECT id FROM od_entities WHERE category = 'Activiteit'"
            f" AND {store.json_field('fields', 'nummer')} = ?",
            (toezegging["activiteitNummer"],),
        )
        act = opendata.entity(store, rows[0]["id"]) if rows else None
    if act is not None and _day(act.get("datum")):
        return [str(_day(act.get("datum")))]
    made = _day(toezegging.get("aanmaakdatum"))
    if made is None:
        return []
    first = date.fromisoformat(made)
    return [(first - timedelta(days=k)).isoformat() for k in range(0, 8)]


def _person(toezegging: dict[str, Any]) -> str:
    return str(toezegging.get("achternaam") or toezegging.get("naam") or "").casefold().strip()


def _said_by(person: str, row: dict[str, Any]) -> bool:
    if not person:
        return False
    speaker = json.loads(row.get("extra") or "{}").get("speaker") or {}
    names = (speaker.get("name"), row.get("actor"), row.get("signer_name"))
    last = person.split()[-1]
    return any(n and last in str(n).casefold() for n in names)


def _candidates(store: SqlStore, days: list[str]) -> list[dict[str, Any]]:
    if not days:
        return []
    return store._rows(
        'SELECT c.doc_id, c.start, c."end", c.text, c.actor, c.extra, d.date,'
        " d.signer_name FROM commitments c JOIN documents d USING (doc_id)"
        f" WHERE d.date IN ({','.join('?' * len(days))}) ORDER BY c.doc_id, c.seq",
        days,
    )


def best_match(
    store: SqlStore, toezegging: dict[str, Any]
) -> tuple[dict[str, Any], float, str] | None:
    """The commitment found in text that a toezegging registers, with score and evidence."""
    days = register_days(store, toezegging)
    person = _person(toezegging)
    best: tuple[dict[str, Any], float, str] | None = None
    for row in _candidates(store, days):
        alike = similarity(str(toezegging.get("tekst") or ""), str(row["text"] or ""))
        same = _said_by(person, row)
        score = min(1.0, alike + (0.15 if same else 0.0))
        if score < MIN_SCORE or (not same and alike < TEXT_ALONE):
            continue
        evidence = f"same day {row['date']}; text {round(alike * 100)}% alike" + (
            f"; said by {toezegging.get('achternaam') or toezegging.get('naam')}" if same else ""
        )
        if best is None or score > best[1]:
            best = (row, score, evidence)
    return best


def relink_register(store: SqlStore) -> int:
    """Recompute every register link (one transaction); returns how many were found."""
    found = []
    for item in opendata.entities(store, "Toezegging"):
        match = best_match(store, item)
        if match is not None:
            row, score, evidence = match
            found.append((item["id"], row["doc_id"], row["start"], row["end"], score, evidence))
    with store.transaction() as c:
        c.execute("DELETE FROM od_register_links")
        c.executemany(
            'INSERT INTO od_register_links (toezegging_id, doc_id, start, "end",'
            " score, evidence) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (toezegging_id, doc_id,"
            ' start) DO UPDATE SET "end" = excluded."end", score = excluded.score,'
            " evidence = excluded.evidence",
            found,
        )
    return len(found)


__all__ = ["best_match", "register_days", "relink_register", "similarity"]

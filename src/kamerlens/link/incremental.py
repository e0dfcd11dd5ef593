"""The link stage over what is new: only the links new documents can change are recomputed.

Documents written since the last run are listed in ``link_pending`` (same transaction as the
document, so a kill between ingest and link stage loses nothing). For them:
- ``fulfils``: their own fulfilments, and every stored fulfilment whose ``made_in`` is one of
  their (dossier, number) or a Kamerstuk they cite (a new commitment, or a newly stored target
  document, may change its link). Candidates are read per target through indexes.
- ``covers``: their own commitments, and every stored commitment a new document may cover: one
  whose subject shares a word with the new title, made before and due on or after the new date
  (``commitment_words``). Each is weighed again against every candidate (``title_words``).
- ``recipient``: their amounts get keys; all keys are grouped again (cheap: distinct keys only)
  and the group of older links is updated where it changed.
Everything, including forgetting the pending rows, happens in ONE transaction. ``full=True``
(``relink``) clears the three kinds and treats every document as new: the same code, so an
incremental run and a full relink give the same links (tests/link/ checks it on the examples).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kamerlens.link.commitments import (
    _TitleIndex,
    commitment_targets,
    cover_key,
    cover_link,
    fulfil_links_with,
)
from kamerlens.link.recipients import merge
from kamerlens.link.text import content_words
from kamerlens.store.core import insert_links

if TYPE_CHECKING:
    from kamerlens.store.core import SqlStore, Tx

LINK_VERSION = "1"  # a different value in store_state (or none): the next run is a full one
KINDS = ("fulfils", "covers", "recipient")
CHUNK = 500
FULL_SHARE = 0.5  # more new documents than this share of the store: a full run instead
IN_MEMORY_FROM = 2000  # weigh this many commitments or more against an in-memory title index


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _marks(values: list[Any]) -> str:
    return ",".join("?" * len(values))


def _pair_chunks(pairs: Iterable[tuple[str, str]]) -> Iterable[tuple[str, list[str]]]:
    """(``VALUES (?, ?), ...``, flat values) per chunk of (dossier, number) pairs: one query
    per chunk, not one per pair (a PostgreSQL store is a round trip away)."""
    for chunk in _chunks(sorted(pairs)):
        yield "VALUES " + ", ".join(["(?, ?)"] * len(chunk)), [v for pair in chunk for v in pair]


def update(store: SqlStore, *, full: bool = False) -> dict[str, int]:
    """Bring the links up to date; returns how many links of each kind were (re)written."""
    with store.transaction() as c:
        store._serialize(c, "links")  # one link stage at a time over one store
        state = c.execute("SELECT value FROM store_state WHERE key = 'link_version'").fetchone()
        full = full or state is None or state[0] != LINK_VERSION
        if not full:
            # when most of the store is new, one pass over everything is cheaper than following
            # each new document's consequences, and gives the same links
            pending = c.execute("SELECT count(*) FROM link_pending").fetchone()[0]
            stored = c.execute("SELECT count(*) FROM documents").fetchone()[0]
            full = pending > FULL_SHARE * stored
        if full:
            for kind in KINDS:
                c.execute("DELETE FROM links WHERE kind = ?", (kind,))
            c.execute("DELETE FROM title_words")
            c.execute("DELETE FROM commitment_words")
            new = [
                r[0]
                for r in c.execute(
                    "SELECT d.doc_id FROM documents d JOIN texts t ON t.doc_id = d.doc_id"
                    " ORDER BY t.id"
                )
            ]
        else:  # in the order they were stored (a pending row of a deleted document is moot)
            new = [
                r[0]
                for r in c.execute(
                    "SELECT p.doc_id FROM link_pending p JOIN texts t ON t.doc_id = p.doc_id"
                    " ORDER BY t.id"
                )
            ]
        counts = dict.fromkeys(KINDS, 0)
        if new:
            # a full run reads every commitment once; an incremental one reads a few per step
            everything = store.items("commitments") if full else None
            _index_words(store, c, new, everything)
            counts["fulfils"] = _fulfils(store, c, new, full)
            counts["covers"] = _covers(store, c, new, everything)
            counts["recipient"] = _recipients(store, c, new)
        # forget only what was linked here: another writer may have stored (and queued) more
        # since this run read the queue
        for chunk in _chunks(new):
            c.execute(f"DELETE FROM link_pending WHERE doc_id IN ({_marks(chunk)})", chunk)
        c.execute(
            "DELETE FROM link_pending WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
        )
        c.execute(
            "INSERT INTO store_state (key, value) VALUES ('link_version', ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (LINK_VERSION,),
        )
    return counts


def _insert(c: Tx, kind: str, links: list[dict[str, Any]]) -> None:
    insert_links(c, kind, links)


# -- the word tables -------------------------------------------------------------------------


def _index_words(
    store: SqlStore,
    c: Tx,
    new: list[str],
    everything: list[dict[str, Any]] | None,
) -> None:
    """Title words of the new dated documents and subject words of their commitments (rows
    sorted by key: appending to a WITHOUT ROWID table in key order is several times faster)."""
    titles: list[tuple[str, str, str]] = []
    for chunk in _chunks(new):
        rows = c.execute(
            f"SELECT doc_id, title, date FROM documents WHERE doc_id IN ({_marks(chunk)})"
            " AND date IS NOT NULL AND date != ''",
            chunk,
        ).fetchall()
        titles += [(w, r["date"], r["doc_id"]) for r in rows for w in content_words(r["title"])]
    titles.sort()
    store._insert_new(c, "title_words", ("word", "date", "doc_id"), titles)
    commitments = everything
    if commitments is None:
        commitments = [
            x for chunk in _chunks(new) for x in store.items("commitments", doc_ids=chunk)
        ]
    words: list[tuple[str, str, int, str, str]] = []
    for com in commitments:
        key = cover_key(com)
        if key:
            subject_words, made, until = key
            words += [(w, until, com["id"], made, com["doc_id"]) for w in subject_words]
    words.sort()
    store._insert_new(
        c, "commitment_words", ("word", "until", "commitment_id", "made", "doc_id"), words
    )


# -- fulfils ---------------------------------------------------------------------------------


def _fulfils(store: SqlStore, c: Tx, new: list[str], full: bool) -> int:
    if full:
        docs = new
    else:
        targets: set[tuple[str, str]] = set()
        for chunk in _chunks(new):
            for sql in (
                f"SELECT dossier, number FROM documents WHERE doc_id IN ({_marks(chunk)})",
                f'SELECT dossier, number FROM "references" WHERE doc_id IN ({_marks(chunk)})',
            ):
                targets |= {(r[0], r[1]) for r in c.execute(sql, chunk) if r[0] and r[1]}
        affected = set(new)
        for pairs, values in _pair_chunks(targets):
            affected |= {
                r[0]
                for r in c.execute(
                    f"SELECT doc_id FROM fulfilments WHERE (made_in_dossier, made_in_number)"
                    f" IN ({pairs})",
                    values,
                )
            }
        docs = sorted(affected)
    fulfilments = store.items("fulfilments", doc_ids=docs)
    fulfilments.sort(key=lambda f: f["id"])
    wanted = {
        (f["made_in_dossier"], f["made_in_number"])
        for f in fulfilments
        if f["made_in_dossier"] and f["made_in_number"]
    }
    by_target, stored = _targets(store, c, wanted, full)
    links = fulfil_links_with(fulfilments, by_target, stored)
    if not full:
        for chunk in _chunks(docs):
            c.execute(
                f"DELETE FROM links WHERE kind = 'fulfils' AND from_doc IN ({_marks(chunk)})",
                chunk,
            )
    _insert(c, "fulfils", links)
    return len(links)


def _targets(
    store: SqlStore, c: Tx, wanted: set[tuple[str, str]], full: bool
) -> tuple[dict[tuple[str, str], list[dict[str, Any]]], dict[tuple[str, str], str]]:
    """The commitments made in, and the stored document of, each wanted target."""
    if full and len(wanted) > 5000:  # many targets: one pass over everything is cheaper
        commitments = store.items("commitments")
        references = store.items("references")
    else:
        doc_ids: set[str] = set()
        for pairs, values in _pair_chunks(wanted):
            for table in ("documents", '"references"'):
                doc_ids |= {
                    r[0]
                    for r in c.execute(
                        f"SELECT doc_id FROM {table} WHERE (dossier, number) IN ({pairs})", values
                    )
                }
        commitments = store.items("commitments", doc_ids=sorted(doc_ids))
        references = store.items("references", doc_ids=sorted(doc_ids))
    commitments.sort(key=lambda x: x["id"])
    references.sort(key=lambda x: x["id"])
    by_target = commitment_targets(commitments, references)
    # the stored document of a target: the last one stored under its dossier and number
    stored: dict[tuple[str, str], str] = {}
    for pairs, values in _pair_chunks(wanted):
        rows = c.execute(
            "SELECT d.dossier, d.number, d.doc_id FROM documents d JOIN texts t"
            f" ON t.doc_id = d.doc_id WHERE (d.dossier, d.number) IN ({pairs}) ORDER BY t.id",
            values,
        )
        stored |= {(r[0], r[1]): r[2] for r in rows}
    return {t: by_target.get(t, []) for t in wanted}, stored


# -- covers ----------------------------------------------------------------------------------


def _covers(
    store: SqlStore,
    c: Tx,
    new: list[str],
    everything: list[dict[str, Any]] | None,
) -> int:
    if everything is not None:
        commitments = everything
    else:
        ids = {x["id"] for x in store.items("commitments", doc_ids=new)}
        for chunk in _chunks(new):
            for d in c.execute(
                f"SELECT doc_id, title, date FROM documents WHERE doc_id IN ({_marks(chunk)})"
                " AND date IS NOT NULL AND date != ''",
                chunk,
            ).fetchall():
                words = sorted(content_words(d["title"]))
                if not words:
                    continue
                ids |= {
                    r[0]
                    for r in c.execute(
                        "SELECT commitment_id FROM commitment_words WHERE word IN"
                        f" ({_marks(words)}) AND until >= ? AND made < ?",
                        (*words, d["date"], d["date"]),
                    )
                }
        commitments = _commitments_by_id(store, c, sorted(ids))
        for chunk in _chunks(sorted(ids)):
            c.execute(
                f"DELETE FROM links WHERE kind = 'covers' AND to_id IN ({_marks(chunk)})", chunk
            )
    if len(commitments) >= IN_MEMORY_FROM:
        documents = {d["doc_id"]: d for d in store.document_index()}
        candidates = _TitleIndex(documents).candidates
    else:
        candidates = _sql_candidates(c)
    links = [link for com in commitments if (link := cover_link(com, candidates))]
    _insert(c, "covers", links)
    return len(links)


def _commitments_by_id(
    store: SqlStore, c: Tx, ids: list[int]
) -> list[dict[str, Any]]:
    doc_ids: set[str] = set()
    for chunk in _chunks(ids):
        doc_ids |= {
            r[0]
            for r in c.execute(
                f"SELECT doc_id FROM commitments WHERE id IN ({_marks(chunk)})", chunk
            )
        }
    wanted = set(ids)
    rows = [x for x in store.items("commitments", doc_ids=sorted(doc_ids)) if x["id"] in wanted]
    rows.sort(key=lambda x: x["id"])
    return rows


def _sql_candidates(c: Tx) -> Any:
    """Candidates through ``title_words``: the same set ``_TitleIndex.candidates`` finds."""

    def candidates(
        words: set[str], after: str, until: str, actor: str
    ) -> list[tuple[dict[str, Any], int]]:
        if not words:
            return []
        listed = sorted(words)
        rows = c.execute(
            "SELECT d.doc_id, d.dossier, d.number, d.date, d.kind, d.title, d.signer_name,"
            " d.signer_role, w.n FROM (SELECT doc_id, count(*) AS n FROM title_words"
            f" WHERE word IN ({_marks(listed)}) AND date > ? AND date <= ? GROUP BY doc_id) w"
            " JOIN documents d ON d.doc_id = w.doc_id",
            (*listed, after, until),
        ).fetchall()
        out = []
        for r in rows:
            row = dict(r)
            n = row.pop("n")
            out.append((row, n))
        return out

    return candidates


# -- recipients ------------------------------------------------------------------------------


def _recipients(store: SqlStore, c: Tx, new: list[str]) -> int:
    from kamerlens.link import recipient_keys

    found = recipient_keys(store, store.items("amounts", doc_ids=new))
    old = dict(
        c.execute(
            "SELECT DISTINCT from_key, to_key FROM links WHERE kind = 'recipient'"
            " AND from_key IS NOT NULL"
        ).fetchall()
    )
    groups = merge([*old, *(key.key for _, key in found)])
    changed = [(groups[k], k) for k, group in old.items() if groups.get(k, group) != group]
    c.executemany("UPDATE links SET to_key = ? WHERE kind = 'recipient' AND from_key = ?", changed)
    links = [
        {
            "from_doc": amount["doc_id"],
            "from_table": "amounts",
            "from_id": amount["id"],
            "to_key": groups[key.key],
            "from_key": key.key,
            "evidence": key.evidence,
            "confidence": key.confidence,
        }
        for amount, key in found
    ]
    _insert(c, "recipient", links)
    return len(links) + len(changed)


__all__ = ["LINK_VERSION", "update"]

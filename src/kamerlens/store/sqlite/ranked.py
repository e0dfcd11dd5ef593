"""The tantivy path of ``search``: rank and count in the side index, read hits from SQLite.

The index answers with ``texts.id`` values and scores; titles, dates and the text the snippet is
cut from come from SQLite, the store of record (an id the index still holds but SQLite no longer
does is skipped). Filters are index fields (kind, dossier, entity, date); facets are tantivy
aggregations over every hit, so they cost one pass over fast fields, not over the texts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kamerlens.store.base import SearchQuery, SearchResult
from kamerlens.store.ids import canonical_dossier
from kamerlens.store.query import parse
from kamerlens.store.sqlite.snippets import snippet
from kamerlens.store.sqlite.textindex import TextIndex, Unsupported

if TYPE_CHECKING:
    from kamerlens.store.sqlite import SqliteStore


def run_tantivy(store: SqliteStore, index: TextIndex, query: SearchQuery) -> SearchResult:
    import tantivy

    node = parse(query.q)
    matcher = index.translate(node)
    filters = index.filters(
        kind=query.kind,
        since=query.since,
        until=query.until,
        dossier=canonical_dossier(query.dossier) if query.dossier else None,
        entity=query.entity,
    )
    if filters:
        matcher = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, matcher)] + [(tantivy.Occur.Must, f) for f in filters]
        )
    limit, offset = max(0, min(query.limit, 1000)), max(0, query.offset)
    total, found, facets = index.search(
        matcher,
        limit=limit,
        offset=offset,
        by_date=query.sort == "date",
        facets=query.facets,
    )
    rows = _rows(store, [text_id for text_id, _ in found])
    hits = []
    for text_id, score in found:
        row = rows.get(text_id)
        if row is None:
            continue
        text, text_title = row.pop("text"), row.pop("text_title")
        row["score"] = round(score, 6)
        row["snippet"] = snippet(node, text_title, text)
        hits.append(row)
    if query.sort == "date":  # the index orders by day; SQLite's order puts undated last
        hits.sort(key=lambda h: (h["date"] is None, _neg(h["date"])))
    return SearchResult(total=total, hits=hits, facets=facets)


def _neg(date: str | None) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in date or "")


def _rows(store: SqliteStore, ids: list[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    rows = store._rows(
        "SELECT t.id AS tid, t.title AS text_title, t.text, d.doc_id, d.title, d.kind, d.date,"
        " d.dossier, d.number FROM texts t JOIN documents d ON d.doc_id = t.doc_id"
        f" WHERE t.id IN ({','.join('?' * len(ids))})",
        ids,
    )
    return {r.pop("tid"): r for r in rows}


__all__ = ["Unsupported", "run_tantivy"]

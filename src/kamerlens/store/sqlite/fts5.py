"""The FTS5 path of ``search`` (SQLite): bm25 ranking and FTS5's own snippets.

It answers when the tantivy side index is off, missing or being rebuilt elsewhere, or when a
query needs what only FTS5 can do.
"""

from __future__ import annotations

import html
import sqlite3
from typing import TYPE_CHECKING, Any

from kamerlens.errors import QueryError
from kamerlens.store.base import SearchQuery, SearchResult
from kamerlens.store.query import SNIPPET_TOKENS, filters, to_fts

if TYPE_CHECKING:
    from kamerlens.store.sqlite import SqliteStore


def run(store: SqliteStore, query: SearchQuery) -> SearchResult:
    """Search the store; hits carry a snippet with the matches in ``<mark>``.

    The tantivy side index answers when it is there (see ``textindex``); FTS5 answers when it
    is missing, being rebuilt by another process, or the query needs what only FTS5 can do.
    """
    fts = to_fts(query.q)
    if query.sort not in ("relevance", "date"):
        raise QueryError(f"sort must be relevance or date, not {query.sort!r}")
    where, params = filters(query)
    index = store.indexer.usable()
    if index is not None:
        from kamerlens.store.sqlite.ranked import Unsupported, run_tantivy

        try:
            return run_tantivy(store, index, query)
        except Unsupported:
            pass
        except (ValueError, RuntimeError, OSError):  # a damaged index: FTS5 from now on
            store.indexer.broken()
    return run_fts(store, query, fts, where, params)


def run_fts(
    store: SqliteStore, query: SearchQuery, fts: str, where: list[str], params: list[Any]
) -> SearchResult:
    """The FTS5 path: bm25 ranking and FTS5's own snippets."""
    base = (
        "FROM search s JOIN texts t ON t.id = s.rowid JOIN documents d ON d.doc_id = t.doc_id"
        " WHERE search MATCH ?" + "".join(f" AND {w}" for w in where)
    )
    order = "s.rank" if query.sort == "relevance" else "d.date IS NULL, d.date DESC, s.rank"
    limit, offset = max(0, min(query.limit, 1000)), max(0, query.offset)
    with store._lock:
        try:
            hits = store.conn.execute(
                f"SELECT s.rowid AS rid, s.rank AS score, d.doc_id, d.title, d.kind, d.date,"
                f" d.dossier, d.number {base} ORDER BY {order} LIMIT ? OFFSET ?",
                (fts, *params, limit, offset),
            ).fetchall()
            total = store.conn.execute(f"SELECT count(*) {base}", (fts, *params)).fetchone()[0]
            out = []
            for hit in hits:
                snip = store.conn.execute(
                    "SELECT snippet(search, -1, char(2), char(3), '…', ?) FROM search"
                    " WHERE search MATCH ? AND rowid = ?",
                    (SNIPPET_TOKENS, fts, hit["rid"]),
                ).fetchone()
                row = dict(hit)
                row.pop("rid")
                row["score"] = round(-float(row["score"]), 6)  # bm25: lower is better; flip it
                row["snippet"] = _marked(snip[0] if snip else "")
                out.append(row)
            facets = _facets(store, base, (fts, *params)) if query.facets else {}
        except sqlite3.OperationalError as exc:
            raise QueryError(f"search query {query.q!r} cannot be run ({_clean(exc)})") from exc
    return SearchResult(total=total, hits=out, facets=facets)


def _facets(store: SqliteStore, base: str, params: tuple[Any, ...]) -> dict[str, dict[str, int]]:
    facets: dict[str, dict[str, int]] = {}
    for name, expr in (
        ("kind", "d.kind"),
        ("year", "substr(d.date, 1, 4)"),
        ("dossier", "d.dossier"),
    ):
        rows = store.conn.execute(
            f"SELECT {expr} AS v, count(*) AS n {base} AND {expr} IS NOT NULL"
            " GROUP BY v ORDER BY n DESC LIMIT 20",
            params,
        ).fetchall()
        facets[name] = {str(r["v"]): r["n"] for r in rows}
    joined = base.replace(" WHERE ", _ENTITY_JOIN, 1)
    rows = store.conn.execute(
        f"SELECT e.name AS v, count(DISTINCT d.doc_id) AS n {joined}"
        " AND e.name IS NOT NULL GROUP BY v ORDER BY n DESC, v LIMIT 20",
        params,
    ).fetchall()
    facets["entity"] = {str(r["v"]): r["n"] for r in rows}
    return facets


_ENTITY_JOIN = " JOIN entities e ON e.doc_id = d.doc_id WHERE "


def _marked(snippet: str) -> str:
    """FTS5 marks hits with control characters; escape the text, then make them <mark>s (the
    web app inserts snippets as HTML, so stored text must not become markup)."""
    return html.escape(snippet, quote=False).replace("\x02", "<mark>").replace("\x03", "</mark>")


def _clean(exc: Exception) -> str:
    return str(exc).replace("fts5: ", "")


__all__ = ["run", "run_fts"]

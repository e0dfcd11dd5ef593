"""Full-text search in PostgreSQL: the search language (``store/query.py``) as a tsquery.

Each word goes through the store's text search configuration (``dutch`` stemming, accents
folded by unaccent), so ``oekraine`` finds ``Oekraïne`` and ``verdragen`` finds ``verdrag``.
- words, AND, OR, NOT: ``&``, ``|``, ``& !``; ``"a b"``: ``a <-> b``; ``infra*``: ``infra:*``;
  ``title:x`` / ``text:x``: the lexeme restricted to weight A (title) or B (text);
- ``a NEAR/N b``: ``a <k> b`` or ``b <k> a`` for every k up to N + 1 (at most N words between,
  as FTS5 counts); NEAR of three or more terms asks this of every pair.
Ranking is ``ts_rank`` (title words weigh more) over the RANK_WINDOW most recent matches: a
broad word that matches most of the store is ranked among its newest matches, so a query costs
the same at 10,000 or 1,000,000 documents; rarer queries are ranked over all their matches.
Snippets are ``ts_headline`` with the matches in ``<mark>``. Stop words (``de``, ``het``) are
not indexed: a query of stop words only finds nothing.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from kamerlens.errors import QueryError, StoreError
from kamerlens.store.base import SearchQuery, SearchResult
from kamerlens.store.query import And, Near, Node, Not, Term, filters, parse

if TYPE_CHECKING:
    from kamerlens.store.postgres import PostgresStore

RANK_WINDOW = 2000
NEAR_MAX = 60  # distances beyond this are searched as this (the tsquery grows with N)
_WEIGHT = {"title": "A", "text": "B"}
_HEADLINE = (
    'StartSel="\x02", StopSel="\x03", MaxWords=22, MinWords=10, ShortWord=2,'
    ' MaxFragments=1, FragmentDelimiter=" … "'
)


def _lexeme(word: str, prefix: bool, field: str | None) -> str:
    label = ("*" if prefix else "") + (_WEIGHT[field] if field else "")
    return word + (":" + label if label else "")


def _term(term: Term) -> str:
    words = term.words
    parts = [
        _lexeme(w, term.prefix and i == len(words) - 1, term.field) for i, w in enumerate(words)
    ]
    return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"


def _near(node: Near) -> str:
    distance = min(node.distance, NEAR_MAX)
    terms = [_term(t) for t in node.terms if t.words]
    pairs = []
    for i in range(len(terms)):
        for j in range(i + 1, len(terms)):
            a, b = terms[i], terms[j]
            options = [
                f"{x} <{k}> {y}" for k in range(1, distance + 2) for x, y in ((a, b), (b, a))
            ]
            pairs.append("(" + " | ".join(options) + ")")
    return " & ".join(pairs) if pairs else "(" + " & ".join(terms) + ")"


def to_tsquery(node: Node) -> str:
    """The tree as tsquery text for ``to_tsquery``; every word is letters and digits only.

    >>> to_tsquery(parse('"vitale infrastructuur" NOT china'))
    '(vitale <-> infrastructuur) & !(china)'
    """
    if isinstance(node, Term):
        return _term(node)
    if isinstance(node, Near):
        return "(" + _near(node) + ")"
    if isinstance(node, Not):
        return f"{to_tsquery(node.keep)} & !({to_tsquery(node.drop)})"
    joiner = " & " if isinstance(node, And) else " | "
    return "(" + joiner.join(to_tsquery(part) for part in node.parts) + ")"


def _nocase(column: str) -> str:
    return f"lower({column}) = lower(?)"


def run(store: PostgresStore, query: SearchQuery) -> SearchResult:
    """Search the store; hits carry a snippet with the matches in ``<mark>``."""
    from kamerlens.store.postgres import CONFIG

    if query.sort not in ("relevance", "date"):
        raise QueryError(f"sort must be relevance or date, not {query.sort!r}")
    tsq = to_tsquery(parse(query.q))
    where, params = filters(query, _nocase)
    cond = " AND ".join(["d.tsv @@ to_tsquery(?, ?)", *where])
    args: list[Any] = [CONFIG, tsq, *params]
    limit, offset = max(0, min(query.limit, 1000)), max(0, query.offset)
    if query.sort == "date":
        found = (
            f"SELECT d.id, d.doc_id, 0.0 AS score FROM search d WHERE {cond}"
            " ORDER BY d.date DESC NULLS LAST, d.id DESC LIMIT ? OFFSET ?"
        )
        found_args = [*args, limit, offset]
    else:
        found = (
            "SELECT w.id, w.doc_id, ts_rank(s.tsv, to_tsquery(?, ?), 1) AS score FROM"
            f" (SELECT d.id, d.doc_id FROM search d WHERE {cond}"
            "  ORDER BY d.date DESC NULLS LAST, d.id DESC LIMIT ?) AS w"
            " JOIN search s ON s.id = w.id ORDER BY score DESC, w.id DESC LIMIT ? OFFSET ?"
        )
        found_args = [CONFIG, tsq, *args, RANK_WINDOW, limit, offset]
    try:
        order = (
            "f.score DESC, f.id DESC"
            if query.sort == "relevance"
            else ("dm.date DESC NULLS LAST, f.id DESC")
        )
        hits = store._rows(
            "SELECT f.score, dm.doc_id, dm.title, dm.kind, dm.date, dm.dossier, dm.number,"
            " ts_headline(?, translate(substr(t.text, 1, 200000), '<>', E'\\x04\\x05'),"
            " to_tsquery(?, ?), ?) AS snippet"
            f" FROM ({found}) AS f JOIN texts t ON t.id = f.id"
            f" JOIN documents dm ON dm.doc_id = f.doc_id ORDER BY {order}",
            [CONFIG, CONFIG, tsq, _HEADLINE, *found_args],
        )
        counts = _counts(store, cond, args, query.facets)
    except StoreError as exc:
        raise QueryError(f"search query {query.q!r} cannot be run ({exc})") from exc
    out = []
    for hit in hits:
        hit["score"] = round(float(hit["score"]), 6)
        hit["snippet"] = _marked(hit["snippet"] or "")
        out.append(
            {k: hit[k] for k in ("doc_id", "title", "kind", "date", "dossier", "number")}
            | {"score": hit["score"], "snippet": hit["snippet"]}
        )
    total, facets = counts
    return SearchResult(total=total, hits=out, facets=facets)


def _counts(
    store: PostgresStore, cond: str, args: list[Any], facets: bool
) -> tuple[int, dict[str, dict[str, int]]]:
    """The number of hits, and (when asked) counts per kind, year, dossier and entity, in one
    pass over the matches (grouping sets) plus one for the entities."""
    if not facets:
        rows = store._rows(f"SELECT count(*) AS n FROM search d WHERE {cond}", args)
        return int(rows[0]["n"]), {}
    rows = store._rows(
        "SELECT grouping(d.kind) AS gk, grouping(substr(d.date, 1, 4)) AS gy, d.kind,"
        " substr(d.date, 1, 4) AS year, d.dossier, count(*) AS n"
        f" FROM search d WHERE {cond}"
        " GROUP BY GROUPING SETS ((d.kind), (substr(d.date, 1, 4)), (d.dossier))",
        args,
    )
    total = 0
    groups: dict[str, dict[str, int]] = {"kind": {}, "year": {}, "dossier": {}}
    for r in rows:
        if r["gk"] == 0:
            total += int(r["n"])
            name, value = "kind", r["kind"]
        elif r["gy"] == 0:
            name, value = "year", r["year"]
        else:
            name, value = "dossier", r["dossier"]
        if value is not None:
            groups[name][str(value)] = int(r["n"])
    out = {
        name: dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:20])
        for name, counts in groups.items()
    }
    entity_rows = store._rows(
        "SELECT e.name AS v, count(DISTINCT d.doc_id) AS n FROM search d"
        f" JOIN entities e ON e.doc_id = d.doc_id WHERE {cond} AND e.name IS NOT NULL"
        " GROUP BY e.name ORDER BY n DESC, v LIMIT 20",
        args,
    )
    out["entity"] = {str(r["v"]): int(r["n"]) for r in entity_rows}
    return total, out


def _marked(snippet: str) -> str:
    """ts_headline marks hits with control characters; escape the text, then make them
    <mark>s (the web app inserts snippets as HTML, so stored text must not become markup).
    ``<`` and ``>`` went through the headline as other control characters (PostgreSQL's parser
    would read them as tags) and come back escaped."""
    escaped = html.escape(snippet, quote=False)
    for raw, mark in (("\x02", "<mark>"), ("\x03", "</mark>"), ("\x04", "&lt;"), ("\x05", "&gt;")):
        escaped = escaped.replace(raw, mark)
    return escaped


__all__ = ["NEAR_MAX", "RANK_WINDOW", "run", "to_tsquery"]

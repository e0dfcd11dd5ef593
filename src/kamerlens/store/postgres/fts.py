"""Full-text search in PostgreSQL: the search language (``store/query.py``) as a tsquery.

Each word goes through the store's text search configuration (``dutch`` stemming, accents
folded by unaccent), so ``oekraine`` finds ``Oekraïne`` and ``verdragen`` finds ``verdrag``.
- words, AND, OR, NOT: ``&``, ``|``, ``& !``; ``"a b"``: ``a <-> b``; ``infra*``: ``infra:*``;
  ``title:x`` / ``text:x``: the lexeme restricted to weight A (title) or B (text);
- ``a NEAR/N b``: ``a <k> b`` or ``b <k> a`` for every k up to N + 1 (at most N words between,
  as FTS5 counts); NEAR of three or more terms asks this of every pair.
Ranking is ``ts_rank`` (title words weigh more) over the RANK_WINDOW most recent matches: a
broad word that matches most of the store is ranked among its newest matches, so a query costs
about the same at 10,000 or 1,000,000 documents; rarer queries are ranked over all their
matches. Likewise the total is counted up to COUNT_CAP and estimated beyond (``estimated``;
from the column statistics of the lexemes), and facets of a broader query are counted over its
first FACET_CAP hits. The count comes first, from one GIN index over the vector and the filter
columns (migration 0007); it decides how the newest matches are found (``_found``): walking the
date index when matches are many, else sorting all of them. Phrases and NEAR cost more:
PostgreSQL reads each candidate's positions.
Snippets are ``ts_headline`` with the matches in ``<mark>``. Stop words (``de``, ``het``) are
not indexed: a query of stop words only finds nothing.
"""

from __future__ import annotations

import html
import unicodedata
from typing import TYPE_CHECKING, Any

from kamerlens.errors import QueryError, StoreError
from kamerlens.store.base import SearchQuery, SearchResult
from kamerlens.store.query import And, Near, Node, Not, Term, filters, parse, positive_terms

if TYPE_CHECKING:
    from kamerlens.store.postgres import PostgresStore

RANK_WINDOW = 200
COUNT_CAP = 1_000  # hits counted one by one up to this; beyond it the total is an estimate
FACET_CAP = 1_000  # facets of a broader query are counted over its first this many hits
NEAR_MAX = 60  # distances beyond this are searched as this (the tsquery grows with N)
_WEIGHT = {"title": "A", "text": "B"}
_HEADLINE = (
    'StartSel="\x02", StopSel="\x03", MaxWords=22, MinWords=10, ShortWord=2,'
    ' MaxFragments=1, FragmentDelimiter=" … "'
)
# ts_headline reads only a stretch of the text around the first literal match of the first
# word (it parses and stems all it is given); < and > pass as other control characters
_SNIPPET = (
    "ts_headline(?, translate(substr(t.text,"
    " greatest(1, strpos(unaccent(lower(t.text)), ?) - 300), 1500), '<>', E'\\x04\\x05'),"
    " to_tsquery(?, ?), ?)"
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


def _first_word(node: Node) -> str:
    """The first word a snippet should show, folded as ``unaccent(lower(text))`` folds."""
    for term in positive_terms(node):
        if term.words:
            folded = unicodedata.normalize("NFKD", term.words[0].lower())
            return "".join(ch for ch in folded if not unicodedata.combining(ch))
    return ""


def run(store: PostgresStore, query: SearchQuery) -> SearchResult:
    """Search the store; hits carry a snippet with the matches in ``<mark>``."""
    from kamerlens.store.postgres import CONFIG

    if query.sort not in ("relevance", "date"):
        raise QueryError(f"sort must be relevance or date, not {query.sort!r}")
    node = parse(query.q)
    tsq = to_tsquery(node)
    # an entity is looked up in the lower-cased names and codes kept beside the vector (GIN)
    where, params = filters(query, _nocase, entity="d.entity_keys @> ARRAY[lower(?)]")
    cond = " AND ".join(["d.tsv @@ to_tsquery(?, ?)", *where])
    args: list[Any] = [CONFIG, tsq, *params]
    # each filter has one parameter; the dates bound the stretch of the date index a walk reads
    dated = [(w, p) for w, p in zip(where, params, strict=True) if w.startswith("d.date ")]
    limit, offset = max(0, min(query.limit, 1000)), max(0, query.offset)
    window = limit + offset if query.sort == "date" else RANK_WINDOW
    try:
        with store.reading() as rows:
            # counted first: how many match decides how the hits are found (_found)
            _plan(rows, index_scan=False, bitmap_scan=True)
            total, estimated = _total(rows, cond, args, COUNT_CAP)
            walk = _walks(rows, total, window, dated)
            _plan(rows, index_scan=True, bitmap_scan=not walk)
            found, found_args, order = _found(query, cond, args, tsq, walk, limit, offset)
            hits = rows(
                "SELECT f.score, dm.doc_id, dm.title, dm.kind, dm.date, dm.dossier, dm.number,"
                f" {_SNIPPET} AS snippet FROM ({found}) AS f JOIN texts t ON t.id = f.id"
                f" JOIN documents dm ON dm.doc_id = f.doc_id ORDER BY {order}",
                [CONFIG, _first_word(node) or "\x01", CONFIG, tsq, _HEADLINE, *found_args],
            )
            if query.facets:
                _plan(rows, index_scan=False, bitmap_scan=True)
                facets = _facets(rows, cond, args)
            else:
                facets = {}
    except StoreError as exc:
        raise QueryError(f"search query {query.q!r} cannot be run ({exc})") from exc
    out = [
        {k: hit[k] for k in ("doc_id", "title", "kind", "date", "dossier", "number")}
        | {"score": round(float(hit["score"]), 6), "snippet": _marked(hit["snippet"] or "")}
        for hit in hits
    ]
    return SearchResult(total=total, hits=out, facets=facets, estimated=estimated)


def _found(
    query: SearchQuery, cond: str, args: list[Any], tsq: str, walk: bool, limit: int, offset: int
) -> tuple[str, list[Any], str]:
    """(SQL, parameters, order of the outer query) of the hits before their snippets.

    Two ways to the newest matches. ``walk``: down the date index, each row checked until
    enough match; cheap when matches are many (a broad word: a few hundred rows read), but every
    row read means its vector read and decompressed, so a rarer match would cost a walk through
    most of the store. Otherwise: all matches from the GIN index (exact for words: no vector
    read), sorted; ``coalesce`` keeps the date index out of it (the same order: no date sorts
    below every date, as NULLS LAST puts it), since the planner, misled by filters that go
    together (a kind and an entity), may think a walk finds enough matches soon."""
    from kamerlens.store.postgres import CONFIG

    newest = (
        "d.date DESC NULLS LAST, d.id DESC" if walk else "coalesce(d.date, '') DESC, d.id DESC"
    )
    if query.sort == "date":
        found = f"SELECT d.id, d.doc_id, 0.0 AS score FROM search d WHERE {cond} ORDER BY {newest}"
        order = "dm.date DESC NULLS LAST, f.id DESC"
        return found + " LIMIT ? OFFSET ?", [*args, limit, offset], order
    # ranked among the newest RANK_WINDOW matches (module docstring)
    found = (
        "SELECT w.id, w.doc_id, ts_rank(s.tsv, to_tsquery(?, ?), 1) AS score FROM"
        f" (SELECT d.id, d.doc_id FROM search d WHERE {cond} ORDER BY {newest} LIMIT ?) AS w"
        " JOIN search s ON s.id = w.id ORDER BY score DESC, w.id DESC LIMIT ? OFFSET ?"
    )
    return found, [CONFIG, tsq, *args, RANK_WINDOW, limit, offset], "f.score DESC, f.id DESC"


def _walks(rows: Any, total: int, window: int, dated: list[tuple[str, Any]]) -> bool:
    """Is walking the date index (reading about ``window`` x stretch / ``total`` rows, each
    vector read) cheaper than reading all ``total`` matches from the GIN index's bitmap? Read
    for read the walk costs about twice as much (the vector), so: when total² > 2 x window x
    the rows of the stretch (all rows, or those between the dates): at 100,000 documents, from
    about 6,000 matches on, or 1,400 in a year and a half of 5,000 documents."""
    if not dated and total <= COUNT_CAP:  # counted, so few of all rows: the bitmap
        return False
    where = " AND ".join(w for w, _ in dated) or "true"
    values = [v for _, v in dated]
    plan = rows(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM search d WHERE {where}", values)
    stretch = int(plan[0]["QUERY PLAN"][0]["Plan"]["Plan Rows"])
    return total * total > 2 * window * stretch


def _plan(rows: Any, *, index_scan: bool, bitmap_scan: bool) -> None:
    """For the rest of the transaction: may the planner walk an index, read a bitmap of one?
    Counting and facets want the GIN index's bitmap (in no order, no vector read for words),
    which the planner, underestimating what a filter on a vector costs, may pass over."""
    rows(
        "SELECT set_config('enable_indexscan', ?, true), set_config('enable_bitmapscan', ?, true)",
        ["on" if index_scan else "off", "on" if bitmap_scan else "off"],
    )


def _total(rows: Any, cond: str, args: list[Any], cap: int) -> tuple[int, bool]:
    """The number of hits: counted up to ``cap``, beyond that the planner's estimate (from
    the column statistics of the lexemes), flagged as estimated."""
    counted = rows(
        # in no order: the GIN index's bitmap, never a row read for a word query
        f"SELECT count(*) AS n FROM (SELECT 1 FROM search d WHERE {cond} LIMIT ?) AS c",
        [*args, cap + 1],
    )[0]["n"]
    if counted <= cap:
        return int(counted), False
    plan = rows(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM search d WHERE {cond}", args)
    estimate = int(plan[0]["QUERY PLAN"][0]["Plan"]["Plan Rows"])
    return max(estimate, cap + 1), True


def _facets(rows: Any, cond: str, args: list[Any]) -> dict[str, dict[str, int]]:
    """Counts per kind, year, dossier and entity over the hits (over the first FACET_CAP of
    them for a broader query), in one pass with grouping sets plus one for the entities."""
    sample = f"SELECT d.doc_id, d.kind, d.date, d.dossier FROM search d WHERE {cond} LIMIT ?"
    groups: dict[str, dict[str, int]] = {"kind": {}, "year": {}, "dossier": {}}
    for r in rows(
        "SELECT grouping(h.kind) AS gk, grouping(substr(h.date, 1, 4)) AS gy, h.kind,"
        f" substr(h.date, 1, 4) AS year, h.dossier, count(*) AS n FROM ({sample}) AS h"
        " GROUP BY GROUPING SETS ((h.kind), (substr(h.date, 1, 4)), (h.dossier))",
        [*args, FACET_CAP],
    ):
        if r["gk"] == 0:
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
    entity_rows = rows(
        f"SELECT v, count(*) AS n FROM (SELECT unnest(d.entities) AS v FROM search d"
        f" WHERE {cond} LIMIT ?) AS h GROUP BY v ORDER BY n DESC, v LIMIT 20",
        [*args, FACET_CAP * 4],
    )
    out["entity"] = {str(r["v"]): int(r["n"]) for r in entity_rows}
    return out


def _marked(snippet: str) -> str:
    """ts_headline marks hits with control characters; escape the text, then make them
    <mark>s (the web app inserts snippets as HTML, so stored text must not become markup).
    ``<`` and ``>`` went through the headline as other control characters (PostgreSQL's parser
    would read them as tags) and come back escaped."""
    escaped = html.escape(snippet, quote=False)
    for raw, mark in (("\x02", "<mark>"), ("\x03", "</mark>"), ("\x04", "&lt;"), ("\x05", "&gt;")):
        escaped = escaped.replace(raw, mark)
    return escaped


__all__ = ["COUNT_CAP", "FACET_CAP", "NEAR_MAX", "RANK_WINDOW", "run", "to_tsquery"]

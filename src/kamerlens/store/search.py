"""Full-text search: a user's query -> a safe FTS5 expression -> ranked hits with snippets.

Query language (what ``kamerlens search`` and the web app accept):
``navo oekraine`` (all words), ``"vitale infrastructuur"`` (phrase), ``navo OR eu``,
``navo NOT china``, ``steun AND (oekraine OR moldavie)``, ``ucap NEAR trustfund`` or
``ucap NEAR/5 trustfund`` or ``NEAR(ucap trustfund, 5)``, ``infrastruct*`` (prefix),
``title:verslag``. Words with inner punctuation (``NAVO-Top``, ``kst-36180-42``) become phrases.
Accents do not matter (``oekraine`` finds ``Oekraïne``). A malformed query raises QueryError
with the reason, never a database error.
"""

from __future__ import annotations

import html
import re
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kamerlens.errors import QueryError
from kamerlens.store.base import SearchQuery, SearchResult
from kamerlens.store.ids import canonical_dossier

if TYPE_CHECKING:
    from kamerlens.store.sqlite import SqliteStore

_TOKEN = re.compile(
    r'\s*(?:(?P<phrase>"[^"]*"\*?)|(?P<open>\()|(?P<close>\))|(?P<comma>,)'
    r"|(?P<near>NEAR(?:/(?P<dist>\d+))?(?=[\s(]|$))|(?P<op>AND|OR|NOT)(?=[\s(]|$)"
    r'|(?P<word>[^\s()",]+))'
)
_COLUMNS = ("title", "text")
_WORDCHARS = re.compile(r"[^\W_]+", re.UNICODE)
SNIPPET_TOKENS = 14


@dataclass(frozen=True)
class _Tok:
    kind: str  # term, op, open, close, near, comma
    text: str


def _term(word: str) -> str:
    """One bare word -> an FTS5 term (quoted when it holds punctuation), keeping a prefix star."""
    star = word.endswith("*")
    core = word.rstrip("*")
    column = ""
    if ":" in core:
        col, _, rest = core.partition(":")
        if col.lower() in _COLUMNS and rest:
            column, core = col.lower() + " : ", rest
    if not _WORDCHARS.search(core):
        raise QueryError(f"search query: {word!r} is not a word to search for")
    body = core if _WORDCHARS.fullmatch(core) else '"' + " ".join(_WORDCHARS.findall(core)) + '"'
    return column + body + (" *" if star and body.startswith('"') else "*" if star else "")


def _tokens(query: str) -> list[_Tok]:
    if query.count('"') % 2:
        raise QueryError(f'search query {query!r}: a quote (") is not closed')
    out: list[_Tok] = []
    pos = 0
    while pos < len(query):
        if query[pos:].strip() == "":
            break
        match = _TOKEN.match(query, pos)
        if not match or match.end() == pos:
            raise QueryError(f"search query {query!r}: cannot read it at {query[pos:]!r}")
        pos = match.end()
        if match["phrase"]:
            phrase = match["phrase"]
            star = phrase.endswith("*")
            words = _WORDCHARS.findall(phrase)
            if not words:
                raise QueryError(f'search query {query!r}: an empty phrase "" finds nothing')
            out.append(_Tok("term", '"' + " ".join(words) + '"' + (" *" if star else "")))
        elif match["open"]:
            out.append(_Tok("open", "("))
        elif match["close"]:
            out.append(_Tok("close", ")"))
        elif match["comma"]:
            out.append(_Tok("comma", ","))
        elif match["near"]:
            out.append(_Tok("near", match["dist"] or ""))
        elif match["op"]:
            out.append(_Tok("op", match["op"]))
        else:
            out.append(_Tok("term", _term(match["word"])))
    return out


def to_fts(query: str) -> str:
    """Translate the user's query into an FTS5 MATCH expression, or raise QueryError.

    >>> to_fts('NAVO-Top "vitale infrastructuur" infra* NOT china')
    '"NAVO Top" "vitale infrastructuur" infra* NOT china'
    """
    if not query or not query.strip():
        raise QueryError("search query is empty")
    toks = _tokens(query)
    parts: list[str] = []
    depth = 0
    prev: _Tok | None = None
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.kind == "near" and i + 1 < len(toks) and toks[i + 1].kind == "open":
            # NEAR(a b, N): copy through to the closing parenthesis
            end = next((j for j in range(i + 1, len(toks)) if toks[j].kind == "close"), None)
            if end is None:
                raise QueryError(f"search query {query!r}: NEAR( is not closed")
            inner = toks[i + 2 : end]
            terms = [t.text for t in inner if t.kind == "term"]
            dist = [t.text for t in inner if t.kind == "term" and t.text.isdigit()]
            if inner and inner[-1].kind == "term" and len(inner) >= 2 and inner[-2].kind == "comma":
                terms = terms[:-1]
            if len(terms) < 2:
                raise QueryError(f"search query {query!r}: NEAR needs at least two terms")
            n = f", {dist[-1]}" if dist and any(t.kind == "comma" for t in inner) else ""
            parts.append(f"NEAR({' '.join(terms)}{n})")
            prev = _Tok("term", parts[-1])
            i = end + 1
            continue
        if tok.kind == "near":
            # a NEAR b  /  a NEAR/5 b
            if (
                prev is None
                or prev.kind != "term"
                or i + 1 >= len(toks)
                or toks[i + 1].kind != "term"
            ):
                raise QueryError(f"search query {query!r}: NEAR needs a term on both sides")
            left = parts.pop()
            right = toks[i + 1].text
            if left.startswith("NEAR(") or "*" in left and left.startswith('"'):
                raise QueryError(f"search query {query!r}: write NEAR(a b c, N) for more terms")
            parts.append(f"NEAR({left} {right}{', ' + tok.text if tok.text else ''})")
            prev = _Tok("term", parts[-1])
            i += 2
            continue
        if tok.kind == "comma":
            raise QueryError(f"search query {query!r}: a comma belongs inside NEAR(...)")
        if tok.kind == "op" and (prev is None or prev.kind in ("op", "open")):
            raise QueryError(
                f"search query {query!r}: {tok.text} needs a term before it"
                + (" (write 'a NOT b')" if tok.text == "NOT" else "")
            )
        if tok.kind == "close":
            depth -= 1
            if depth < 0:
                raise QueryError(f"search query {query!r}: a ')' has no '('")
            if prev is None or prev.kind in ("op", "open"):
                raise QueryError(f"search query {query!r}: empty or unfinished ( ... )")
        if tok.kind == "open":
            depth += 1
        parts.append(tok.text)
        prev = tok
        i += 1
    if depth:
        raise QueryError(f"search query {query!r}: a '(' is not closed")
    if prev is not None and prev.kind == "op":
        raise QueryError(f"search query {query!r}: {prev.text} needs a term after it")
    return " ".join(parts).replace("( ", "(").replace(" )", ")")


def _filters(query: SearchQuery) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    for value, name in ((query.since, "since"), (query.until, "until")):
        if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise QueryError(f"--{name} must be a date like 2023-06-01, not {value!r}")
    if query.kind:
        where.append("d.kind = ? COLLATE NOCASE")
        params.append(query.kind)
    if query.since:
        where.append("d.date >= ?")
        params.append(query.since)
    if query.until:
        where.append("d.date <= ?")
        params.append(
            query.until
            + ("-12-31" if len(query.until) == 4 else "-31" if len(query.until) == 7 else "")
        )
    if query.dossier:
        dossier = canonical_dossier(query.dossier)
        if dossier is None:
            raise QueryError(
                f"--dossier must be a dossier number like 21501-02, not {query.dossier!r}"
            )
        where.append("d.dossier = ?")
        params.append(dossier)
    if query.entity:
        where.append(
            "EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = d.doc_id"
            " AND (e.name = ? COLLATE NOCASE OR e.code = ? COLLATE NOCASE))"
        )
        params += [query.entity, query.entity]
    return where, params


def run(store: SqliteStore, query: SearchQuery) -> SearchResult:
    """Search the store; hits carry a snippet with the matches in ``<mark>``.

    The tantivy side index answers when it is there (see ``textindex``); FTS5 answers when it
    is missing, being rebuilt by another process, or the query needs what only FTS5 can do.
    """
    fts = to_fts(query.q)
    if query.sort not in ("relevance", "date"):
        raise QueryError(f"sort must be relevance or date, not {query.sort!r}")
    where, params = _filters(query)
    index = store.indexer.usable()
    if index is not None:
        from kamerlens.store.ranked import Unsupported, run_tantivy

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


__all__ = ["SNIPPET_TOKENS", "run", "to_fts"]

"""The search language, one for every backend: a user's query is checked (``to_fts``, whose
FTS5 form is also the language's normal form), read into a small tree (``parse``) that each
engine translates (FTS5, tantivy, PostgreSQL tsquery), and filters become SQL conditions.

Query language (what ``kamerlens search`` and the web app accept):
``navo oekraine`` (all words), ``"vitale infrastructuur"`` (phrase), ``navo OR eu``,
``navo NOT china``, ``steun AND (oekraine OR moldavie)``, ``ucap NEAR trustfund`` or
``ucap NEAR/5 trustfund`` or ``NEAR(ucap trustfund, 5)``, ``infrastruct*`` (prefix),
``title:verslag``. Words with inner punctuation (``NAVO-Top``, ``kst-36180-42``) become phrases.
Accents do not matter (``oekraine`` finds ``Oekraïne``). A malformed query raises QueryError
with the reason, never a database error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kamerlens.errors import QueryError
from kamerlens.store.base import SearchQuery
from kamerlens.store.ids import canonical_dossier

_TOKEN = re.compile(
    r'\s*(?:(?P<phrase>"[^"]*"\*?)|(?P<open>\()|(?P<close>\))|(?P<comma>,)'
    r"|(?P<near>NEAR(?:/(?P<dist>\d+))?(?=[\s(]|$))|(?P<op>AND|OR|NOT)(?=[\s(]|$)"
    r'|(?P<word>[^\s()",]+))'
)
_COLUMNS = ("title", "text")
_WORDCHARS = re.compile(r"[^\W_]+", re.UNICODE)
SNIPPET_TOKENS = 14
NEAR_DEFAULT = 10  # FTS5's default distance for NEAR


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


def _nocase(column: str) -> str:
    return f"{column} = ? COLLATE NOCASE"


def filters(
    query: SearchQuery,
    nocase: Callable[[str], str] = _nocase,
    entity: str | None = None,
) -> tuple[list[str], list[Any]]:
    """SQL conditions on documents ``d`` (and their entities) for the filters of ``query``;
    ``nocase(column)`` writes a case-blind comparison with one parameter in the dialect;
    ``entity``: the backend's own condition for the entity filter (one parameter, the value)."""
    where: list[str] = []
    params: list[Any] = []
    for value, name in ((query.since, "since"), (query.until, "until")):
        if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise QueryError(f"--{name} must be a date like 2023-06-01, not {value!r}")
    if query.kind:
        where.append(nocase("d.kind"))
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
    if query.entity and entity:
        where.append(entity)
        params.append(query.entity)
    elif query.entity:
        where.append(
            "EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = d.doc_id"
            f" AND ({nocase('e.name')} OR {nocase('e.code')}))"
        )
        params += [query.entity, query.entity]
    return where, params


_WORDS = _WORDCHARS


@dataclass(frozen=True)
class Term:
    """A word or a phrase (``words`` > 1); ``prefix``: the last word is a prefix."""

    words: tuple[str, ...]
    prefix: bool = False
    field: str | None = None  # "title" or "text"; None: both


@dataclass(frozen=True)
class Near:
    terms: tuple[Term, ...]
    distance: int = NEAR_DEFAULT


@dataclass(frozen=True)
class And:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    keep: Node
    drop: Node


Node = Term | Near | And | Or | Not


def _lex(query: str) -> list[tuple[str, str]]:
    """(kind, text) tokens: term/phrase/open/close/comma/near/op, as ``search._TOKEN`` reads."""
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(query) and query[pos:].strip():
        match = _TOKEN.match(query, pos)
        if match is None or match.end() == pos:  # to_fts has refused these already
            break
        pos = match.end()
        for kind in ("phrase", "open", "close", "comma", "op", "word"):
            if match[kind]:
                out.append((kind, match[kind]))
                break
        else:
            if match["near"]:
                out.append(("near", match["dist"] or ""))
    return out


def _leaf(kind: str, text: str) -> Term:
    star = text.endswith("*")
    core = text.rstrip("*")
    field = None
    if kind == "word" and ":" in core:
        col, _, rest = core.partition(":")
        if col.lower() in _COLUMNS and rest:
            field, core = col.lower(), rest
    return Term(tuple(_WORDS.findall(core)), star, field)


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.toks = tokens
        self.i = 0

    def peek(self) -> tuple[str, str] | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> tuple[str, str]:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def or_(self) -> Node:
        parts = [self.and_()]
        while self.peek() == ("op", "OR"):
            self.take()
            parts.append(self.and_())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def and_(self) -> Node:
        parts = [self.not_()]
        while (tok := self.peek()) is not None and tok[0] != "close" and tok != ("op", "OR"):
            if tok == ("op", "AND"):
                self.take()
            parts.append(self.not_())
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def not_(self) -> Node:
        node = self.primary()
        while self.peek() == ("op", "NOT"):
            self.take()
            node = Not(node, self.primary())
        return node

    def primary(self) -> Node:
        kind, text = self.take()
        if kind == "open":
            node = self.or_()
            self.take()  # the ")"
            return node
        if kind == "near":  # NEAR(a b c, N)
            self.take()  # the "("
            terms: list[Term] = []
            distance = NEAR_DEFAULT
            while (tok := self.take())[0] != "close":
                if tok[0] == "comma":
                    distance = int(self.take()[1])
                elif tok[0] in ("word", "phrase"):
                    terms.append(_leaf(*tok))
            return Near(tuple(terms), distance)
        term = _leaf(kind, text)
        nxt = self.peek()
        if nxt is not None and nxt[0] == "near":  # a NEAR b, a NEAR/5 b
            self.take()
            right = _leaf(*self.take())
            return Near((term, right), int(nxt[1]) if nxt[1] else NEAR_DEFAULT)
        return term


def parse(query: str) -> Node:
    """The query as a tree; raises QueryError for a malformed query (the FTS5 checks).

    >>> parse('navo NOT china')
    Not(keep=Term(words=('navo',), prefix=False, field=None), drop=Term(words=('china',), prefix=False, field=None))
    """  # noqa: E501
    to_fts(query)  # one place decides what is malformed, for both engines
    return _Parser(_lex(query)).or_()


def positive_terms(node: Node) -> list[Term]:
    """The terms whose matches a snippet marks (not those after NOT)."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Near):
        return list(node.terms)
    if isinstance(node, Not):
        return positive_terms(node.keep)
    return [t for part in node.parts for t in positive_terms(part)]


__all__ = [
    "NEAR_DEFAULT",
    "SNIPPET_TOKENS",
    "And",
    "Near",
    "Node",
    "Not",
    "Or",
    "Term",
    "filters",
    "parse",
    "positive_terms",
    "to_fts",
]

"""The search language as a tree, so more than one engine can run it.

``search.to_fts`` checks a query and writes the FTS5 expression; ``parse`` reads the same
(already checked) query into a small tree of nodes that ``textindex`` turns into tantivy queries
and ``snippets`` into the words to mark. Precedence follows FTS5: NOT binds tighter than AND
(also the implicit AND between words), AND tighter than OR.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kamerlens.store.search import _TOKEN, to_fts

_COLUMNS = ("title", "text")
_WORDS = re.compile(r"[^\W_]+", re.UNICODE)
NEAR_DEFAULT = 10  # FTS5's default distance for NEAR


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


def _term(kind: str, text: str) -> Term:
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
                    terms.append(_term(*tok))
            return Near(tuple(terms), distance)
        term = _term(kind, text)
        nxt = self.peek()
        if nxt is not None and nxt[0] == "near":  # a NEAR b, a NEAR/5 b
            self.take()
            right = _term(*self.take())
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


__all__ = ["And", "NEAR_DEFAULT", "Near", "Node", "Not", "Or", "Term", "parse", "positive_terms"]

"""Shared helpers of the amounts, dates, events and entities components.

Word lists and gazetteers are TOML files under ``extract/data``; this module loads them once,
turns word lists into regular-expression alternations, and indexes sentences so a component can
find the sentence of an offset in O(log n) without rebuilding lists per lookup.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed ``extract/data/<name>.toml``."""
    text = resources.files("kamerlens.extract").joinpath(f"data/{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def alternation(words: Iterable[str], *, flexible_space: bool = True) -> str:
    """A regex alternation of literal ``words``, longest first so the longest form wins.

    With ``flexible_space`` a space in a word matches any run of white space (line ends left
    by PDF extraction).
    """
    parts = sorted({w for w in words if w}, key=len, reverse=True)
    escaped = (re.escape(p) for p in parts)
    if flexible_space:
        escaped = (e.replace(r"\ ", r"\s+") for e in escaped)
    return "(?:" + "|".join(escaped) + ")"


def trie_alternation(words: Iterable[str]) -> str:
    """Like :func:`alternation`, but factored into a prefix tree: one regex branch per letter.

    Python's engine tries the alternatives of a flat alternation one by one at every position;
    a tree makes a list of hundreds of names cost about as much as one name.
    """
    trie: dict[str, Any] = {}
    for word in {w for w in words if w}:
        node = trie
        for ch in " ".join(word.split()):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, Any]) -> str:
    end = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece + _trie_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:  # a word ends here, a longer one may go on: try the longer one first
        return "(?:" + body + ")?"
    return body


def squash(text: str) -> str:
    """Collapse white space (line breaks inside a phrase) to single spaces."""
    return " ".join(text.split())


class SentenceIndex:
    """Find the sentence holding an offset by bisection over sentence starts."""

    def __init__(self, spans: list[tuple[int, int]], length: int) -> None:
        self.spans = spans or [(0, length)]
        self.starts = [s for s, _ in self.spans]
        self.length = length

    def at(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``pos``; the gap around it when there is none."""
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]:
            return self.spans[i]
        # Between sentences (white space, a heading): the stretch between the neighbours.
        left = self.spans[i][1] if i >= 0 else 0
        right = self.spans[i + 1][0] if i + 1 < len(self.spans) else self.length
        return (left, right)

    def index(self, pos: int) -> int:
        """Number of the sentence holding (or preceding) ``pos``."""
        return max(bisect_right(self.starts, pos) - 1, 0)


def sentence_index(doc: Any) -> SentenceIndex:
    """The doc's sentence index, built once and cached on the doc."""
    cached = getattr(doc, "_sentence_index", None)
    if cached is not None and cached[0] is doc.sentences:
        return cached[1]  # type: ignore[no-any-return]
    spans = doc.sentences
    if not spans:
        from kamerlens.extract.sentences import split

        spans = split(doc.text)
    index = SentenceIndex(spans, len(doc.text))
    doc._sentence_index = (doc.sentences, index)  # a plain attribute: not a result kind
    return index


__all__ = ["SentenceIndex", "alternation", "load", "sentence_index", "squash", "trie_alternation"]

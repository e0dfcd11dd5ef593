"""Shared helpers of the amounts, dates, events and entities components.

Word lists and gazetteers are TOML files under ``extract/data``; this module loads them once,
turns word lists into regular-expression alternations, and indexes sentences so a component can
find the sentence of an offset in O(log n) without rebuilding lists per lookup. The trigger
words of every component are found in one pass per document, its patterns tried only where
Hyperscan (when installed) says a word can start.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from typing import Any

from kamerlens.extract import scan


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


def trie_alternation(words: Iterable[str], *, group: bool = True) -> str:
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
    out = _trie_regex(trie)
    if not group and out.startswith("(?:") and out.endswith(")") and "" not in trie:
        # Top level without a group: only then does the engine skip to possible first letters.
        inner = out[3:-1]
        if _balanced(inner):
            return inner
    return out


def _balanced(pattern: str) -> bool:
    """Whether every group of ``pattern`` closes inside it (so the outer one can go)."""
    depth = 0
    escaped = False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


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


def find_all(
    low: str, needles: Iterable[str], *, left: bool = True, right: bool = True,
    start: int = 0, end: int | None = None,
) -> list[tuple[int, str]]:
    """Sorted (offset, needle) of every needle in ``low`` (a lower-cased text).

    ``str.find`` runs at memory speed, many times faster than a regex that has to try an
    alternation at every position; components find their trigger words this way and run their
    full patterns only there. ``left``/``right`` demand a word edge on that side.
    """
    end = len(low) if end is None else end
    out: list[tuple[int, str]] = []
    for needle in needles:
        n = len(needle)
        at = low.find(needle, start, end)
        while at >= 0:
            ok = not (left and at and (low[at - 1].isalnum() or low[at - 1] == "_"))
            if ok and right and needle[-1].isalnum():
                after = at + n
                ok = after >= len(low) or not (low[after].isalnum() or low[after] == "_")
            if ok:
                out.append((at, needle))
            at = low.find(needle, at + 1, end)
    out.sort()
    return out


def starts_before(text: str, at: int, floor: int, *, words: int, chars: int) -> list[int]:
    """Starts of up to ``words`` words before ``at`` (within ``chars``), farthest first, then
    ``at``: where a pattern that ends in the word at ``at`` may begin."""
    starts = [at]
    pos = at
    while pos > floor and not text[pos - 1].isspace():
        pos -= 1  # the trigger sits inside a word ("2%"): that word's start comes first
    if pos < at:
        starts.append(_past_quotes(text, pos, at))
    for _ in range(words):
        if pos - 1 <= floor:
            break
        cut = max(text.rfind(" ", floor, pos - 1), text.rfind("\n", floor, pos - 1)) + 1
        if at - cut > chars:
            break
        if cut <= floor:
            if floor < pos and (floor == 0 or text[floor - 1].isspace()):
                starts.append(_past_quotes(text, floor, pos))
            break
        pos = cut
        starts.append(_past_quotes(text, pos, at))
    return starts[::-1]


def _past_quotes(text: str, pos: int, limit: int) -> int:
    """Skip an opening quote or bracket: the word starts after it ("«5 EURO»", "(2023)")."""
    while pos < limit and text[pos] in "«(\"'“‘[":
        pos += 1
    return pos


# --- one keyword pass per document ----------------------------------------------------------

_GROUPS: dict[str, Callable[[], Iterable[str]]] = {}
_INNER: set[str] = set()


def keywords(
    group: str, *, inner: bool = False
) -> Callable[[Callable[[], Iterable[str]]], Callable[[], Iterable[str]]]:
    """Register a function giving the trigger words of ``group`` (lower case).

    Words are found where a word starts; ``inner`` groups (few words: "%", "vergadering" in
    "procedurevergadering") are found anywhere, with ``str.find``.
    """

    def register(func: Callable[[], Iterable[str]]) -> Callable[[], Iterable[str]]:
        _GROUPS[group] = func
        if inner:
            _INNER.add(group)
        return func

    return register


_COMBINED: list[Any] = [0, None]  # (number of groups registered, what _combined_for gave)


def _combined() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    # Groups register at import; asked thousands of times per corpus, the set arithmetic is
    # done again only when a module registered another group since.
    if _COMBINED[0] != len(_GROUPS):
        _COMBINED[:] = [len(_GROUPS), _combined_for(tuple(sorted(set(_GROUPS) - _INNER)))]
    return _COMBINED[1]  # type: ignore[no-any-return]


@cache
def _inner_words(group: str) -> tuple[str, ...]:
    return tuple(sorted({" ".join(w.lower().split()) for w in _GROUPS[group]()}))


@cache
def _combined_for(names: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """One prefix tree of the trigger words of ``names``, and word -> groups.

    The tree follows a character that is no letter or digit: the engine then skips through
    the text to those (a sixth of it) instead of trying the tree at every letter.
    """
    groups: dict[str, set[str]] = {}
    for group in names:
        for word in _GROUPS[group]():
            words = word.lower().split()
            if len(words) > 1 and words[0] in _ARTICLES:
                # "de Commissie" is found as "Commissie": a needle that starts with an article
                # would swallow a needle behind it in the single pass.
                words = words[1:]
            groups.setdefault(" ".join(words), set()).add(group)
    tree = trie_alternation(groups, group=False)
    # A space is a literal the engine skips to fastest; the rarer other word edges (a line
    # break, a bracket, a quote, a hyphen) get a second pass: one pattern with both would lose
    # the literal space the engine skips to.
    pattern = re.compile(" (" + tree + ")")
    _OTHER_EDGE[pattern] = re.compile("[" + re.escape(_OTHER_EDGES) + "](" + tree + ")")
    _WORDS[pattern] = tuple(sorted(groups))
    return pattern, {w: frozenset(g) for w, g in groups.items()}


_OTHER_EDGES = "\n\t(«“‘\"'/[-–—"
_OTHER_EDGE: dict[re.Pattern[str], re.Pattern[str]] = {}
_WORDS: dict[re.Pattern[str], tuple[str, ...]] = {}
_ARTICLES = frozenset({"de", "het", "een", "'t"})


def _scan(low: str, pattern: re.Pattern[str], groups: dict[str, frozenset[str]]
          ) -> dict[str, list[tuple[int, int, str]]]:
    found: dict[str, list[tuple[int, int, str]]] = {}
    # A space in front lets a word at the very start match; offsets shift back by one. Both
    # patterns put one character before the word: the word starts where the match does.
    padded = " " + low
    starts = _match_starts(padded, pattern)
    for pat in (pattern, _OTHER_EDGE[pattern]):
        found_in = (
            pat.finditer(padded) if starts is None
            else scan.started(pat, starts, padded, 0, len(padded))
        )
        for m in found_in:
            word = m[1]
            named = groups.get(word)
            if named is None:
                # a phrase broken over lines or spaced twice: looked up single-spaced
                if "\n" not in word and "  " not in word:
                    continue
                word = " ".join(word.split())
                named = groups.get(word)
                if named is None:
                    continue
            item = (m.start(), m.end() - 1, word)
            for g in named:
                got = found.get(g)
                if got is None:
                    found[g] = [item]
                else:
                    got.append(item)
    for items in found.values():
        items.sort()
    for group in _INNER:
        found[group] = [(at, at + len(w), w) for at, w in find_all(low, _inner_words(group),
                                                                   left=False, right=False)]
    return found


def _match_starts(padded: str, pattern: re.Pattern[str]) -> list[int] | None:
    """Where a keyword of ``pattern`` can start in ``padded`` (its edge character), from one
    Hyperscan pass (the regex engine would try its tree at every space); None without one."""
    if pattern not in _ENGINE:
        _ENGINE[pattern] = _starts_database(_WORDS[pattern])
    db = _ENGINE[pattern]
    if db is None:
        return None
    starts: set[int] = set()
    add = starts.add
    # Latin-1 with "?" for every other character: one byte a character, the text's offsets.
    db.scan(padded.encode("latin-1", "replace"),
            match_event_handler=lambda _id, start, _end, _flags, _ctx: add(start))
    return sorted(starts)


_ENGINE: dict[re.Pattern[str], Any] = {}


def _starts_database(words: tuple[str, ...]) -> Any:
    """Each keyword after a word edge, its words apart by white space, as a Hyperscan pattern
    over the text's Latin-1 bytes (other characters "?", in the patterns as in the text): where
    the regex matches, one of these does, and it reports where (the leftmost start of a match
    ending there, the only one: no word begins or ends with a character white space maps to).
    None without Hyperscan, or when a word does begin or end so."""
    hs = scan._engine()
    if hs is None:
        return None
    space = bytes(c for c in range(256) if chr(c).isspace()) + b"?"
    edge = _byte_class((" " + _OTHER_EDGES).encode("latin-1", "replace"))
    gap = _byte_class(space) + b"+"
    expressions = []
    for word in words:
        parts = [part.encode("latin-1", "replace") for part in word.split(" ")]
        if len(parts) > 1 and any(p[0] in space or p[-1] in space for p in parts):
            return None
        expressions.append(edge + gap.join(_byte_literal(p) for p in parts))
    return scan._compile(hs, expressions, hs.HS_FLAG_SOM_LEFTMOST)


def _byte_literal(data: bytes) -> bytes:
    return b"".join(b"\\x%02x" % c for c in data)


def _byte_class(data: bytes) -> bytes:
    return b"[" + _byte_literal(data) + b"]"


def hits(doc: Any, group: str, *, left: bool = True, right: bool = True) -> list[tuple[int, str]]:
    """(offset, word) of the trigger words of ``group`` in ``doc``, from one shared pass.

    Every component's trigger words are found in a single scan of the lower-cased text; each
    component then runs its full patterns only there. ``left``/``right`` demand a word edge
    on that side.
    """
    cached = getattr(doc, "_keyword_hits", None)
    if cached is not None and cached[0] is getattr(doc, "_lower", None):
        known = cached[3].get((group, left, right))
        if known is not None:
            return known  # type: ignore[no-any-return]
    low = lower(doc)
    pattern, groups = _combined()
    if cached is None or cached[0] is not low or cached[2] is not pattern:
        memo: dict[tuple[str, bool, bool], list[tuple[int, str]]] = {}
        cached = (low, _scan(low, pattern, groups), pattern, memo)
        doc._keyword_hits = cached
    key = (group, left, right)
    if key in cached[3]:
        return cached[3][key]  # type: ignore[no-any-return]
    out: list[tuple[int, str]] = []
    for at, end, word in cached[1].get(group, ()):
        if left and at and (low[at - 1].isalnum() or low[at - 1] == "_"):
            continue
        if right and word[-1].isalnum() and end < len(low) and (low[end].isalnum()
                                                                 or low[end] == "_"):
            continue
        out.append((at, word))
    cached[3][key] = out
    return out


# A class first, not a repeat: only then does the engine skip straight to the digits.
_NUMBER = re.compile(r"[0-9][0-9]*")


def numbers(text: str, doc: Any = None) -> list[tuple[int, int]]:
    """(start, end) of every run of digits (once per document when ``doc`` is given)."""
    if doc is not None:
        cached = getattr(doc, "_numbers", None)
        if cached is not None and cached[0] is text:
            return cached[1]  # type: ignore[no-any-return]
    found = [m.span() for m in _NUMBER.finditer(text)]
    if doc is not None:
        doc._numbers = (text, found)
    return found


_CHUNK = 1 << 16


def lower_text(text: str) -> str:
    """``text.lower()``, in pieces: CPython lowers into a scratch buffer of twelve bytes a
    character (a 50 MB text: 600 MB at once). The same result: only the final sigma looks at
    its neighbours, and a text holding a capital sigma is lowered whole."""
    if len(text) <= _CHUNK or "\u03a3" in text:
        return text.lower()
    return "".join(text[i : i + _CHUNK].lower() for i in range(0, len(text), _CHUNK))


def lower(doc: Any) -> str:
    """``doc.text`` lower-cased, once per document (same length, same offsets)."""
    cached = getattr(doc, "_lower", None)
    if cached is None or len(cached) != len(doc.text):
        cached = lower_text(doc.text)
        if len(cached) != len(doc.text):  # a rare letter whose lower case is longer ("İ")
            cached = "".join(c.lower()[0] for c in doc.text)
        doc._lower = cached
    return cached  # type: ignore[no-any-return]


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


__all__ = ["SentenceIndex", "alternation", "find_all", "hits", "keywords", "load", "lower",
           "lower_text", "numbers", "sentence_index", "squash", "starts_before",
           "trie_alternation"]

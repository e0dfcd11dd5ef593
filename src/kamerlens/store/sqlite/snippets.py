"""Snippets for the tantivy path: a short passage of a hit with the query's matches in <mark>.

The passage is cut from the stored text (SQLite is the store of record; the index keeps no
text). Matching runs on a lower-cased copy of the same length, each letter of the query also
matching its accented forms, so offsets carry over and ``oekraine`` marks ``Oekraïne``.
Everything outside the marks is HTML-escaped: the web app inserts snippets as HTML.

Two ways to that copy, with the same matches. The fast one (nearly every text and query):
the text is encoded to one byte per character by the codec machinery in C (Latin-1, with an
error handler called only for the runs of characters beyond it), and one table lower-cases and
folds each byte (an accented letter to its base letter, another letter or digit to a placeholder
letter the query does not use, anything else to a space); the query words become plain
literals. Scanning a lower-cased text with a character class for every letter that has accented
forms (the other way, kept for what the fast one cannot do: a query word that folds to
something other than ASCII, a letter whose lower case is longer) cost three to four times as
much, and was the largest part of the CPU of an answer.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from html import escape
from typing import AnyStr

from kamerlens.store.query import Node, Term, positive_terms

WINDOW = 110  # characters shown around the best match (FTS5 shows about 14 tokens)
LEAD = 30  # of which before the first match
MAX_MATCHES = 64  # per term: enough to choose the window among the first matches


class _FoldTable(dict[int, str]):
    """str.translate table: each character -> its lower-case base letter, length kept."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
        ).lower()
        if len(base) != 1:  # ß, ligatures: keep one character so offsets stay aligned
            low = ch.lower()
            base = low if len(low) == 1 else ch
        self[code] = base
        return base


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower case without accents, same length: ``'Oekraïne'`` -> ``'oekraine'``."""
    return text.translate(_FOLD)


def _variants() -> dict[str, str]:
    """Each lower-case ASCII letter -> a character class of the letters that fold to it."""
    return {b: "[" + b + "".join(sorted(v)) + "]" for b, v in _VARIANT_SETS.items()}


def _variant_sets() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for code in range(0xC0, 0x250):  # Latin-1 Supplement, Latin Extended-A and -B
        ch = chr(code).lower()
        base = fold(ch)
        if len(ch) == 1 and base.isascii() and base.isalpha() and base != ch:
            found.setdefault(base, set()).add(ch)
    return found


_VARIANT_SETS = _variant_sets()
_VARIANTS = _variants()
# an accented lower-case letter -> the ASCII letter it is matched as (the classes above)
_BASE = {ch: base for base, chars in _VARIANT_SETS.items() for ch in chars}
# letters for the characters the fast path cannot fold (ø, ¹, Greek): a letter the query does
# not use, so they stay letters (words are not split) and never match
_PLACEHOLDERS = "qxzjyvwkfh"
_ALNUM = frozenset(b for b in range(128) if chr(b).isalnum())
Span = tuple[int, int]


def _word(word: str) -> str:
    # matched against lower-cased text that keeps its accents, so each letter also matches
    # its accented forms ('oekraine' finds 'oekraïne')
    return "".join(_VARIANTS.get(ch, re.escape(ch)) for ch in fold(word))


@lru_cache(maxsize=256)
def patterns(node: Node) -> list[re.Pattern[str]]:
    """One regular expression per term the query looks for, over lower-cased text. No leading
    word boundary: a pattern that starts with its word lets ``re`` skip ahead fast, so the
    boundary before a match is checked by ``_matches``."""
    out = []
    for term in positive_terms(node):
        words = [_word(w) for w in term.words if w]
        if words:
            body = r"[\W_]+".join(words)
            out.append(re.compile(body + (r"[^\W_]*" if term.prefix else "") + r"\b"))
    return out


class _Slow(Exception):
    """A character whose lower case is longer: the fast path's offsets would not carry over."""


def _one(ch: str, placeholder: str) -> str:
    """The one ASCII character ``ch`` becomes in the fast path's copy (see the module doc)."""
    low = ch.lower()
    if len(low) != 1:
        raise _Slow(ch)
    if low.isascii():
        return low
    if low in _BASE:
        return _BASE[low]
    return placeholder if low.isalnum() else " "


@lru_cache(maxsize=len(_PLACEHOLDERS))
def _folding(placeholder: str) -> tuple[str, bytes]:
    """(codec error handler, byte table) of the fast path for one placeholder. The text is
    encoded as Latin-1, one byte per character (the handler, registered once, writes an ASCII
    byte for each character beyond Latin-1: a run of them per call), then the table lower-cases
    and folds every byte in one pass."""
    name = f"kamerlens-fold-{placeholder}"
    cache: dict[str, str] = {}

    def handle(exc: UnicodeError) -> tuple[str, int]:
        assert isinstance(exc, UnicodeEncodeError)
        out = []
        for ch in exc.object[exc.start : exc.end]:
            byte = cache.get(ch)
            if byte is None:
                byte = cache[ch] = _one(ch, placeholder)
            out.append(byte)
        return "".join(out), exc.end

    codecs.register_error(name, handle)
    table = bytes(ord(_one(chr(code), placeholder)) for code in range(256))
    return name, table


@lru_cache(maxsize=256)
def fast_patterns(node: Node) -> tuple[str, list[re.Pattern[bytes]]] | None:
    """(placeholder, literal patterns over the ASCII copy), or None when the query has a word
    that does not fold to ASCII (the other path then)."""
    terms: list[tuple[list[str], bool]] = []
    for term in positive_terms(node):
        words = [fold(w) for w in term.words if w]
        if not words:
            continue
        if not all(w.isascii() for w in words):
            return None
        terms.append((words, term.prefix))
    used = "".join(w for words, _ in terms for w in words)
    placeholder = next((p for p in _PLACEHOLDERS if p not in used), None)
    if placeholder is None:
        return None
    out = []
    for words, prefix in terms:
        body = rb"[\W_]+".join(re.escape(w.encode("ascii")) for w in words)
        out.append(re.compile(body + (rb"[^\W_]*" if prefix else b"") + rb"\b"))
    return placeholder, out


def _spans(rxs: Sequence[re.Pattern[AnyStr]], folded: AnyStr) -> list[Span]:
    """Every match of the patterns that starts a word, in text order; of overlapping matches
    the one that starts first (then the longest) wins."""
    found: list[Span] = []
    for rx in rxs:
        n = 0
        for m in rx.finditer(folded):
            s = m.start()
            if s:
                before = folded[s - 1]
                if before in _ALNUM if isinstance(before, int) else before.isalnum():
                    continue
            found.append((s, m.end()))
            n += 1
            if n >= MAX_MATCHES:
                break
    found.sort(key=lambda span: (span[0], -span[1]))
    out: list[Span] = []
    for span in found:
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


def _best_window(matches: list[Span], words: list[str]) -> int:
    """Start of the window holding the most distinct matched words (the first such);
    ``words[i]`` is the lower-cased text of ``matches[i]``."""
    best, best_score = matches[0][0], -1
    for i, (start_i, _) in enumerate(matches[:60]):
        start = start_i - LEAD
        seen = {words[i]}
        for j in range(i + 1, len(matches)):
            if matches[j][1] > start + WINDOW:
                break
            seen.add(words[j])
        if len(seen) > best_score:
            best, best_score = start_i, len(seen)
    return max(0, best - LEAD)


def _render(text: str, start: int, end: int, matches: list[Span]) -> str:
    # widen to word boundaries so no word is cut in half
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    out = ["…" if start > 0 else ""]
    pos = start
    for m_start, m_end in matches:
        if m_start < start or m_end > end:
            continue
        out.append(escape(text[pos:m_start], quote=False))
        out.append("<mark>" + escape(text[m_start:m_end], quote=False) + "</mark>")
        pos = m_end
    out.append(escape(text[pos:end], quote=False))
    out.append("…" if end < len(text) else "")
    return " ".join("".join(out).split())


def _find(node: Node, source: str, *, fast_path: bool = True) -> tuple[list[Span], list[str]]:
    """The matches in ``source`` and the lower-cased text of each (``fast_path=False``: the
    other way only, which the tests hold the fast one to)."""
    fast = fast_patterns(node) if fast_path else None
    if fast is not None:
        placeholder, rxs = fast
        handler, table = _folding(placeholder)
        try:
            folded = source.encode("latin-1", handler).translate(table)
        except _Slow:
            pass
        else:
            spans = _spans(rxs, folded)
            return spans, [source[s:e].lower() for s, e in spans]
    slow = source.lower()
    if len(slow) != len(source):  # a letter whose lower case is longer: fold instead
        slow = fold(source)
    spans = _spans(patterns(node), slow)
    return spans, [slow[s:e] for s, e in spans]


def snippet(node: Node, title: str, text: str) -> str:
    """The passage of ``text`` (else of ``title``) that best shows the query's matches."""
    if positive_terms(node):
        for source in (text, title):
            if not source:
                continue
            matches, words = _find(node, source)
            if matches:
                start = _best_window(matches, words)
                return _render(source, start, min(len(source), start + WINDOW), matches)
    head = text or title
    return _render(head, 0, min(len(head), WINDOW), [])


__all__ = ["Term", "fold", "patterns", "snippet"]

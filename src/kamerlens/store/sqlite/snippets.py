"""Snippets for the tantivy path: a short passage of a hit with the query's matches in <mark>.

The passage is cut from the stored text (SQLite is the store of record; the index keeps no
text). Matching runs on a lower-cased copy of the same length, each letter of the query also
matching its accented forms, so offsets carry over and ``oekraine`` marks ``Oekraïne``.
Everything outside the marks is HTML-escaped: the web app inserts snippets as HTML.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from html import escape

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
    found: dict[str, set[str]] = {}
    for code in range(0xC0, 0x250):  # Latin-1 Supplement, Latin Extended-A and -B
        ch = chr(code).lower()
        base = fold(ch)
        if len(ch) == 1 and base.isascii() and base.isalpha() and base != ch:
            found.setdefault(base, set()).add(ch)
    return {b: "[" + b + "".join(sorted(v)) + "]" for b, v in found.items()}


_VARIANTS = _variants()


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


def _matches(rxs: list[re.Pattern[str]], folded: str) -> list[re.Match[str]]:
    """Every match of the patterns that starts a word, in text order; of overlapping matches
    the one that starts first (then the longest) wins."""
    found: list[re.Match[str]] = []
    for rx in rxs:
        n = 0
        for m in rx.finditer(folded):
            s = m.start()
            if s and (folded[s - 1].isalnum()):
                continue
            found.append(m)
            n += 1
            if n >= MAX_MATCHES:
                break
    found.sort(key=lambda m: (m.start(), -m.end()))
    out: list[re.Match[str]] = []
    for m in found:
        if not out or m.start() >= out[-1].end():
            out.append(m)
    return out


def _best_window(matches: list[re.Match[str]]) -> int:
    """Start of the window holding the most distinct matched words (the first such)."""
    best, best_score = matches[0].start(), -1
    for i, m in enumerate(matches[:60]):
        start = m.start() - LEAD
        seen = {m.group(0)}
        for other in matches[i + 1 :]:
            if other.end() > start + WINDOW:
                break
            seen.add(other.group(0))
        if len(seen) > best_score:
            best, best_score = m.start(), len(seen)
    return max(0, best - LEAD)


def _render(text: str, start: int, end: int, matches: list[re.Match[str]]) -> str:
    # widen to word boundaries so no word is cut in half
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    out = ["…" if start > 0 else ""]
    pos = start
    for m in matches:
        if m.start() < start or m.end() > end:
            continue
        out.append(escape(text[pos : m.start()], quote=False))
        out.append("<mark>" + escape(text[m.start() : m.end()], quote=False) + "</mark>")
        pos = m.end()
    out.append(escape(text[pos:end], quote=False))
    out.append("…" if end < len(text) else "")
    return " ".join("".join(out).split())


def snippet(node: Node, title: str, text: str) -> str:
    """The passage of ``text`` (else of ``title``) that best shows the query's matches."""
    rxs = patterns(node)
    for source in (text, title):
        if not rxs or not source:
            continue
        folded = source.lower()
        if len(folded) != len(source):  # a letter whose lower case is longer: fold instead
            folded = fold(source)
        matches = _matches(rxs, folded)
        if matches:
            start = _best_window(matches)
            return _render(source, start, min(len(source), start + WINDOW), matches)
    head = text or title
    return _render(head, 0, min(len(head), WINDOW), [])


__all__ = ["Term", "fold", "patterns", "snippet"]

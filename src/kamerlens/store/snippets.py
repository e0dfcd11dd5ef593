"""Snippets for the tantivy path: a short passage of a hit with the query's matches in <mark>.

The passage is cut from the stored text (SQLite is the store of record; the index keeps no
text). Matching runs on a folded copy of the same length (lower case, accents dropped), so
offsets carry over and ``oekraine`` marks ``Oekraïne``. Everything outside the marks is
HTML-escaped: the web app inserts snippets as HTML.
"""

from __future__ import annotations

import re
import unicodedata
from html import escape

from kamerlens.store.query import Node, Term, positive_terms

WINDOW = 110  # characters shown around the best match (FTS5 shows about 14 tokens)
LEAD = 30  # of which before the first match
MAX_MATCHES = 400
_BOUNDARY_L = r"(?<![^\W_])"
_BOUNDARY_R = r"(?![^\W_])"


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


def pattern(node: Node) -> re.Pattern[str] | None:
    """One regular expression over folded text for every term the query looks for."""
    alternatives = []
    for term in positive_terms(node):
        words = [re.escape(fold(w)) for w in term.words if w]
        if not words:
            continue
        body = r"[\W_]+".join(words)
        alternatives.append(_BOUNDARY_L + body + (r"[^\W_]*" if term.prefix else "") + _BOUNDARY_R)
    if not alternatives:
        return None
    # longest first, so a phrase wins over its own first word
    alternatives.sort(key=len, reverse=True)
    return re.compile("|".join(alternatives))


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
    rx = pattern(node)
    for source in (text, title):
        if rx is None or not source:
            continue
        folded = fold(source)
        matches = []
        for m in rx.finditer(folded):
            matches.append(m)
            if len(matches) >= MAX_MATCHES:
                break
        if matches:
            start = _best_window(matches)
            return _render(source, start, min(len(source), start + WINDOW), matches)
    head = text or title
    return _render(head, 0, min(len(head), WINDOW), [])


__all__ = ["Term", "fold", "pattern", "snippet"]

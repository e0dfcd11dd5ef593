"""Find footnotes in layout text (PDF-extracted) and the markers they belong to.

In text taken from a PDF a footnote is a line "1 Kamerstukken 22 054 en 36 045, nr. 390" at the
bottom of a page, possibly wrapped over a few lines, and its marker sticks to a word in the body
("geleverd.1", "Jansen c.s.1", "Kuik2)"). A numbered list item or a line opening with a year
looks the same, so a line only counts as footnote ``n`` when footnotes ``1 .. n-1`` were found
before it and a marker ``n`` sits in the body between the previous marker and the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from kamerlens.normalize.lines import QA_HEADING, Line

_NOTE_LINE = re.compile(r"^(\d{1,3})(?:\s+|(?=[A-Z(“\"]))(\S.*)$")
_TERMINAL = re.compile(r"[.!?:;)”\"']$")
_MAX_NOTES = 999


@dataclass
class FoundNote:
    number: str
    lines: list[int]  # indices of the note's lines (the first holds the number)
    marker_start: int  # raw offset of the marker digits in the body
    marker_end: int
    parts: list[tuple[int, int]] = field(default_factory=list)


# Punctuation that may stand between a word and its note marker: "bekend?1", "op»?1",
# "(Kamerstuk 36 410).2", "17%.1".
_PUNCT = "[.,;:!?)’”\"'\\]»]"
_BASE = r"(?:[^\W\d_]|%)"


@cache
def _marker(number: str) -> re.Pattern[str]:
    # The marker follows a letter, or a letter (or "%", or a number and its closing bracket)
    # and up to three closing punctuation marks, and is not followed by another digit, a
    # letter, "%" or "+": "geleverd.1", "c.s.1", "Kuik2)", "bijna op»?1", "17%.1".
    after_punct = "|".join(f"(?<={_BASE}{_PUNCT * k})" for k in (1, 2, 3))
    # a reference in brackets: "(Kamerstuk 31 839, nr. 980).1"
    after_punct += "|" + "|".join(f"(?<=\\d\\){_PUNCT * k})" for k in (0, 1, 2))
    return re.compile(
        rf"(?:(?<=[^\W\d_])|{after_punct}){number}"
        r"(?=[\s)\].,;:!?’”\"'»]|$)(?![.,]\d)"
    )


def find(text: str, lines: list[Line], typical: int) -> list[FoundNote]:
    """Mark footnote lines in place (``kind = "footnote"``) and return the notes in order."""
    notes: list[FoundNote] = []
    search_from = 0
    excluded: list[tuple[int, int]] = []  # raw spans of footnote lines found so far
    # A note line opens with its number: only those lines are worth a look (found by a list
    # comprehension, which costs less than a loop over every line).
    numbered = [k for k, line in enumerate(lines) if line.text[:1].isdigit()]
    i = 0  # the lines before it are read
    for k in numbered:
        if k < i:
            continue  # inside a note found before
        if len(notes) >= _MAX_NOTES:
            break
        i = k
        line = lines[i]
        m = _NOTE_LINE.match(line.text) if line.kind == "body" else None
        if m is None or m.group(1) != str(len(notes) + 1):
            continue
        if not _opens_like_note(m.group(2)) or _in_list(lines, i, m.group(1)):
            continue
        block = _block(lines, i, typical)
        if not _placed_like_note(lines, i, block[-1]):
            continue
        marker = _find_marker(text, m.group(1), search_from, line.start, excluded)
        if marker is None:
            continue
        note = FoundNote(m.group(1), block, marker[0], marker[1])
        for j in block:
            lines[j].kind = "footnote"
            excluded.append((lines[j].start, lines[j].end))
        notes.append(note)
        search_from = marker[1]
        i = block[-1] + 1
    return notes


def _opens_like_note(text: str) -> bool:
    """Notes open with a capital, a quote or bracket, or a web address; list items in lower case."""
    first = text[:1]
    return not first.islower() or text.startswith(("http", "www.", "zie ", "idem", "ibid"))


def _in_list(lines: list[Line], i: int, number: str) -> bool:
    """True when the line before is item ``number - 1`` of the same numbered list."""
    prev = _neighbour(lines, i, -1)
    if prev is None or prev.kind != "body":
        return False
    m = _NOTE_LINE.match(prev.text)
    return m is not None and m.group(1) == str(int(number) - 1)


def _block(lines: list[Line], i: int, typical: int) -> list[int]:
    """The note starting at line ``i`` and the lines that continue it."""
    block = [i]
    next_number = str(int(_NOTE_LINE.match(lines[i].text).group(1)) + 1)  # type: ignore[union-attr]
    j = i + 1
    while j < len(lines) and len(block) < 12:
        cur, nxt = lines[j - 1], lines[j]
        if nxt.kind != "body" or nxt.first_on_page or (nxt.indent and not cur.indent):
            break
        m = _NOTE_LINE.match(nxt.text)
        if (m and m.group(1) == next_number) or QA_HEADING.match(nxt.text):
            break
        # A wrapped note line is a full line (notes are set in small type, so their lines are
        # long) or runs on into a lower-case word.
        full = len(cur.text) >= 0.85 * typical and not _TERMINAL.search(cur.text)
        if not (full or cur.text.endswith("-") or nxt.text[:1].islower()):
            break
        block.append(j)
        j += 1
    return block


def _placed_like_note(lines: list[Line], first: int, last: int) -> bool:
    """A note follows a paragraph end or another note, or ends its page."""
    prev = _neighbour(lines, first, -1)
    if prev is None or prev.kind in ("blank", "footnote") or lines[first].first_on_page:
        return True
    if prev.kind == "body" and _TERMINAL.search(prev.text):
        return True
    nxt = _neighbour(lines, last, 1)
    return nxt is None or nxt.first_on_page or bool(nxt.indent and not lines[last].indent)


def _neighbour(lines: list[Line], i: int, step: int) -> Line | None:
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].kind != "furniture":
            return lines[j]
        j += step
    return None


def _find_marker(
    text: str, number: str, lo: int, hi: int, excluded: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The last marker ``number`` in ``text[lo:hi]`` outside earlier footnote lines."""
    # Find the digits with str.rfind (fast) and test the context with the anchored pattern: a
    # pattern that opens with look-behinds is tried at every position of the text otherwise.
    pattern = _marker(number)
    pos = text.rfind(number, lo, hi)
    while pos >= 0:
        m = pattern.match(text, pos, hi)
        if m and not any(s <= pos < e for s, e in excluded):
            return (m.start(), m.end())
        pos = text.rfind(number, lo, pos)
    return None

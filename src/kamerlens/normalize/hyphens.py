"""Decide what a hyphen at the end of a line is: a word split by the typesetter, or a real one.

- "bondge-" + "noten"      -> "bondgenoten"        (split word: joined)
- "NAVO-" + "bondgenoten"  -> "NAVO-bondgenoten"   (left part an acronym)
- "Noord-" + "Atlantische" -> "Noord-Atlantische"  (right part capitalised)
- "energie-" + "infrastructuur" -> kept: Dutch writes a hyphen where two vowels would otherwise
  read as one sound ("zee-egel", "auto-ongeluk"); inside one word it writes a diaeresis instead
  ("beïnvloeden"), so a plain "e" + "i" across a line break is a compound.
- "data-" + "en energie-infrastructuur", "NAVO-" + "en JEF-verband" -> kept with a space.
- a compound written with a hyphen elsewhere in the same document keeps it here too.
"""

from __future__ import annotations

import re
from typing import Literal

Join = Literal["join", "hyphen", "space"]

# "data- en energie-": an elided compound part before a conjunction.
_CONJUNCTIONS = frozenset({"en", "of", "tot", "noch", "alsook", "and", "or", "nor", "en/of"})
# Prefixes Dutch always writes with a hyphen before a lower-case word.
_PREFIXES = frozenset({"ex", "oud", "niet", "vice", "non"})
_VOWEL_PAIRS = frozenset(
    {"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ij", "oe", "oi", "oo", "ou", "ui", "uu"}
)
_LAST_WORD = re.compile(r"([^\W_]+)-$")
_FIRST_WORD = re.compile(r"[\w/]+")
_RIGHT = re.compile(r"[^\W\d_]+")


def hyphenated_words(text: str) -> frozenset[str]:
    """Every ``left-right`` compound written on one line in ``text`` (lower case)."""
    # Splitting at "-" and looking at both sides is several times faster than one regex scan.
    parts = text.split("-")
    found = set()
    for left, right in zip(parts, parts[1:], strict=False):
        a = _last_word(left[-40:])
        if a:
            b = _RIGHT.match(right)
            if b is not None:
                found.add(f"{a}-{b.group()}".lower())
    return frozenset(found)


def _last_word(text: str) -> str:
    """The letters that end ``text`` (before one final line break), as ``[^\\W\\d_]+$`` finds
    them: matched from the end on the reversed text instead of tried at every position."""
    if text.endswith("\n"):
        text = text[:-1]
    m = _RIGHT.match(text[::-1])
    return m.group()[::-1] if m else ""


def decide(left_line: str, right_line: str, known: frozenset[str]) -> Join:
    """How to join a line ending in "-" to the next line."""
    m = _LAST_WORD.search(left_line)
    first = _FIRST_WORD.match(right_line)
    if m is None or first is None:
        return "space"  # a dash standing alone, or the next line opens with punctuation
    left, right = m.group(1), first.group(0)
    if right.lower() in _CONJUNCTIONS:
        return "space"
    if not right[0].isalpha() or right[0].isupper():
        return "hyphen"
    if any(c.isdigit() for c in left) or (len(left) >= 2 and left.isupper()):
        return "hyphen"
    if f"{left}-{right}".lower() in known or left.lower() in _PREFIXES:
        return "hyphen"
    if (left[-1] + right[0]).lower() in _VOWEL_PAIRS:
        return "hyphen"
    return "join"

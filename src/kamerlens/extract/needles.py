"""Literal needles of a regular expression: a cheap proof that a pattern cannot match a text.

Python's engine skips quickly through a text only to a literal that a pattern starts with; a
pattern that starts with ``\\b``, a character class or ``(?i)`` is tried at every position, ten
times slower than ``str.find``. Most such patterns still need some literal word somewhere
("gehoord" in ``(?i)\\bDe\\s+Kamer,\\s+gehoord``): when none of a pattern's needles occurs in a
text, the pattern cannot match there and the search is skipped. The answer is never a guess:
``may_match`` is False only when no match is possible, so the output is the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover  older Pythons
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

# Characters outside ASCII that ``(?i)`` matches to an ASCII letter although their ``lower()``
# is another character: "İ" (i), "ı" (i), the Kelvin sign (k), the long s (s). A text holding
# one is searched without the lower-case shortcut (tests/extract/test_needles_fold.py proves
# the list complete).
UNSAFE_FOLD = "\u0130\u0131\u212a\u017f"
# Characters for which a case-sensitive match on ``text.lower()`` can differ from a ``(?i)``
# match on the text itself (Greek and Cyrillic letters the engine folds together, the dotless
# and dotted i, the long s, final sigma): a text holding none of them can be searched in lower
# case with a pattern of lower-case words, which lets the engine skip to the words' letters.
FOLD_UNSAFE = (
    "\u00b5\u0130\u0131\u017f\u0345\u0390\u0392\u0395\u0398\u0399\u039a\u039c\u03a0\u03a1"
    "\u03a3\u03a6\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0\u03c1\u03c2\u03c3\u03c6"
    "\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f4\u03f5\u0412\u0414\u041e\u0421\u0422\u042a"
    "\u0432\u0434\u043e\u0441\u0442\u044a\u0462\u0463\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85"
    "\u1c86\u1c87\u1c88\u1e60\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\u212a\ua64a\ua64b\ufb05\ufb06"
)
_FOLD_UNSAFE = re.compile("[" + FOLD_UNSAFE + "]")


def fold_safe(text: str) -> bool:
    """Whether ``(?i)`` matching in ``text`` equals plain matching in ``text.lower()``."""
    return _FOLD_UNSAFE.search(text) is None


_MIN_NEEDLE = 3  # shorter needles occur almost everywhere: no use as a filter


@dataclass(frozen=True)
class Needles:
    """At least one of ``words`` occurs in every match: as written (``folded`` False) or in
    the lower-cased text (``folded`` True: the pattern ignores case there)."""

    words: tuple[str, ...]
    folded: bool

    def may_match(
        self, text: str, low: str | None = None, pos: int = 0, end: int | None = None
    ) -> bool:
        """False only when no match can lie within ``text[pos:end]``. ``low`` is
        ``text.lower()`` with the same offsets (computed here when not given)."""
        end = len(text) if end is None else end
        if self.folded:
            if low is None or len(low) != len(text):
                low = text.lower()
                if len(low) != len(text):
                    return True  # a letter whose lower case is longer: offsets shifted
            hay = low
            if _holds_unsafe(text):
                return True
        else:
            hay = text
        for w in self.words:  # noqa: SIM110  a loop: no generator object per call
            if hay.find(w, pos, end) >= 0:
                return True
        return False


_LAST_TEXT: list[object] = [None, False]  # the last text asked about, and its answer


def _holds_unsafe(text: str) -> bool:
    """Whether ``text`` holds a letter of UNSAFE_FOLD; one document's text is asked about many
    times in a row, so the last answer is kept."""
    if _LAST_TEXT[0] is not text:
        _LAST_TEXT[:] = [text, any(ch in text for ch in UNSAFE_FOLD)]
    return bool(_LAST_TEXT[1])


Option = tuple[frozenset[str], bool]  # needles, folded


def _score(option: Option) -> int:
    return min(len(w) for w in option[0])


def _best(options: list[Option]) -> Option | None:
    good = [o for o in options if o[0] and _score(o) >= _MIN_NEEDLE]
    return max(good, key=_score) if good else None


def _literal(code: int, icase: bool) -> str | None:
    """The character a literal adds to a needle, or None when it cannot be part of one."""
    ch = chr(code)
    if not icase:
        return ch
    # Under (?i) only ASCII is folded with ``lower()`` exactly as the engine folds it.
    return ch.lower() if ch.isascii() else None


def _sequence(items: list[tuple[Any, Any]], icase: bool) -> Option | None:
    """The best needle set of a sequence of parsed items (a match holds all of them)."""
    options: list[Option] = []
    run: list[str] = []

    def close() -> None:
        if run:
            options.append((frozenset({"".join(run)}), icase))
            run.clear()

    for op, av in items:
        if op is _c.LITERAL:
            ch = _literal(av, icase)
            if ch is None:
                close()
            else:
                run.append(ch)
            continue
        close()
        found = _item(op, av, icase)
        if found is not None:
            options.append(found)
    close()
    return _best(options)


def _item(op: Any, av: Any, icase: bool) -> Option | None:
    if op is _c.SUBPATTERN:
        _group, add, remove, sub = av
        inner = (icase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        return _sequence(list(sub), inner)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _high, sub = av
        return _sequence(list(sub), icase) if low >= 1 else None
    if op is _c.ATOMIC_GROUP:
        return _sequence(list(av), icase)
    if op is _c.BRANCH:
        _none, branches = av
        maybe = [_sequence(list(b), icase) for b in branches]
        found = [f for f in maybe if f is not None]
        if len(found) < len(maybe):
            return None
        if len({f[1] for f in found}) == 1:
            return frozenset().union(*(f[0] for f in found)), found[0][1]
        # Mixed: a word written in ASCII is found in the lower-cased text as well.
        words = [w for f in found for w in f[0]]
        if not all(w.isascii() for w in words):
            return None
        return frozenset(w.lower() for w in words), True
    return None  # classes, assertions, back references, conditionals: no needle


@cache
def needles(pattern: re.Pattern[str]) -> Needles | None:
    """The needles of ``pattern``, or None when it has no useful one."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.LOCALE:
        return None
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001  an unusual construct: no shortcut, never an error
        return None
    found = _sequence(list(parsed), bool(parsed.state.flags & re.IGNORECASE))
    if found is None:
        return None
    return Needles(tuple(sorted(found[0], key=len, reverse=True)), found[1])


def may_match(
    pattern: re.Pattern[str],
    text: str,
    low: str | None = None,
    pos: int = 0,
    end: int | None = None,
) -> bool:
    """False only when ``pattern`` cannot match within ``text[pos:end]``."""
    found = needles(pattern)
    return found is None or found.may_match(text, low, pos, end)


__all__ = ["FOLD_UNSAFE", "UNSAFE_FOLD", "Needles", "fold_safe", "may_match", "needles"]

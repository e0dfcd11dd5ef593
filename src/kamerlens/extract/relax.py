"""A regular expression of Python's ``re`` loosened into one a multi-pattern engine can run.

Hyperscan and RE2 have no look-arounds, no back references, and fold case and classify
characters in their own way. :func:`relax` rewrites a compiled Python pattern into a pattern of
their common syntax that matches at least every string the Python pattern matches (a superset):
assertions (``\\b``, ``^``, look-arounds) are dropped, every literal is matched ignoring case,
a class keeps its ASCII part exactly and admits every character outside ASCII, lazy repeats
become greedy ones of the same bounds. So when the loosened pattern finds nothing in a stretch
of text, the Python pattern cannot match there, and its full search can be skipped: that is
the proof that the one scan changes no record.

The one gap is case folding: Python's ``(?i)`` matches a few characters outside ASCII to ASCII
letters ("İ", "ı", the Kelvin sign, the long s, see :data:`needles.UNSAFE_FOLD`); a text holding
one of them is not scanned, every candidate is taken (``scan.py``).
"""

from __future__ import annotations

import re
from typing import Any

from kamerlens.extract.needles import _c, _p

# Character codes that may be written bare inside a class or outside one.
_SAFE = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _")
_NON_ASCII = r"\x{80}-\x{10ffff}"
# An alternation of more than _MANY branches loosened to more than _MAX_NODE characters (a
# gazetteer of names) becomes "any text of its least width".
_MANY = 8
_MAX_NODE = 2000
# ASCII members of Python's classes (their non-ASCII members are admitted wholesale).
_ASCII_CATEGORY = {
    "CATEGORY_DIGIT": "0-9",
    "CATEGORY_NOT_DIGIT": r"\x00-\x2f\x3a-\x7f",
    "CATEGORY_SPACE": r"\x09-\x0d\x1c-\x20",
    "CATEGORY_NOT_SPACE": r"\x00-\x08\x0e-\x1b\x21-\x7f",
    "CATEGORY_WORD": "0-9A-Za-z_",
    "CATEGORY_NOT_WORD": r"\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f",
}


# Short supersets of the categories outside a class: white space is within "anything but
# printable ASCII", a word character within "anything but ASCII punctuation and controls".
_CATEGORY = {
    "CATEGORY_SPACE": "[^!-~]",
    "CATEGORY_NOT_SPACE": ".",
    "CATEGORY_WORD": r"[^\x00-/:-@\[-^`{-\x7f]",
    "CATEGORY_NOT_WORD": ".",
    "CATEGORY_NOT_DIGIT": ".",
}


class _Unsupported(Exception):
    """A construct with no loosened form (a back reference): the pattern gets no trigger."""


def _char(code: int) -> str:
    if code in _SAFE:
        return chr(code)
    if code < 0x80:
        return rf"\x{code:02x}"
    return rf"\x{{{code:x}}}"


def _fold(code: int) -> set[int]:
    """The ASCII codes Python's ``(?i)`` may match for ``code`` (Unicode folding aside)."""
    ch = chr(code)
    return {ord(c) for c in {ch, ch.lower(), ch.upper()} if len(c) == 1 and c.isascii()}


def _class(items: list[tuple[Any, Any]]) -> str:
    if len(items) == 1 and items[0][0] is _c.CATEGORY and str(items[0][1]) in _CATEGORY:
        return _CATEGORY[str(items[0][1])]
    negate = bool(items) and items[0][0] is _c.NEGATE
    if negate:
        items = items[1:]
    ascii_codes: set[int] = set()
    parts: list[str] = []
    wide = False  # a member outside ASCII: admit all of them
    for op, av in items:
        if op is _c.LITERAL:
            if av > 0x7F:
                wide = True
            ascii_codes |= _fold(av)
        elif op is _c.RANGE:
            lo, hi = av
            if hi > 0x7F:
                wide = True
            for code in range(lo, min(hi, 0x7F) + 1):
                ascii_codes |= _fold(code)
        elif op is _c.CATEGORY:
            parts.append(_ASCII_CATEGORY[str(av)])
            wide = True
        else:
            raise _Unsupported(str(op))
    if negate:
        if parts:
            return "."  # a negated category: anything (a superset)
        # every ASCII code outside the set, and everything outside ASCII (case aside)
        outside = {c for c in range(0x80) if c not in ascii_codes}
        # a letter excluded in one case may still match in the other under (?i)
        outside |= {f for c in ascii_codes for f in _fold(c) if f not in ascii_codes}
        return f"[{_ranges(outside)}{_NON_ASCII}]"
    body = _ranges(ascii_codes) + "".join(parts)
    if wide:
        body += _NON_ASCII
    return f"[{body}]" if body else "[^\\x{0}-\\x{10ffff}]"


def _ranges(codes: set[int]) -> str:
    """A class body for ``codes``, runs of three or more written as a range."""
    out: list[str] = []
    run: list[int] = []
    for code in [*sorted(codes), -2]:
        if run and code == run[-1] + 1:
            run.append(code)
            continue
        if len(run) >= 3:
            out.append(f"{_char(run[0])}-{_char(run[-1])}")
        else:
            out.extend(_char(c) for c in run)
        run = [code]
    return "".join(out)


def _literal(code: int) -> str:
    if code > 0x7F:
        folds = _fold(code)
        extra = "".join(_char(c) for c in sorted(folds))
        return f"[{extra}{_NON_ASCII}]" if extra else "[^\\x00-\\x7f]"
    return _char(code)


def _seq(items: list[tuple[Any, Any]]) -> str:
    out = []
    for i, (op, av) in enumerate(items):
        if op is _c.AT and av is _c.AT_BOUNDARY and (
            _word_edge(items[i + 1 :], 0) or _word_edge(items[:i][::-1], -1)
        ):
            # Kept next to an ASCII word character: where Python sees a boundary there, so
            # does an engine that counts only ASCII as word characters (a character outside
            # ASCII is on the non-word side for it).
            out.append(r"\b")
            continue
        out.append(_node(op, av))
    return "".join(out)


_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def _word_edge(items: list[tuple[Any, Any]], side: int) -> bool:
    """Whether every match of ``items`` (read from its start, or, with ``side`` -1, given
    reversed and read from its end) has an ASCII word character at that edge."""
    for op, av in items:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: the edge lies beyond
        if op is _c.LITERAL:
            return av in _WORD
        if op is _c.IN:
            return all(
                (o is _c.LITERAL and a in _WORD)
                or (o is _c.RANGE and all(c in _WORD for c in range(a[0], a[1] + 1)))
                for o, a in av
            )
        if op is _c.SUBPATTERN:
            return _word_edge(_ordered(list(av[3]), side), side)
        if op is _c.BRANCH:
            return all(_word_edge(_ordered(list(b), side), side) for b in av[1])
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            return av[0] >= 1 and _word_edge(_ordered(list(av[2]), side), side)
        return False
    return False


def _ordered(items: list[tuple[Any, Any]], side: int) -> list[tuple[Any, Any]]:
    return items if side == 0 else items[::-1]


def _node(op: Any, av: Any) -> str:
    """One parsed item loosened; a long one (a gazetteer of names) becomes "any text of its
    least width": a superset, and a far smaller automaton."""
    out = _item(op, av)
    if op is _c.BRANCH and len(av[1]) > _MANY and len(out) > _MAX_NODE:
        lo = _p.SubPattern(_p.State(), [(op, av)]).getwidth()[0]
        return f".{{{lo},}}" if lo else ".*"
    return out


def _item(op: Any, av: Any) -> str:
    if op is _c.LITERAL:
        return _literal(av)
    if op is _c.NOT_LITERAL:
        return _class([(_c.NEGATE, None), (_c.LITERAL, av)])
    if op is _c.IN:
        return _class(list(av))
    if op is _c.ANY:
        return "."
    if op is _c.CATEGORY:
        return _class([(_c.CATEGORY, av)])
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return ""  # an assertion only narrows: without it the pattern matches more
    if op is _c.SUBPATTERN:
        return "(?:" + _seq(list(av[3])) + ")"
    if op is _c.ATOMIC_GROUP:
        return "(?:" + _seq(list(av)) + ")"
    if op is _c.BRANCH:
        return "(?:" + "|".join(_seq(list(b)) for b in av[1]) + ")"
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, sub = av
        inner = "(?:" + _seq(list(sub)) + ")"
        if high is _c.MAXREPEAT or high > 1:
            return f"{inner}{{{low},}}" if low else f"{inner}*"
        return f"{inner}{{{low},{high}}}"
    raise _Unsupported(str(op))


def _alternatives(items: list[tuple[Any, Any]]) -> list[list[tuple[Any, Any]]]:
    """A pattern that is one alternation (assertions around it aside) as its branches, each
    loosened on its own: a long alternation is then never collapsed whole."""
    zero = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)
    core = [i for i, (op, _av) in enumerate(items) if op not in zero]
    if len(core) == 1:
        at = core[0]
        op, av = items[at]
        before, after = items[:at], items[at + 1 :]  # assertions: kept around each branch
        if op is _c.SUBPATTERN:
            inner = [list(av[3])]
        elif op is _c.BRANCH:
            inner = [list(b) for b in av[1]]
        else:
            return [items]
        return [b for branch in inner for b in _alternatives(before + branch + after)]
    return [items]


def relax_all(pattern: re.Pattern[str]) -> list[str] | None:
    """The loosened alternatives of ``pattern`` (any of them matching is the superset), or
    None when it has none."""
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
        out = []
        for items in _alternatives(list(parsed)):
            sub = _p.SubPattern(parsed.state, items)
            if sub.getwidth()[0] == 0:
                return None  # an alternative that may match nothing: every place may match
            out.append(_seq(items))
    except _Unsupported:
        return None
    except Exception:  # noqa: BLE001  an unusual construct: no trigger, never an error
        return None
    return out or None


def relax(pattern: re.Pattern[str]) -> str | None:
    """A pattern (to compile caseless, dot-all, UTF-8) matching a superset of what ``pattern``
    matches, or None when it has none (a back reference, or it would match the empty string:
    every position is then a candidate).

    >>> relax(re.compile(r"\\b(?:zal|zullen)\\s+(?=ik)"))
    '(?:(?:zal|zullen))(?:[\\\\x09-\\\\x0d\\\\x1c-\\\\x20\\\\x{80}-\\\\x{10ffff}]){1,}'
    """
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
        out = _seq(list(parsed))
    except _Unsupported:
        return None
    except Exception:  # noqa: BLE001  an unusual construct: no trigger, never an error
        return None
    lo, _hi = parsed.getwidth()
    return out if lo > 0 and out else None


__all__ = ["relax", "relax_all"]

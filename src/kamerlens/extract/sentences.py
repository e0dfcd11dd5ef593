"""Sentence boundaries by rule: fast, and aware of Dutch abbreviations ("c.s.", "d.d.", "nr.").

A bare spaCy pass runs at about 1 MB/s here, half the speed goal for the whole of extraction, so
sentences come from a regular expression plus an abbreviation list (``data/abbreviations.txt``).
spaCy's blank Dutch pipeline is kept for token patterns on the few sentences that need them.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from kamerlens.extract.pipeline import Doc, component


@cache
def abbreviations() -> frozenset[str]:
    path = resources.files("kamerlens.extract").joinpath("data/abbreviations.txt")
    lines = path.read_text("utf-8").splitlines()
    return frozenset(
        line.strip().lower() for line in lines if line.strip() and not line.startswith("#")
    )


@cache
def _plain_tail() -> tuple[int, re.Pattern[str]]:
    """How many letters (no stop, space, bracket or quote) before a stop rule out every
    abbreviation and initials ("W.B."), and the pattern of such a run: a word that ends so is
    a sentence end without being cut out and looked up (most words before a stop are)."""
    # the longest run without a stop before an abbreviation's last character ("incl.": 4)
    longest = max((len(a[:-1].rsplit(".", 1)[-1]) for a in abbreviations()), default=0)
    size = max(3, longest + 1)  # initials have at most two letters before each stop
    return size, re.compile(rf"[^\s.(«\"']{{{size}}}")


# A candidate end: ., ! or ? (optionally closing quote/bracket and a footnote marker), then space
# and an upper-case letter, digit, quote, bracket or bullet, or a line break and a list item's
# dash before a capital ("— De minister stuurt ...": on the same line, or before a lower-case
# word, a dash opens or closes an aside); or a blank line; or
# a line break before a footnote line. The footnote marker after a stop may be plain digits, as
# PDF text gives it ("celsius.8 Met de huidige ..."), after a word (not "2022.3", "nr.8").
# A line break that normalize kept (a short line: a heading, an address, a list item) after a
# word, before a capital or a list item, ends a sentence too ("1.2 Bodem\nProblematiek\nWe
# vragen ...", "Zuinig met water\n- In de gebiedsprocessen ...").
# One character class first (the look-behinds pick the branch): the engine then skips straight
# to the four characters a candidate end can start with; an alternation of two branches that
# start with a class is tried at every position (twice as slow).
_END = re.compile(
    r"[.!?\n](?:(?<=[.!?])[»”’\"')\]]*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|(?<=[a-zà-ÿ)]{2}[.!?])\d{1,2}(?=\s))?"
    r"(?=\s+[A-ZÀ-Ý0-9«“‘\"'(\[•-]|[ \t]*\n\s*[–—][ \t]+[A-ZÀ-Ý])|(?<=\n)\s*\n"
    r"|(?<=[^\W_]\n)(?=[A-ZÀ-Ý]|[-•–—][ \t]+[A-ZÀ-Ý]))"
)


# A sentence end glued to the next sentence by a PDF text layer ("kijken.Voor uw vraag"): a
# lower-case word, a stop, then a capitalised word. Not initials, abbreviations or web addresses.
# The stop first and the letters before it as a look-behind after it: a pattern that opens with a
# look-behind is tried at every position of the text, one that opens with a class skips ahead.
_GLUED = re.compile(r"[.!?](?<=[a-zà-ÿ]{2}.)(?=[A-ZÀ-Ý][a-zà-ÿ])")
# The word after such a stop belongs to an e-mail or web address ("piet.Jansen@minbzk.nl",
# "zie rijksoverheid.Nl/onderwerpen"): an @ or / in it, or a stop before a lower-case letter.
_ADDRESS_AFTER = re.compile(r"[^\s@/]*(?:[@/]|\.[a-z0-9])")
# An address that ends at the stop: a top-level domain before it ("zie www.rijksoverheid.nl.Daarna",
# "info@minbzk.nl.Daarna"): the stop closes the sentence after the address.
_DOMAIN_END = re.compile(r"\.[a-z]{2,4}[.!?]$")
_REACH = 40  # how far back (and ahead) of a stop its word is looked for


def split(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentence spans, also where a sentence end is glued to the
    next sentence; see :func:`_split`."""
    spans = _split(text, start, end)
    if not _GLUED.search(text, start, len(text) if end is None else end):
        return spans
    abbr = abbreviations()
    out: list[tuple[int, int]] = []
    for s, e in spans:
        begin = s
        for m in _GLUED.finditer(text, s, e):
            at = m.start()
            word = text[_word_before(text, at, max(begin, at - _REACH)) : at + 1]
            if _not_an_end(word, abbr) or _in_address(word, text, m.end(), e):
                continue
            out.append((begin, m.end()))
            begin = m.end()
        out.append((begin, e))
    return out


def _word_before(text: str, at: int, floor: int) -> int:
    """Where the word that ends at ``at`` starts: the white space before it, or ``floor``. The
    floor bounds the search, so a long run without spaces costs no more than 40 characters a
    stop."""
    seg = text[floor:at]
    if not seg or seg[-1].isspace():
        return at
    # str.split and the white space of a pattern (\s) are one set of characters
    return at - len(seg.rsplit(None, 1)[-1])


def _in_address(word: str, text: str, after: int, end: int) -> bool:
    """Is the stop before ``after`` (ending ``word``) part of a web or e-mail address?"""
    if ("/" in word or "@" in word or "www" in word.lower()) and not _DOMAIN_END.search(word):
        return True
    return _ADDRESS_AFTER.match(text, after, min(end, after + _REACH)) is not None


def _split(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentence spans (absolute offsets), trimmed of white space.

    >>> t = "De motie van het lid Jansen c.s. is aangenomen. Nederland steunt dat."
    >>> [t[s:e] for s, e in split(t)]
    ['De motie van het lid Jansen c.s. is aangenomen.', 'Nederland steunt dat.']
    """
    end = len(text) if end is None else end
    abbr = abbreviations()
    tail, plain = _plain_tail()
    spans: list[tuple[int, int]] = []
    begin = start
    for m in _END.finditer(text, start, end):
        at, cut = m.span()
        first = text[at]
        if first == "\n":
            cut = at
        elif (
            # "Jansen c.s.¹ Internationale ...": a footnote marker after an abbreviation
            # closes the sentence; without one, the abbreviation does not
            first == "."
            and text[cut - 1] not in _SUPERSCRIPTS
            and (at - tail < begin or plain.match(text, at - tail) is None)
            and _not_an_end(text[_word_before(text, at, max(begin, at - _REACH)) : at + 1], abbr)
        ):
            continue
        _add(text, begin, cut, spans)
        begin = m.end()
    _add(text, begin, end, spans)
    return spans


_SUPERSCRIPTS = frozenset("¹²³⁴⁵⁶⁷⁸⁹⁰")
_INITIALS = re.compile(r"^\(?(?:[A-Z][a-z]?\.)+$")


def _not_an_end(word: str, abbr: frozenset[str]) -> bool:
    """An abbreviation ("c.s.", "nr.") or initials ("W.B.") end with a stop but not a sentence."""
    return word.lower().lstrip("(«\"'") in abbr or bool(_INITIALS.match(word))


def _add(text: str, s: int, e: int, spans: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))


@component("sentences", sets=("sentences",))
def sentences(doc: Doc) -> None:
    doc.sentences = split(doc.text)

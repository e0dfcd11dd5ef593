"""Who a motion's members are, from the way their names are written.

A member is the same across mentions when the surnames agree (fuzzy: a slight misspelling still
agrees) and the given names, when both are written, do too. A hyphen in a motion's name joins two
members ("de motie Van Toorenburg-Dijsselbloem") unless the document names the whole as one
person ("mevrouw Michon-Derkzen") or a lower-case particle follows it ("Faber-van de Klashorst").
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

_PREFIXES = ("van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "op", "in")
# "VanWijngaarden": a text whose line breaks were removed glued the prefix to the surname
_GLUED_PREFIX = re.compile(r"^(Van|De|Den|Der|Ter|Ten)(?=[A-ZÀ-Þ][a-zà-ÿ])")
# a hyphen before a capital may join two members; before a lower-case particle it joins the two
# parts of one surname ("Faber-van de Klashorst")
_HYPHENATED = re.compile(r"-(?=(?:Van |De |Ter |Ten )?[A-ZÀ-Þ])")
_ONE_PERSON = re.compile(
    r"\b(?:[Mm]evrouw|[Dd]e\s+heer|[Hh]et\s+(?:Kamer)?lid|[Mm]ijn\s+collega|[Cc]ollega|[Mm]inister"
    r"|[Ss]taatssecretaris)"
)


_SAME = 85  # how alike two surnames are (0-100) to be one member's: a slight misspelling


@lru_cache(maxsize=4096)
def _surname(name: str) -> str:
    words = name.split()
    i = 0
    # a given name stands before a prefix or a second capitalised word ("Jasper van Dijk")
    if len(words) > 1 and words[0][0].isupper() and words[0].lower() not in _PREFIXES:
        i = 1
    while i < len(words) - 1 and words[i].lower() in _PREFIXES:
        i += 1
    return " ".join(words[i:]).lower()


@lru_cache(maxsize=4096)
def _given(name: str) -> str | None:
    words = name.split()
    if len(words) > 1 and words[0][0].isupper() and words[0].lower() not in _PREFIXES:
        return words[0].lower()
    return None


def same_member(a: str, b: str) -> bool:
    if fuzz.ratio(_surname(a), _surname(b)) < _SAME:
        return False
    ga, gb = _given(a), _given(b)
    return not (ga and gb and ga != gb)


def same_members(a: list[str], b: list[str]) -> bool:
    """The same first submitter, and every member of the shorter list in the longer one."""
    if not a or not b or not same_member(a[0], b[0]):
        return False
    short, long = sorted((a, b), key=len)
    return all(any(same_member(x, y) for y in long) for x in short)


class FirstMembers:
    """Groups of mentions by the surname of their first member, found again the way
    :func:`same_members` compares first members (fuzzy), in one pass over the surnames."""

    def __init__(self) -> None:
        self._surnames: list[str] = []
        self._groups: dict[str, list[int]] = {}

    def add(self, name: str, group: int) -> None:
        key = _surname(name)
        if key not in self._groups:
            self._surnames.append(key)
        self._groups.setdefault(key, []).append(group)

    def like(self, name: str) -> list[int]:
        """The groups whose first member may be ``name`` (see :func:`same_member`)."""
        hits = process.extract(
            _surname(name), self._surnames, scorer=fuzz.ratio, score_cutoff=_SAME, limit=None
        )
        return [group for key, _, _ in hits for group in self._groups[key]]


def unglue(name: str) -> str:
    """ "VanWijngaarden" -> "Van Wijngaarden"."""
    return _GLUED_PREFIX.sub(r"\1 ", name)


# a title, then up to six words of a name ("mevrouw Michon-Derkzen (VVD)", "de heer Van
# Toorenburg-Dijsselbloem zegt"), of which the prefixes are tried; read ahead, so that a title
# among those words ("de heer Jansen en mevrouw Michon-Derkzen") is found too
_TITLED = re.compile(_ONE_PERSON.pattern + r"\s+(?=(?P<name>[\w'’-]+(?:\s+[\w'’-]+){0,5}))")


def titled_names(text: str) -> frozenset[str]:
    """The hyphenated names that ``text`` writes after a title of one person ("mevrouw
    Michon-Derkzen", "het lid Van Toorenburg-Dijsselbloem"): every word prefix of the words that
    follow the title, so the set holds the name whatever follows it. One pass over the text."""
    found: set[str] = set()
    for m in _TITLED.finditer(text):
        words = m["name"].split()
        for i in range(1, len(words) + 1):
            name = " ".join(words[:i])
            if "-" in name and not name.endswith("-"):
                found.add(name)
    return frozenset(found)


def hyphen_parts(name: str, titled: frozenset[str]) -> list[str]:
    """The members a hyphenated name in a motion's name stands for: two for "Van
    Toorenburg-Dijsselbloem", one where the document speaks of "mevrouw Michon-Derkzen" (also a
    speaker's label "Mevrouw Michon-Derkzen (VVD):"), that is where ``titled`` (the document's
    :func:`titled_names`) holds the name."""
    parts = _HYPHENATED.split(name)
    if len(parts) < 2:
        return parts
    return [name] if name in titled else parts


_WHO = (
    r"\b(?:de\s+heer|mevrouw|het\s+(?:Kamer)?lid)\s+(?P<name>(?-i:[A-Z][\w'’-]+)"
    r"(?:(?:\s+(?:van|de|der|den|het|ter|ten|te|in|'t))*\s+(?-i:[A-Z][\w'’-]+))?)"
    r"(?:\s*\([^()\n]{1,15}\))?"
)
_OWNER = re.compile(_WHO)
_POSSESSIVE = re.compile(r"\b(?:zijn|haar)\s+$", re.IGNORECASE)
# the member before a participle that names the motion: "de door het lid Bisschop ingediende motie"
_BY_BEFORE = re.compile(
    r"\bdoor\s+" + _WHO + r"\s*(?:(?:ingediende|aangenomen|voorgestelde|gewijzigde)\s+)?$"
)
_SENTENCE_END = re.compile(r"[.!?:]\s")


def owner(text: str, pos: int) -> str | None:
    """ "Op verzoek van de heer Van Waveren stel ik voor zijn motie ... aan te houden": the member
    named earlier in the sentence owns "zijn/haar motie" (the last one named); "de door het lid
    Bisschop ingediende motie" names its member before it."""
    by = _BY_BEFORE.search(text, max(0, pos - 90), pos)
    if by is not None:
        return by["name"]
    if not _POSSESSIVE.search(text, max(0, pos - 6), pos):
        return None
    lo = max(0, pos - 300)
    ends = [e.end() for e in _SENTENCE_END.finditer(text, lo, pos)]
    lo = ends[-1] if ends else lo
    found = [m["name"] for m in _OWNER.finditer(text, lo, pos)]
    if not found:
        return None
    return found[-1]


__all__ = [
    "FirstMembers",
    "hyphen_parts",
    "owner",
    "same_member",
    "same_members",
    "titled_names",
    "unglue",
]

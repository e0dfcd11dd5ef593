"""Recipients of money -> one key per fund or organisation, so pledges can be followed over time.

"EPF", "het EPF-fonds" and "European Peace Facility (EPF) trust fund"
all get the key ``EPF``: an acronym (in parentheses, in capitals, or the initials of a
capitalised name) wins; other names are compared without articles and generic fund words, and
merged when rapidfuzz finds them alike. A generic recipient ("het trustfund", "dit fonds") takes
the fund the text named just before it, with lower confidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from kamerlens.link.text import fold

# Words that name the kind of recipient, not which one.
GENERIC = frozenset(
    [
        "het",
        "de",
        "een",
        "dit",
        "dat",
        "deze",
        "die",
        "zijn",
        "haar",
        "hun",
        "trustfund",
        "trustfonds",
        "trust",
        "fund",
        "funds",
        "fonds",
        "fondsen",
        "programma",
        "programme",
        "program",
        "pakket",
        "package",
        "faciliteit",
        "facility",
        "voor",
        "van",
        "aan",
        "the",
        "of",
        "for",
        "to",
        "bijdrage",
        "steun",
    ]
)
_ACRONYM_DEF = re.compile(r"\(([A-Z][A-Za-z0-9&]{1,9})\)")
_CAPS = re.compile(r"(?<![\w])([A-Z][A-Z0-9&]{1,9})(?![a-z])")
_NAME_WORD = re.compile(r"[A-Z][\w'&-]*|[a-z][\w'-]*")
LOOKBACK = 600  # characters before a generic recipient in which its named fund may stand
MERGE_RATIO = 90


@dataclass(frozen=True)
class RecipientKey:
    key: str
    evidence: str
    confidence: float


_DETERMINERS = frozenset(
    ["het", "de", "een", "dit", "dat", "deze", "die", "zijn", "haar", "hun", "the"]
)
_FUND_NOUNS = frozenset(
    [
        "trustfund",
        "trustfonds",
        "trust",
        "fund",
        "fonds",
        "programma",
        "programme",
        "program",
        "pakket",
        "package",
        "faciliteit",
        "facility",
    ]
)
_MINOR = frozenset(["van", "de", "der", "het", "voor", "en", "of", "the", "of", "and", "for", "to"])


def acronym(name: str) -> str | None:
    """The acronym a name states: ``(EPF)`` or a word in capitals (``EPF-fonds``)."""
    match = _ACRONYM_DEF.search(name) or _CAPS.search(name)
    return match[1].upper() if match else None


def initials(name: str) -> str | None:
    """``European Peace Facility`` -> ``EPF`` (three or more capitalised words);
    used only to join a spelled-out name to an acronym that some document states."""
    words = [w for w in _NAME_WORD.findall(name) if w.lower() not in _MINOR]
    caps = [w for w in words if w[0].isupper()]
    if len(caps) >= 3:
        return "".join(w[0] for w in caps).upper()
    return None


def core(name: str) -> str:
    """The distinctive words of a name, folded: ``'het fonds voor Oekraïne'`` -> ``'oekraine'``."""
    words = re.findall(r"[\w-]+", fold(name))
    return " ".join(w for w in words if w not in GENERIC)


def label(name: str) -> str:
    """A name as a group label: white space tidied, a leading article dropped."""
    words = name.split()
    while len(words) > 1 and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return " ".join(words)


def is_generic(name: str) -> bool:
    """A recipient that only says what kind of thing it is ("het trustfund voor ...")."""
    words = [w for w in re.findall(r"[\w-]+", fold(name)) if w not in _DETERMINERS]
    return bool(words) and words[0] in _FUND_NOUNS and acronym(name) is None


def resolve(name: str, before: Callable[[], str]) -> RecipientKey | None:
    """The key of one recipient; ``before()`` gives the text preceding it (read only if needed)."""
    if not name or not name.strip():
        return None
    found = acronym(name)
    if found:
        return RecipientKey(found, f"recipient «{name}»", 1.0)
    if is_generic(name):
        context = before()
        defs = list(_ACRONYM_DEF.finditer(context))
        if defs:
            last = defs[-1]
            start = max(0, last.start() - 60)
            shown = " ".join(context[start : last.end()].split())
            distance = len(context) - last.end()
            return RecipientKey(
                last[1].upper(),
                f"«{name}» read as {last[1]}, named {distance} characters before it (…{shown})",
                0.7,
            )
    key = core(name)
    if not key:
        return None
    return RecipientKey(label(name), f"recipient «{name}»", 1.0)


def merge(keys: list[str]) -> dict[str, str]:
    """Map each key to its group's key: names whose initials are another key's acronym, or that
    rapidfuzz finds alike (token-set ratio >= MERGE_RATIO), join the shortest such key."""
    canonical: dict[str, str] = {}
    acronyms = {k for k in keys if k.isupper() and " " not in k}
    for key in sorted(set(keys), key=lambda k: (k not in acronyms, len(k), k)):
        if key in acronyms:
            canonical[key] = key
            continue
        found = initials(key)
        if found in acronyms:
            canonical[key] = found
            continue
        folded = core(key)
        match = next(
            (
                other
                for other in canonical
                if other not in acronyms
                and canonical[other] == other
                and fuzz.token_set_ratio(folded, core(other)) >= MERGE_RATIO
            ),
            None,
        )
        canonical[key] = match or key
    return canonical


__all__ = [
    "LOOKBACK",
    "RecipientKey",
    "acronym",
    "core",
    "initials",
    "is_generic",
    "label",
    "merge",
    "resolve",
]

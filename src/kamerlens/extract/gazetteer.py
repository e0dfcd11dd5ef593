"""Names of countries, organisations and places, and the acronyms a document defines.

Countries come from pycountry's Dutch translation plus the forms in ``data/entities.toml``;
organisations and places from the same file. One case-sensitive scanner finds them all; the
regex engine only tries it where a letter that can start a name stands, so it runs at about the
speed of a plain scan. Acronyms defined in the text ("Ukraine Comprehensive Assistance Package
(EPF)", "JEF (Joint Expeditionary Force)") are found per document and cached on it.
"""

from __future__ import annotations

import gettext
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from kamerlens.extract.lexicon import load, trie_alternation


@dataclass(frozen=True)
class Known:
    """What a surface form names."""

    type: str  # country | organisation | place
    name: str  # canonical name
    code: str | None = None  # ISO 3166 alpha-2 for countries
    adjective: bool = False  # "Russische": a mention of the country by its adjective


class Hit(NamedTuple):
    start: int
    end: int
    known: Known


def _pycountry_names() -> dict[str, str]:
    """Dutch short name -> alpha-2, from pycountry's gettext catalogue."""
    import pycountry

    try:
        nl = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"])
        tr = nl.gettext
    except OSError:  # the locale is missing: English names still help
        def tr(message: str) -> str:
            return message
    names: dict[str, str] = {}
    seen: dict[str, int] = {}
    for country in pycountry.countries:
        for source in (getattr(country, "common_name", None), country.name):
            if not source:
                continue
            name = re.sub(r"\s*\(.*\)$", "", tr(source)).strip()
            if "," in name:
                continue  # "Korea, Republiek": the data file gives the form prose uses
            names.setdefault(name, country.alpha_2)
            seen[name] = seen.get(name, 0) + 1
    return names


@cache
def countries() -> dict[str, Known]:
    """Every country surface form (names and adjectives) -> Known."""
    data = load("entities")
    skip = set(data["countries_skip"]["names"])
    canonical: dict[str, str] = {}
    table: dict[str, Known] = {}
    for name, code in _pycountry_names().items():
        if name not in skip:
            canonical.setdefault(code, name)
            table[name] = Known("country", name, code)
    for code, forms in data["countries"].items():
        canonical[code] = forms[0]
        for form in forms:
            table[form] = Known("country", forms[0], code)
    for name, known in list(table.items()):
        table[name] = Known("country", canonical.get(known.code or "", known.name), known.code)
    for code, forms in data["adjectives"].items():
        for form in forms:
            table[form] = Known("country", canonical.get(code, code), code, adjective=True)
    return table


@cache
def organisations() -> dict[str, Known]:
    table: dict[str, Known] = {}
    for forms in load("entities")["organisations"]["list"]:
        for form in forms:
            table[form] = Known("organisation", forms[0])
    return table


@cache
def dutch_places() -> frozenset[str]:
    """Dutch municipalities and towns (``data/places_nl.txt``)."""
    text = resources.files("kamerlens.extract").joinpath("data/places_nl.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


@cache
def places() -> dict[str, Known]:
    data = load("entities")["places"]
    names = [*dutch_places(), *data["cities"], *data["regions"]]
    return {p: Known("place", p) for p in names}


@cache
def table() -> dict[str, Known]:
    """All surface forms; a country wins over a place of the same name (Luxemburg)."""
    out: dict[str, Known] = {}
    out.update(places())
    out.update(organisations())
    out.update(countries())
    return out


@cache
def _scanner() -> re.Pattern[str]:
    # Right edge: not followed by a letter or digit, but a hyphen is fine ("NAVO-Top",
    # "Rusland-Oekraïne", "EU-lidstaten"). The left edge is checked in Python: a lookbehind
    # in front would keep the engine from skipping to the letters a name can start with.
    return re.compile(trie_alternation(table()) + r"(?![\w])")


def _key(surface: str) -> str:
    return " ".join(surface.split())


def scan(text: str, start: int = 0, end: int | None = None) -> list[Hit]:
    """Every gazetteer name in ``text[start:end]``."""
    tab = table()
    hits = []
    for m in _scanner().finditer(text, start, len(text) if end is None else end):
        at = m.start()
        if at and (text[at - 1].isalnum() or text[at - 1] == "_"):
            continue
        name = m.group(0)
        known = tab.get(name) or tab.get(_key(name))
        if known is None:
            continue
        if at > 1 and text[at - 1] == "-" and text[at - 2].isalnum():
            if known.adjective and _region_before(text, at - 1):
                continue  # "Latijns-Amerikaanse", "Zuid-Amerikaanse": a region, not the country
            if known.type == "organisation" and not name.isupper():
                # "EU-Gezondheidsraad" is a council of the EU, not the Gezondheidsraad; an
                # acronym stays a name of its own ("NAVO-EU samenwerking").
                continue
        if known.type == "place" and (_PARTICLE_BEFORE.search(text, max(0, at - 12), at)
                                      or _INITIALS_AFTER.match(text, m.end())):
            continue  # "Van Houten", "A. van Weert", "Beek, W.I.I. van": a surname, no town
        hits.append(Hit(at, m.end(), known))
    return hits


# A surname particle in front of a town's name: capitalised ("Van Houten", "Ter Apel") or after
# initials ("A.B. van Dongen"). "de gemeente van Houten" keeps the town.
_PARTICLE_BEFORE = re.compile(
    r"(?:(?<![\w-])(?:Van|Ter|Ten|Van\s+der|Van\s+den|Van\s+de|De|Den)|[A-Z]\.\s?(?:van|ter|ten|de|"
    r"van\s+der|van\s+den|van\s+de))\s+$"
)


# "Beek, W.I.I. van (VVD)": a surname in a list of members, initials after the comma.
_INITIALS_AFTER = re.compile(r",[ \t]*(?:[A-Z][a-z]?\.){1,5}")


@cache
def _region_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load("entities")["adjectives_after"]["not_after"])


def _region_before(text: str, hyphen: int) -> bool:
    """Whether the word before a hyphen is a region or compass word ("Latijns", "Zuid")."""
    begin = hyphen
    while begin and text[begin - 1].isalpha():
        begin -= 1
    return text[begin:hyphen].lower() in _region_words()


def doc_scan(doc: Any) -> list[Hit]:
    """:func:`scan` of the whole document, once (cached on the doc)."""
    cached = getattr(doc, "_gazetteer_hits", None)
    if cached is None or cached[0] is not doc.text:
        cached = (doc.text, scan(doc.text))
        doc._gazetteer_hits = cached
    return cached[1]  # type: ignore[no-any-return]


def scan_doc(doc: Any, start: int, end: int) -> list[Hit]:
    """The gazetteer names of ``doc`` that lie within ``[start, end)``."""
    found = doc_scan(doc)
    i = bisect_left(found, start, key=lambda h: h.start)
    out = []
    while i < len(found) and found[i].start < end:
        if found[i].end <= end:
            out.append(found[i])
        i += 1
    return out


# --- acronyms defined in the text ------------------------------------------------------------

_CONNECT = r"(?:of|and|for|the|on|to|van|voor|de|het|en|der|des|op|in|tot|inzake|ter|ten)"
_CAP = r"[A-Z][\w'’&]*(?:-(?:[A-Za-z][\w'’&]*)?)?"
# Both forms are read from the opening bracket: "(" is a literal the engine finds at once,
# where a pattern that starts with the long name would be tried at every capital.
_PAREN_ACR = re.compile(r"\(\s*(?P<acr>[A-Z][A-Za-z0-9&+]{1,10}(?<![a-z]s))\s*\)")
_PAREN_LONG = re.compile(
    rf"\(\s*(?P<long>{_CAP}(?:\s+(?:{_CONNECT}\s+)*{_CAP}){{0,9}})\s*\)"
)
_ACR_BEFORE = re.compile(r"(?<![\w-])(?P<acr>[A-Z][A-Z0-9&+]{1,10})\s*$")
_CAP_RE = re.compile(_CAP + r"$")
_CONNECT_RE = re.compile(_CONNECT + r"$")
_WORD = re.compile(r"[^\s-]+-?")


@dataclass(frozen=True)
class Acronym:
    acronym: str
    long: str
    long_start: int
    long_end: int
    start: int  # span of the whole definition
    end: int

    @property
    def is_org(self) -> bool:
        return self.long.split()[-1] not in _not_org_last_words()


@cache
def _not_org_last_words() -> frozenset[str]:
    return frozenset(load("entities")["acronyms"]["not_org_last_words"])


def _fit(long_words: list[tuple[int, int, str]], acr: str) -> int | None:
    """Index of the first word of ``long_words`` whose capitals spell ``acr``; None if none."""
    letters = [c for c in acr if c.isupper()]
    if len(letters) < 2:
        return None
    for i in range(len(long_words)):
        word = long_words[i][2]
        if word[0] != letters[0]:
            continue
        initials = [w[2][0] for w in long_words[i:] if w[2][0].isupper()]
        if len(initials) < max(2, len(letters) - 2) or len(initials) > len(letters) + 1:
            continue
        it = iter(letters)
        if all(ch in it for ch in initials):  # initials are a subsequence of the acronym
            return i
    return None


_TOKEN = re.compile(r"\S+")


def _long_before(text: str, end: int) -> list[tuple[int, int, str]]:
    """The capitalised words (joined by "of", "van", "voor" ...) that end at ``end``."""
    # Most names stop within a few words: a short window is read first, the whole one only
    # when the walk reaches the short window's first word (which the cut may have split).
    found = _long_within(text, end, _SHORT_WINDOW)
    return found if found is not None else _long_within(text, end, _WINDOW) or []


_WINDOW = 160
_SHORT_WINDOW = 80


def _long_within(text: str, end: int, chars: int) -> list[tuple[int, int, str]] | None:
    """:func:`_long_before` within ``chars`` before ``end``; None when a window shorter than
    the whole one is not enough (the walk reached its first word, away from the text's start)."""
    base = max(0, end - chars)
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, base, end)]
    taken: list[tuple[int, int, str]] = []
    for i in range(len(tokens) - 1, -1, -1):
        if i == 0 and chars < _WINDOW and base > 0:
            return None
        s, e, tok = tokens[i]
        if tok.endswith(",") and _CAP_RE.match(tok[:-1]) and taken and taken[-1][2][0].isupper():
            # An enumeration inside the name: "Wetenschappelijk, Technisch en Economisch ..."
            taken.append((s, e - 1, tok[:-1]))
            continue
        if _CAP_RE.match(tok) or _CONNECT_RE.match(tok) and taken:
            taken.append((s, e, tok))
        else:
            break
        if len(taken) > 20:
            break
    while taken and not taken[-1][2][0].isupper():
        taken.pop()  # the name starts with a capital, not with "van"
    return taken[::-1]


_LOOSE_WORD = re.compile(r"[^\W\d][\w'’]*-?")
_CONNECTORS = frozenset({"of", "and", "for", "the", "on", "to", "van", "voor", "de", "het", "en",
                         "der", "des", "op", "in", "tot", "inzake", "ter", "ten"})


def _fit_loose(text: str, end: int, acr: str) -> tuple[int, int] | None:
    """A name with lower-case words whose initials spell the acronym, small words optional:
    "Nederlandse orde van advocaten (NOvA)", "Europees Fonds voor maritieme zaken, visserij en
    aquacultuur (EFMZVA)". The name starts with a capital; the farthest start that fits wins."""
    if not acr.isalpha() or len(acr) < 3:
        return None
    words = [(m.start(), m.end(), m.group(0)) for m in
             _LOOSE_WORD.finditer(text, max(0, end - 160), end)]
    if not words or text[words[-1][1]:end].strip(" \t\n,"):
        return None  # the name must run up to the bracket
    words = words[-(2 * len(acr) + 2):]
    letters = acr.lower()
    for i, (s, _, word) in enumerate(words):
        if not word[0].isupper() or not _spells([w[2] for w in words[i:]], letters):
            continue
        if word.lower() in _CONNECTORS and _spells([w[2] for w in words[i + 1:]], letters):
            continue  # "Het Europees Fonds ... (EFRO)": the article is no part of the name
        return s, words[-1][1]
    return None


def _spells(words: list[str], letters: str) -> bool:
    """Whether the initials of ``words`` spell ``letters``; a small word may be skipped."""
    if not words:
        return not letters
    first = words[0]
    small = first.lower() in _CONNECTORS
    if letters and first[0].lower() == letters[0] and _spells(words[1:], letters[1:]):
        return True
    return small and _spells(words[1:], letters)


def find_acronyms(text: str) -> list[Acronym]:
    """Definitions "Long Name (ACR)" and "ACR (Long Name)" whose initials agree."""
    found: list[Acronym] = []
    at = text.find("(")
    while at >= 0:
        m = _PAREN_ACR.match(text, at)
        if m:
            end = at
            while end and text[end - 1].isspace():
                end -= 1
            split = [(s + x.start(), s + x.end(), x.group(0))
                     for s, _, w in _long_before(text, end) for x in _WORD.finditer(w)]
            i = _fit(split, m.group("acr"))
            span = (split[i][0], split[-1][1]) if i is not None else _fit_loose(
                text, end, m.group("acr"))
            if span is not None:
                ls, le = span
                found.append(Acronym(m.group("acr"), " ".join(text[ls:le].split()), ls, le, ls,
                                     m.end()))
        else:
            m = _PAREN_LONG.match(text, at)
            before = _ACR_BEFORE.search(text, max(0, at - 14), at) if m else None
            if m and before:
                base = m.start("long")
                words = [(base + w.start(), base + w.end(), w.group(0)) for w in
                         _WORD.finditer(m.group("long"))]
                if _fit(words, before.group("acr")) == 0:
                    found.append(Acronym(before.group("acr"), " ".join(m.group("long").split()),
                                         m.start("long"), m.end("long"), before.start(),
                                         m.end()))
        at = text.find("(", at + 1)
    return found


def acronyms(doc: Any) -> list[Acronym]:
    """The acronyms ``doc`` defines (found once, cached on the doc)."""
    cached = getattr(doc, "_acronyms", None)
    if cached is None:
        cached = find_acronyms(doc.text)
        doc._acronyms = cached
    return cached  # type: ignore[no-any-return]


__all__ = ["Acronym", "Hit", "Known", "acronyms", "countries", "doc_scan", "find_acronyms",
           "organisations", "places", "scan", "scan_doc", "table"]

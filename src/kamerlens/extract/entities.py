"""Countries, organisations, people and places, each with every span where the text names it.

- Countries: pycountry's Dutch names plus the forms and adjectives in ``data/entities.toml``.
  An adjective counts as a mention of its country ("de Russische invasie" mentions Rusland): a
  reader who asks which countries a letter is about means those too. Only inflected adjectives
  are listed, because "Frans" and "Duits" are also names and languages.
- Organisations: the gazetteer, acronyms the document defines ("Ukraine Comprehensive
  Assistance Package (UCAP)"), and capitalised names built on an organisation word ("NATO
  Channel Committee", "Fonds Duurzaam Funderingsherstel").
- People: only where the text says it is a person: after a role ("de Minister van Buitenlandse
  Zaken van Noorwegen Anniken Huitfeldt", "minister Brekelmans"), a form of address ("de heer",
  "het lid Valstar", "motie Koster"), with initials ("W.B. Hoekstra") or as the signer. Every
  later use of the surname is a mention too.
- Places: a gazetteer of capitals, meeting cities and regions, and the places of events.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from kamerlens.extract import gazetteer
from kamerlens.extract.lexicon import alternation, load, trie_alternation
from kamerlens.extract.pipeline import Doc, component
from kamerlens.models import Entity, Mention


@dataclass
class _Found:
    type: str
    name: str
    code: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


# --- people ----------------------------------------------------------------------------------

_LOWER = "a-zà-öø-ÿ"
_UPPER = "A-ZÀ-ÖØ-Þ"
_PART = r"(?:van|de|der|den|ten|ter|te|op|in\s+'t|'t|von|du|da|le|la|el|al|bin|ben|vander)"
_CAP_PART = (
    r"(?:Van\s+der|Van\s+den|Van\s+de|Van|De|Den|Ter|Ten|Te|Op\s+de|Op\s+den|In\s+'t|'t"
    r"|Von|Du|Da|Le|La|El|Al)"
)
_SURNAME = rf"[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}][{_LOWER}'’]+)?"
_FIRST = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_INITIALS = rf"(?:[{_UPPER}][a-z]?\.\s?){{1,5}}"
_NAME = (
    rf"(?:{_INITIALS}(?:{_PART}\s+)*{_SURNAME}"
    rf"|{_CAP_PART}\s+{_SURNAME}"
    rf"|(?:{_FIRST}\s+)?(?:{_PART}\s+){{0,3}}{_SURNAME})"
)


@cache
def _people_patterns() -> dict[str, re.Pattern[str]]:
    data = load("entities")["people"]
    countries = [k for k, v in gazetteer.countries().items() if not v.adjective]
    complement = trie_alternation([*data["portfolios"], *countries])
    roles = alternation(data["roles"])
    honor = alternation(data["honorifics"])
    # After a role or a form of address a name starts with a capital: "minister van Defensie"
    # holds no name "van Defensie".
    name = rf"(?P<name>(?![a-z']){_NAME})(?![\w-])"
    return {
        "role": re.compile(
            # Atomic: a portfolio is taken whole, so "Volksgezondheid, Welzijn en Sport" leaves
            # no "Welzijn" to be read as a name.
            rf"(?<![\w-]){roles}(?>\s+(?:van|voor)\s+(?:de\s+|het\s+)?(?>{complement})(?![\w]))*+"
            rf",?\s+{name}"
        ),
        "honor": re.compile(
            rf"(?<![\w]){honor}\s*(?P<names>(?![a-z']){_NAME}(?![\w-])"
            rf"(?:\s*(?:,|en)\s+(?![a-z']){_NAME}(?![\w-]))*)"
        ),
        # A motion's heading in capitals: "MOTIE VAN DE LEDEN DE GROOT EN VAN LEEUWEN".
        "caps": re.compile(
            r"\b(?:LEDEN|LID|DE HEER|MEVROUW)\s+"
            r"(?P<names>[A-Z][A-Z'’-]+(?:\s+(?!EN\b)[A-Z][A-Z'’-]+)*"
            r"(?:\s*(?:,|EN)\s+[A-Z][A-Z'’-]+(?:\s+(?!EN\b)[A-Z][A-Z'’-]+)*)*)(?![\w])"
        ),
        # A royal decree: "Wij Willem-Alexander, bij de gratie Gods, Koning der Nederlanden".
        "royal": re.compile(rf"\bWij\s+(?P<name>{_NAME}),\s+bij\s+de\s+gratie"),
        "initials": re.compile(rf"(?<![\w.])(?P<name>(?:[{_UPPER}]\.\s?){{2,5}}(?:{_PART}\s+)*"
                               rf"{_SURNAME}|[{_UPPER}][a-z]?\.\s?(?:{_PART}\s+)*{_SURNAME})"
                               rf"(?![\w-])"),
        "one": re.compile(_NAME),
    }


@cache
def _not_names() -> frozenset[str]:
    data = load("entities")
    words = set(data["people"]["not_names"])
    for portfolio in data["people"]["portfolios"]:
        words.update(w.strip(",") for w in portfolio.split() if w[:1].isupper())
    words.update(w.capitalize() for w in load("dates")["months"] if not w.endswith("."))
    return frozenset(words)


_TITLES = re.compile(r"^(?:(?:[Dd]rs|[Dd]r|[Mm]r|[Pp]rof|[Ii]r|[Ii]ng|[Dd]s|[Bb]c|[Mm]sc)\.\s*)+")


def _clean_name(name: str) -> str | None:
    """The name without line breaks; None when a word of it is never a name."""
    name = _TITLES.sub("", " ".join(name.split()))
    words = re.findall(r"[\w'’]+", name)
    if not words:
        return None
    bad = _not_names()
    if words[-1] in bad or (len(words) == 1 and words[0] in bad):
        return None
    if any(w in bad for w in words if w[0].isupper() and not _is_particle(w)):
        return None
    if gazetteer.table().get(name) or gazetteer.table().get(words[-1]):
        return None
    return name


def _is_particle(word: str) -> bool:
    return word.lower() in {"van", "de", "der", "den", "ten", "ter", "te", "op", "in", "t"}


def surname_key(name: str) -> str:
    """'W.B. Hoekstra' and 'Hoekstra' share the key 'hoekstra'; 'Van der Lee' -> 'lee'."""
    words = [w for w in re.findall(r"[\w'’]+", name) if len(w) > 1 and not _is_particle(w)]
    return words[-1].lower() if words else name.lower()


def _surname_form(name: str) -> str:
    """The surname as written, particles included: 'E.J. van Dam' -> 'van Dam'."""
    m = re.search(rf"(?:{_CAP_PART}\s+|{_PART}\s+)*{_SURNAME}$", name)
    return m.group(0) if m else name


def _title(caps: str) -> str:
    """'VAN LEEUWEN' -> 'Van Leeuwen', 'JAN DE VRIES' -> 'Jan de Vries'."""
    words = [w.capitalize() for w in caps.split()]
    return " ".join(w.lower() if i and _is_particle(w) else w for i, w in enumerate(words))


def _single_initial_ok(text: str, start: int, end: int) -> bool:
    """"M. Snel" only as a signature line: alone on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip(" ,.")


def find_people(text: str, signer: str | None = None) -> list[tuple[str, int, int]]:
    """(name, start, end) of every person the text names as one."""
    pats = _people_patterns()
    found: list[tuple[str, int, int]] = []
    for key in ("role", "royal"):
        for m in pats[key].finditer(text):
            found.append((m.group("name"), m.start("name"), m.end("name")))
    for m in pats["honor"].finditer(text):
        base = m.start("names")
        for n in re.finditer(_NAME + r"(?![\w-])", m.group("names")):
            found.append((n.group(0), base + n.start(), base + n.end()))
    for m in pats["caps"].finditer(text):
        base = m.start("names")
        at = 0
        for part in re.split(r"\s*,\s*|\s+EN\s+", m.group("names")):
            at = m.group("names").index(part, at)
            found.append((_title(part), base + at, base + at + len(part)))
            at += len(part)
    for m in pats["initials"].finditer(text):
        s, e = m.start("name"), m.end("name")
        dots = m.group("name").count(".")
        if dots >= 2 or _single_initial_ok(text, s, e):
            found.append((m.group("name"), s, e))
    if signer:
        at = text.find(signer)
        found.append((signer, at, at + len(signer)) if at >= 0 else (signer, -1, -1))
    out = []
    for name, s, e in found:
        clean = _clean_name(name)
        if clean:
            out.append((clean, s, e))
    return out


_PARTICLE_BEFORE = re.compile(r"(?:\b(?:van|de|der|den|ter|ten|te)|'t)\s$")


def _people(doc: Doc) -> list[_Found]:
    signer = doc.info.get("signer")
    signer_name = getattr(signer, "name", None) if signer is not None else None
    by_key: dict[str, _Found] = {}
    for name, s, e in find_people(doc.text, signer_name):
        key = surname_key(name)
        entry = by_key.setdefault(key, _Found("person", name))
        if len(name) > len(entry.name):
            entry.name = name  # the fullest form: "W.B. Hoekstra" over "Hoekstra"
        if s >= 0:
            entry.spans.append((s, e))
    for entry in by_key.values():
        surname = _surname_form(entry.name)
        for m in re.finditer(rf"(?<![\w]){re.escape(surname)}(?![\w])", doc.text, re.IGNORECASE
                             if surname[:1].islower() else 0):
            if _PARTICLE_BEFORE.search(doc.text, max(0, m.start() - 5), m.start()):
                continue  # "Emiel van Dijk" is not a mention of "Dijk"
            entry.spans.append((m.start(), m.end()))
    return list(by_key.values())


# --- organisations from capitalised names ----------------------------------------------------

_CONNECT = r"(?:van|voor|de|der|het|en|op|in|tot|ter|ten|of|for|the|and|on|inzake|betreffende)"
_CAPWORD = rf"[{_UPPER}][\w'’&]*(?:-(?:[{_UPPER}][\w'’&]*)?)?"
_RUN = re.compile(rf"{_CAPWORD}(?:[ \t]+(?:{_CONNECT}[ \t]+)*{_CAPWORD})+")
_ORG_NOUN = re.compile(
    r"\b(?:stichting|vereniging|organisatie|bedrijf|agentschap|instelling|coöperatie|"
    rf"uitvoeringsorganisatie|toezichthouder)\s+(?P<name>[A-Z][A-Z0-9&-]{{1,9}}|{_CAPWORD})(?![\w])"
)


_SPLIT_BEFORE_HEAD: re.Pattern[str] | None = None


def _split(run: str) -> list[str]:
    """"X en het Y", "NRC en Omroep Gelderland": two names; "Justitie en Veiligheid": one."""
    global _SPLIT_BEFORE_HEAD
    if _SPLIT_BEFORE_HEAD is None:
        heads = alternation(_org_words()[0])
        _SPLIT_BEFORE_HEAD = re.compile(rf"\s+en\s+(?:het\s+|de\s+|(?={heads}\b))")
    return [p for p in _SPLIT_BEFORE_HEAD.split(run) if p]
_TOKEN = re.compile(r"\S+")


@cache
def _lead_nouns() -> re.Pattern[str]:
    words = load("entities")["org_heads"]["lead_nouns"]
    return re.compile("(?:" + alternation(w.lower() for w in words) + ")$", re.IGNORECASE)


class _LeadNoun:
    """Lazy: the pattern is built from the data file on first use."""

    def search(self, word: str) -> bool:
        return bool(_lead_nouns().search(word))


_LEAD_NOUN = _LeadNoun()


def _org_piece(
    piece: str, at: int, heads: frozenset[str], not_org: frozenset[str], bad: frozenset[str]
) -> tuple[str, int, int] | None:
    """(name, start, end) when a capitalised run names an organisation."""
    tokens = [(at + m.start(), at + m.end(), m.group(0)) for m in _TOKEN.finditer(piece)]
    words = [t[2].rstrip("-") for t in tokens]
    if not any(w in heads for w in words) or any(w in not_org for w in words):
        return None
    # Drop sentence words in front ("De", "Tevens") and trailing words that are no part of the
    # name ("... Funderingsherstel EUR 1.600.000").
    while tokens and (tokens[0][2] in bad or tokens[0][2].islower()) and tokens[0][2] not in heads:
        tokens = tokens[1:]
    # "Reactie van de Algemene Rekenkamer", "Jaarverslag Ministerie van ...": a noun in front
    # of the name ("Centraal" and "Koninklijke" belong to it; "Wagner Group" stays whole).
    while len(tokens) > 1 and tokens[0][2] not in heads and (
            tokens[1][2] == "van" or _LEAD_NOUN.search(tokens[0][2])):
        tokens = tokens[1:]
        while tokens and tokens[0][2].islower():
            tokens = tokens[1:]
    while tokens and (tokens[-1][2].isupper() or tokens[-1][2].islower()) and \
            tokens[-1][2] not in heads:
        tokens = tokens[:-1]
    if sum(t[2][0].isupper() for t in tokens) < 2:
        return None
    start, end = tokens[0][0], tokens[-1][1]
    return " ".join(t[2] for t in tokens), start, end


@cache
def _org_words() -> tuple[frozenset[str], frozenset[str]]:
    data = load("entities")["org_heads"]
    return frozenset(data["words"]), frozenset(data["not_org"])


def find_org_names(text: str) -> list[tuple[str, int, int]]:
    """Capitalised runs holding an organisation word: (name, start, end)."""
    heads, not_org = _org_words()
    bad = _not_names() - heads
    out = []
    for run in _RUN.finditer(text):
        # "Koninklijke BLN-Schuttevaer en het Centraal Bureau ...": two names.
        pieces = _split(run.group(0))
        at = run.start()
        for piece in pieces:
            at = text.index(piece, at)
            named = _org_piece(piece, at, heads, not_org, bad)
            if named:
                out.append(named)
            at += len(piece)
    for m in _ORG_NOUN.finditer(text):
        name = m.group("name")
        if name not in _not_names() and not gazetteer.table().get(name):
            out.append((name, m.start("name"), m.end("name")))
    return out


# --- places by rule --------------------------------------------------------------------------

_PLACE = r"[A-Z'][A-Za-zà-ÿ'’]+(?:-[A-Za-zà-ÿ'’]+)*(?:[ ][A-Z][A-Za-zà-ÿ'’-]+)?"
_PLACE_RULES = (
    # an address: "2500 EA Den Haag", "1935 AS, Egmond-Binnen"
    re.compile(rf"(?<![\w])\d{{4}}[ ]?[A-Z]{{2}},?[ \t]+(?P<place>{_PLACE})(?![\w])"),
    # a signature line: "Wassenaar, 9 maart 2018"
    re.compile(rf"(?m)^[ \t]*(?P<place>{_PLACE}),[ \t]+(?=\d{{1,2}}[ \t]+[a-z]+[ \t]+\d{{4}})"),
    # a municipality: "het gemeentehuis van Bergen", "Burgemeester en wethouders van Bergen"
    re.compile(rf"\b(?:gemeente|gemeentehuis\s+van|college\s+van|[Bb]urgemeester\s+en\s+"
               rf"wethouders\s+van|[Bb]urgemeester\s+van|gemeenteraad\s+van|provincie)\s+"
               rf"(?P<place>{_PLACE})(?![\w])"),
)


def find_places(text: str) -> list[str]:
    """Place names that addresses, signature lines and municipal bodies give."""
    out = []
    bad = _not_names()
    for rule in _PLACE_RULES:
        for m in rule.finditer(text):
            name = m.group("place")
            if name.isupper():
                name = "-".join(" ".join(w.capitalize() for w in part.split())
                                for part in name.split("-"))
            if name not in bad and name.split()[0] not in bad:
                out.append(name)
    return out


_EU_CONTEXT = {"EU", "Europese Raad", "Europese Commissie", "Raad van de Europese Unie"}
_COMMISSION = re.compile(r"(?<=[Dd]e\s)Commissie(?!\s+(?:van|voor|inzake)\b|[\w-])")


# --- the component ---------------------------------------------------------------------------


def _overlaps(spans: Iterable[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def _add(table: dict[tuple[str, str], _Found], type_: str, name: str, code: str | None,
         span: tuple[int, int]) -> None:
    entry = table.setdefault((type_, name), _Found(type_, name, code))
    entry.spans.append(span)


_ADDRESSEE = re.compile(r"Voorzitter\s+van\s+de\s+$")


def collect(doc: Doc) -> list[_Found]:
    """Every entity of ``doc`` with all its spans (unordered, spans unsorted)."""
    text = doc.text
    table: dict[tuple[str, str], _Found] = {}
    taken: list[tuple[int, int]] = []
    acrs = [a for a in gazetteer.acronyms(doc) if a.is_org]
    known = gazetteer.table()
    defined = {a.acronym: a for a in acrs}
    for a in acrs:
        canon = known.get(a.acronym) or known.get(a.long)
        name = canon.name if canon and canon.type == "organisation" else a.acronym
        _add(table, "organisation", name, None, (a.long_start, a.long_end))
        taken.append((a.long_start, a.long_end))
    if defined:
        pat = re.compile(r"(?<![\w])(?:" + alternation(defined) + r")(?![\w])")
        for m in pat.finditer(text):
            if not _overlaps(taken, m.start(), m.end()):
                a = defined[m.group(0)]
                canon = known.get(a.acronym) or known.get(a.long)
                name = canon.name if canon and canon.type == "organisation" else a.acronym
                _add(table, "organisation", name, None, (m.start(), m.end()))
    for name, s, e in find_org_names(text):
        if not _overlaps(taken, s, e):
            canon = known.get(name)
            _add(table, "organisation", canon.name if canon else name, None, (s, e))
            taken.append((s, e))
    for hit in gazetteer.scan(text):
        if _overlaps(taken, hit.start, hit.end) and hit.known.type != "country":
            continue
        if hit.known.type == "organisation" and _ADDRESSEE.search(text, max(0, hit.start - 30),
                                                                  hit.start):
            continue  # the letterhead's "De Voorzitter van de Tweede Kamer": no mention
        k = hit.known
        _add(table, k.type, k.name, k.code, (hit.start, hit.end))
    for ev in doc.results.get("events", ()):
        place = getattr(ev, "place", None)
        if place and ("place", place) not in table and not known.get(place):
            for m in re.finditer(rf"(?<![\w]){re.escape(place)}(?![\w])", text):
                _add(table, "place", place, None, (m.start(), m.end()))
    for place in dict.fromkeys(find_places(text)):
        kind = known.get(place)
        if kind is not None and kind.type != "place" or ("place", place) in table:
            continue
        for m in re.finditer(rf"(?<![\w]){re.escape(place)}(?![\w])", text, re.IGNORECASE):
            _add(table, "place", place, None, (m.start(), m.end()))
    if any(("organisation", n) in table for n in _EU_CONTEXT):
        # In a text about the EU, "de Commissie" is the European Commission.
        for m in _COMMISSION.finditer(text):
            _add(table, "organisation", "Europese Commissie", None, (m.start(), m.end()))
    people = _people(doc)
    names_taken = {n for (_, n) in table}
    for person in people:
        if person.name in names_taken:
            continue
        table[("person", person.name)] = person
    return list(table.values())


def _entity(found: _Found) -> Entity:
    spans = sorted(set(found.spans))
    return Entity(
        type=found.type,  # type: ignore[arg-type]
        name=found.name,
        code=found.code,
        mentions=tuple(Mention(s, e) for s, e in spans),
    )


@component("entities", needs=(), sets=("entities",))
def entities(doc: Doc) -> None:
    found = [f for f in collect(doc) if f.spans]
    found.sort(key=lambda f: min(f.spans))
    doc.results["entities"] = [_entity(f) for f in found]


__all__ = ["collect", "find_org_names", "find_people", "surname_key"]

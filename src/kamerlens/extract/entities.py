"""Countries, organisations, people and places, each with every span where the text names it.

- Countries: pycountry's Dutch names plus the forms and adjectives in ``data/entities.toml``.
  An adjective counts as a mention of its country ("de Russische invasie" mentions Rusland): a
  reader who asks which countries a letter is about means those too. Only inflected adjectives
  are listed, because "Frans" and "Duits" are also names and languages.
  An adjective after a region word and a hyphen ("Latijns-Amerikaanse") names a region.
- Organisations: the gazetteer, acronyms the document defines ("European Peace
  Facility (EPF)", "Nederlandse orde van advocaten (NOvA)"), with every later use
  of the long name, and capitalised names built on an organisation word ("NATO Channel
  Committee", "Fonds Duurzaam Funderingsherstel"). A body named inside an office title
  ("Staatssecretaris van Financiën – Toeslagen en Douane") is no mention of that body.
- People: only where the text says it is a person: after a role ("de Minister van Buitenlandse
  Zaken van Noorwegen Espen Barth Eide", "minister Brekelmans"), a form of address ("de heer",
  "het lid Jansen", "motie Koster"), with initials ("A.B. Bakker"), as the signer, or under
  a motion's closing formula (its signatories, one per line). Every later use of the surname
  is a mention too.
- Places: a gazetteer of Dutch municipalities and towns (``data/places_nl.txt``), capitals,
  meeting cities and regions, and the places of events; "Van Houten" is a person, no town.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from kamerlens.extract import gazetteer
from kamerlens.extract.lexicon import (
    alternation,
    find_all,
    hits,
    keywords,
    load,
    lower,
    numbers,
    trie_alternation,
)
from kamerlens.extract.pipeline import Doc, component
from kamerlens.models import Entity, Mention


@dataclass
class _Found:
    type: str
    name: str
    code: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


# --- people ----------------------------------------------------------------------------------

_LOWER = "a-zà-öø-ÿā-žș-ț"  # Latin-1 and Latin Extended-A: "Sinkevičius", "Šefčovič"
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽȘ-Ț"
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


_PARTY = r"(?:\s*\([A-Z][\w&/-]{0,14}(?:[ -][\w&/]+){0,2}\))?"


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
            rf"{roles}(?>\s+(?:van|voor)\s+(?:de\s+|het\s+)?(?>{complement})(?![\w]))*+"
            rf",?\s+{name}"
        ),
        # A member's party may follow in brackets: "de leden Soepboer (NSC) en Bontenbal (CDA)".
        "honor": re.compile(
            rf"{honor}\s*(?P<names>(?![a-z']){_NAME}(?![\w-])"
            rf"(?:{_PARTY}\s*(?:,|en)\s+(?![a-z']){_NAME}(?![\w-]))*)"
        ),
        # A motion's heading in capitals: "MOTIE VAN DE LEDEN DE GROOT EN VAN LEEUWEN".
        "caps": re.compile(
            r"(?:(?:DE|HET)\s+)?(?:LEDEN|LID|DE HEER|MEVROUW)\s+"
            r"(?P<names>[A-Z][A-Z'’-]+(?:\s+(?!EN\b)[A-Z][A-Z'’-]+)*"
            r"(?:\s*(?:,|EN)\s+[A-Z][A-Z'’-]+(?:\s+(?!EN\b)[A-Z][A-Z'’-]+)*)*)(?![\w])"
        ),
        # A royal decree: "Wij Willem-Alexander, bij de gratie Gods, Koning der Nederlanden".
        "royal": re.compile(rf"Wij\s+(?P<name>{_NAME}),\s+bij\s+de\s+gratie"),
        # Starts with a capital and a full stop: the engine skips to those quickly.
        "initials": re.compile(rf"(?P<name>(?:[{_UPPER}]\.\s?){{2,5}}(?:{_PART}\s+)*"
                               rf"{_SURNAME}|[{_UPPER}][a-z]?\.\s?(?:{_PART}\s+)*{_SURNAME})"
                               rf"(?![\w-])"),
        "one": re.compile(_NAME),
    }


@cache
def _not_names() -> frozenset[str]:
    data = load("entities")
    words = set(data["people"]["not_names"])
    for portfolio in data["people"]["portfolios"]:
        # "Welzijn", "Koninkrijksrelaties": words of a portfolio are no names ("NAVO" stays).
        words.update(w.strip(",") for w in portfolio.split() if w[:1].isupper()
                     and not w.isupper())
    words.update(w.capitalize() for w in load("dates")["months"] if not w.endswith("."))
    return frozenset(words)


_TITLES = re.compile(r"^(?:(?:[Dd]rs|[Dd]r|[Mm]r|[Pp]rof|[Ii]r|[Ii]ng|[Dd]s|[Bb]c|[Mm]sc)\.\s*)+")


_NAME_WORD = re.compile(r"[\w'’]+")


def _clean_name(name: str) -> str | None:
    """The name without line breaks; None when a word of it is never a name."""
    name = _TITLES.sub("", " ".join(name.split()))
    words = _NAME_WORD.findall(name)
    if not words:
        return None
    bad = _not_names()
    if words[-1] in bad or (len(words) == 1 and words[0] in bad):
        return None
    if any(w in bad for w in words if w[0].isupper() and not _is_particle(w)):
        return None
    known = gazetteer.table()
    if known.get(name):
        return None
    last = known.get(words[-1])
    if last is not None and (last.type != "place" or len(words) == 1):
        return None  # "Van Houten", "A. van Weert": a surname that is also a town is fine
    return name


def _is_particle(word: str) -> bool:
    return word.lower() in {"van", "de", "der", "den", "ten", "ter", "te", "op", "in", "t"}


def surname_key(name: str) -> str:
    """'A.B. Bakker' and 'Bakker' share the key 'bakker'; 'Van der Lee' -> 'lee'."""
    words = [w for w in _NAME_WORD.findall(name) if len(w) > 1 and not _is_particle(w)]
    return words[-1].lower() if words else name.lower()


def _surname_form(name: str) -> str:
    """The surname as written, particles included: 'E.J. van Dam' -> 'van Dam'."""
    m = _SURNAME_FORM.search(name)
    return m.group(0) if m else name


_SURNAME_FORM = re.compile(rf"(?:{_CAP_PART}\s+|{_PART}\s+)*{_SURNAME}$")


_AFTER_MEMBER = frozenset({"over", "c.s.", "c.s", "cs", "en", "van", "die", "is", "wordt",
                           "werd", "zal", "met", "inzake", "om", "ter", "tot", "nr.", "dat",
                           "aan", "op", "heeft", "was", "kan", "vraagt", "verzoekt", "betreffende",
                           "(nr.", "ingediend", "aangenomen", "verworpen", "c.", "e.a."})
_NEXT = re.compile(r"\s+(\S+)")


def _titled_thing(text: str, at: int, end: int) -> bool:
    """After "motie"/"amendement" a name is a member only when what follows fits one: "motie
    Koster over ...", "motie-Koster c.s."; "motie Aanpak wachtlijsten" names the motion."""
    if text[at:at + 4].lower() not in ("moti", "amen"):
        return False
    nxt = _NEXT.match(text, end)
    if nxt is None:
        return False
    word = nxt.group(1).lower().rstrip(",.;:)")
    return bool(word) and word[0].isalpha() and word.islower() and word not in _AFTER_MEMBER


def _title(caps: str) -> str:
    """'VAN LEEUWEN' -> 'Van Leeuwen', 'JAN DE VRIES' -> 'Jan de Vries'."""
    words = [w.capitalize() for w in caps.split()]
    return " ".join(w.lower() if i and _is_particle(w) else w for i, w in enumerate(words))


def _single_initial_ok(text: str, start: int, end: int) -> bool:
    """"M. Snel" only as a signature: alone on its line, under a line that ends with a comma
    ("De Staatssecretaris van Financiën,"). "A. Inleiding" is a heading."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip(" ,."):
        return False
    above = text[:line_start].rstrip()
    return above.endswith(",")


@keywords("people")
@cache
def _people_triggers() -> tuple[str, ...]:
    data = load("entities")["people"]
    words = {w.lower().rstrip("-") for w in [*data["roles"], *data["honorifics"]]}
    return tuple(sorted(words | {"wij"}))


@cache
def _trigger_kinds() -> tuple[frozenset[str], frozenset[str]]:
    """The trigger words that open a role, and those that open a form of address."""
    data = load("entities")["people"]
    return (frozenset(w.lower().rstrip("-") for w in data["roles"]),
            frozenset(w.lower().rstrip("-") for w in data["honorifics"]) | {"heer", "lid", "leden"})


def find_people(
    text: str, signer: str | None = None, low: str | None = None,
    triggers: list[tuple[int, str]] | None = None,
) -> list[tuple[str, int, int]]:
    """(name, start, end) of every person the text names as one."""
    pats = _people_patterns()
    if triggers is None:
        low = text.lower() if low is None else low
        triggers = find_all(low, _people_triggers(), right=False)
    found: list[tuple[str, int, int]] = []
    role_words, honor_words = _trigger_kinds()
    for at, word in triggers:
        if at and text[at - 1] == "-":
            continue
        # Each pattern opens with its own words: try only the ones the trigger word can open.
        for key in ("role", "royal"):
            if (word in role_words) if key == "role" else (word == "wij"):
                m = pats[key].match(text, at)
                if m:
                    found.append((m.group("name"), m.start("name"), m.end("name")))
        m = pats["honor"].match(text, at) if word in honor_words else None
        if m and _titled_thing(text, at, m.end()):
            m = None  # "de motie Aanpak wachtlijsten": a motion's title, no member
        if m:
            base = m.start("names")
            for n in re.finditer(_NAME + r"(?![\w-])", m.group("names")):
                found.append((n.group(0), base + n.start(), base + n.end()))
        m = pats["caps"].match(text, at) if text[at:at + 2].isupper() else None
        if m:
            base, names = m.start("names"), m.group("names")
            pos = 0
            for part in re.split(r"\s*,\s*|\s+EN\s+", names):
                pos = names.index(part, pos)
                found.append((_title(part), base + pos, base + pos + len(part)))
                pos += len(part)
    # Initials: a capital and a full stop ("A.B. Bakker"); found from the full stops, far
    # fewer than the capitals a pattern would have to try, and only those after a capital.
    after = 0  # the full stops before it lie in initials found
    for stop in _INITIAL_STOP.finditer(text):
        dot = stop.start()
        if dot < after:
            continue
        s = dot - 1
        if text[s].isupper() and not (s and (text[s - 1].isalnum() or text[s - 1] == ".")):
            m = pats["initials"].match(text, s)
            if m:
                e = m.end("name")
                if m.group("name").count(".") >= 2 or _single_initial_ok(text, s, e):
                    found.append((m.group("name"), s, e))
                after = e
        elif s and text[s].islower() and text[s - 1].isupper() and not (
                s > 1 and (text[s - 2].isalnum() or text[s - 2] == ".")):
            m = pats["initials"].match(text, s - 1)  # "Th. van Dijk"
            if m and _single_initial_ok(text, s - 1, m.end("name")):
                found.append((m.group("name"), s - 1, m.end("name")))
    found += _signatories(text)
    if signer:
        at = text.find(signer)
        found.append((signer, at, at + len(signer)) if at >= 0 else (signer, -1, -1))
    out = []
    seen: set[tuple[int, int]] = set()
    for name, s, e in found:
        clean = _clean_name(name)
        if clean and (s < 0 or (s, e) not in seen):
            seen.add((s, e))
            out.append((clean, s, e))
    return out


# A full stop where initials can end: after a capital ("A."), or a capital and a lower-case
# letter ("Th."). Led by the full stop, a literal the engine skips to.
_INITIAL_STOP = re.compile(rf"\.(?:(?<=[{_UPPER}]\.)|(?<=[{_UPPER}][a-z]\.))")


# The closing formula of a motion, after which its signatories stand one per line.
_CLOSING = "over tot de orde van de dag"
_SIGNATORY = re.compile(rf"[ \t]*(?P<name>(?:{_INITIALS})?(?:{_CAP_PART}\s+|{_PART}\s+)*"
                        rf"{_SURNAME})(?:[ \t]+c\.s\.)?[ \t]*(?:\n|$)")


def _signatories(text: str) -> list[tuple[str, int, int]]:
    """Surnames listed under a motion ("... en gaat over tot de orde van de dag.\n\nVan Kent\n
    Maatoug\n..."): people, whether or not the text names them elsewhere."""
    out: list[tuple[str, int, int]] = []
    at = text.find(_CLOSING)
    while at >= 0:
        pos = text.find("\n", at)
        while 0 <= pos < len(text) and text[pos] == "\n":
            pos += 1  # the blank line(s) under the formula
        while pos >= 0:
            m = _SIGNATORY.match(text, pos)
            if m is None or m.end() == pos:
                break
            out.append((m.group("name"), m.start("name"), m.end("name")))
            pos = m.end()
            if text.startswith("\n", pos):
                pos += 1  # one blank line between the names of a spaced-out list
        at = text.find(_CLOSING, at + len(_CLOSING))
    return out


_PARTICLE_BEFORE = re.compile(r"(?:\b(?:van|de|der|den|ter|ten|te)|'t)\s$")


def _people(doc: Doc) -> list[_Found]:
    signer = doc.info.get("signer")
    signer_name = getattr(signer, "name", None) if signer is not None else None
    by_key: dict[str, _Found] = {}
    for name, s, e in find_people(doc.text, signer_name, lower(doc),
                                  hits(doc, "people", right=False)):
        key = surname_key(name)
        entry = by_key.setdefault(key, _Found("person", name))
        if len(name) > len(entry.name):
            entry.name = name  # the fullest form: "A.B. Bakker" over "Bakker"
        if s >= 0:
            entry.spans.append((s, e))
    for entry in by_key.values():
        surname = _surname_form(entry.name)
        # "van Dam" is also written "Van Dam"; a capitalised surname only as written.
        hay, needle = (lower(doc), surname.lower()) if surname[:1].islower() else (doc.text,
                                                                                    surname)
        for at, _ in find_all(hay, [needle]):
            if _PARTICLE_BEFORE.search(doc.text, max(0, at - 5), at):
                continue  # "Emiel van Dijk" is not a mention of "Dijk"
            entry.spans.append((at, at + len(surname)))
    return list(by_key.values())


# --- organisations from capitalised names ----------------------------------------------------

_CONNECT = r"(?:van|voor|de|der|het|en|op|in|tot|ter|ten|of|for|the|and|on|inzake|betreffende)"
_CAPWORD = rf"[{_UPPER}][\w'’&]*(?:-(?:[{_UPPER}][\w'’&]*)?)?"
_RUN = re.compile(rf"{_CAPWORD}(?:[ \t]+(?:{_CONNECT}[ \t]+)*{_CAPWORD})+")
_ORG_NOUNS = ("stichting", "vereniging", "organisatie", "bedrijf", "agentschap", "instelling",
              "coöperatie", "uitvoeringsorganisatie", "toezichthouder")
_ORG_NOUN = re.compile(
    r"(?:stichting|vereniging|organisatie|bedrijf|agentschap|instelling|coöperatie|"
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


# Words that join a noun in front to a name without belonging to it: "Reactie van de Algemene
# Rekenkamer", "Samenwerking in het NATO Channel Committee" (not "voor": "Centraal Bureau voor").
_LOOSE_CONNECT = frozenset({"van", "in", "op", "het", "de", "tot", "ter", "ten", "of", "on",
                            "to", "the", "for", "and", "inzake", "betreffende"})


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
    while len(tokens) > 1 and tokens[0][2] not in heads and not tokens[0][2].isupper() and (
            tokens[1][2] in _LOOSE_CONNECT or _LEAD_NOUN.search(tokens[0][2])):
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
def _not_org_names() -> frozenset[str]:
    return _not_names() - _org_words()[0]


@cache
def _org_words() -> tuple[frozenset[str], frozenset[str]]:
    data = load("entities")["org_heads"]
    return frozenset(data["words"]), frozenset(data["not_org"])


@keywords("org_heads")
def _head_triggers() -> list[str]:
    return [h.lower() for h in _org_words()[0]]


@keywords("org_nouns")
def _org_noun_triggers() -> tuple[str, ...]:
    return _ORG_NOUNS


@keywords("municipal")
def _municipal_triggers() -> tuple[str, ...]:
    return _MUNICIPAL_WORDS


def find_org_names(
    text: str, low: str | None = None, head_hits: list[tuple[int, str]] | None = None,
    noun_hits: list[tuple[int, str]] | None = None,
) -> list[tuple[str, int, int]]:
    """Capitalised runs holding an organisation word: (name, start, end).

    Runs are read only around the organisation words: scanning every capitalised word of a
    long text for runs would cost more than all the rest.
    """
    heads, not_org = _org_words()
    bad = _not_org_names()
    out = []
    seen: set[int] = set()
    if head_hits is None:
        head_hits = find_all(text, heads)
    for at, word in head_hits:
        if not text[at].isupper() or text[at:at + len(word)] not in heads:
            continue  # "de vaste commissie": a capital makes it a name
        line = text.rfind("\n", 0, at) + 1
        stop = text.rfind(". ", line, at)
        begin = max(line, stop + 2 if stop >= 0 else line, at - 160)
        end = text.find("\n", at)
        end = min(len(text) if end < 0 else end, at + 200)
        for run in _RUN.finditer(text, begin, end):
            if run.start() in seen or not run.start() <= at < run.end():
                continue
            seen.add(run.start())
            # "Koninklijke BLN-Schuttevaer en het Centraal Bureau ...": two names.
            pos = run.start()
            for piece in _split(run.group(0)):
                pos = text.index(piece, pos)
                named = _org_piece(piece, pos, heads, not_org, bad)
                if named:
                    out.append(named)
                pos += len(piece)
    if noun_hits is None:
        low = text.lower() if low is None else low
        noun_hits = find_all(low, _ORG_NOUNS, right=False)
    for at, _ in noun_hits:
        m = _ORG_NOUN.match(text, at)
        if m is None:
            continue
        name = m.group("name")
        if name not in _not_names() and not gazetteer.table().get(name):
            out.append((name, m.start("name"), m.end("name")))
    return out


# --- places by rule --------------------------------------------------------------------------

_PLACE = r"[A-Z'][A-Za-zà-ÿ'’]+(?:-[A-Za-zà-ÿ'’]+)*(?:[ ][A-Z][A-Za-zà-ÿ'’-]+)?"
# An address: "2500 EA Den Haag", "1935 AS, Egmond-Binnen" (starts with digits: fast to scan).
_POSTCODE = re.compile(rf"[0-9]{{4}}[ ]?[A-Z]{{2}},?[ \t]+(?P<place>{_PLACE})(?![\w])")
# A signature line: "Wassenaar, 9 maart 2018" (a line start: found from the line break).
_SIGNED = re.compile(rf"\n[ \t]*(?P<place>{_PLACE}),[ \t]+(?=\d{{1,2}}[ \t]+[a-z]+[ \t]+\d{{4}})")
# A municipality: "het gemeentehuis van Bergen", "Burgemeester en wethouders van Bergen".
_MUNICIPAL_WORDS = ("gemeente", "gemeentehuis", "college van", "burgemeester", "gemeenteraad",
                    "provincie")
_MUNICIPAL = re.compile(rf"(?:gemeente|gemeentehuis\s+van|college\s+van|[Bb]urgemeester\s+en\s+"
                        rf"wethouders\s+van|[Bb]urgemeester\s+van|gemeenteraad\s+van|provincie)"
                        rf"\s+(?P<place>{_PLACE})(?![\w])")


def find_places(
    text: str, low: str | None = None, municipal: list[tuple[int, str]] | None = None,
    nums: list[tuple[int, int]] | None = None, doc: Doc | None = None,
) -> list[str]:
    """Place names that addresses, signature lines and municipal bodies give."""
    if municipal is None:
        low = text.lower() if low is None else low
        municipal = find_all(low, _MUNICIPAL_WORDS, right=False)
    matches = []
    for a, b in numbers(text, doc) if nums is None else nums:
        if b - a == 4 and not (a and text[a - 1].isalnum()):
            m = _POSTCODE.match(text, a)
            if m:
                matches.append(m)
    matches += list(_SIGNED.finditer(text))
    first = _SIGNED.match("\n" + text[:200])  # a signature line that opens the text
    for at, _ in municipal:
        m = _MUNICIPAL.match(text, at)
        if m:
            matches.append(m)
    names = [m.group("place") for m in matches]
    if first:
        names.append(first.group("place"))
    out = []
    bad = _not_names()
    for name in names:
        if name.isupper():
            name = "-".join(" ".join(w.capitalize() for w in part.split())
                            for part in name.split("-"))
        if name not in bad and name.split()[0] not in bad:
            out.append(name)
    return out


_EU_CONTEXT = {"EU", "Europese Raad", "Europese Commissie", "Raad van de Europese Unie"}


def _commission(text: str, heads: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """"de Commissie" (not "Commissie van/voor ...", not "Commissie-Remkes") in an EU text."""
    out = []
    for at, _ in heads:
        if text[at:at + 9] != "Commissie":
            continue
        if not re.search(r"[Dd]e\s$", text[max(0, at - 3):at]):
            continue
        if re.match(r"\s+(?:van|voor|inzake)\b|-", text[at + 9:at + 20]):
            continue
        out.append((at, at + 9))
    return out


# --- the component ---------------------------------------------------------------------------


class _Taken:
    """Spans already given to a longer name, as a byte mask: O(1) to ask, however many."""

    def __init__(self, length: int) -> None:
        self.mask = bytearray(length + 1)

    def add(self, s: int, e: int) -> None:
        self.mask[s:e] = b"\x01" * (e - s)

    def overlaps(self, s: int, e: int) -> bool:
        return self.mask.find(1, s, e) >= 0


def _add(table: dict[tuple[str, str], _Found], type_: str, name: str, code: str | None,
         span: tuple[int, int]) -> None:
    entry = table.get((type_, name))
    if entry is None:
        entry = table[(type_, name)] = _Found(type_, name, code)
    entry.spans.append(span)


_ADDRESSEE = re.compile(r"Voorzitter\s+van\s+de\s+$")


@cache
def _office_title() -> re.Pattern[str]:
    """A Dutch office with its portfolio: "Staatssecretaris van Financiën – Toeslagen en
    Douane", "Minister voor Armoedebeleid, Participatie en Pensioenen". A body named in the
    portfolio ("Douane", "Belastingdienst") is part of the title, no mention of that body."""
    ports = [p for p in load("entities")["people"]["portfolios"]
             if not p.startswith("de ") and not p.isupper() and p[0].isupper()
             and p not in _FOREIGN_PORTFOLIOS]
    port = trie_alternation(ports)
    return re.compile(rf"(?:[Mm]inister|[Ss]taatssecretaris)(?:\s+(?:van|voor)\s+{port}"
                      rf"|\s*[–—-]\s*{port}|\s+{port})+(?![\w])")


_FOREIGN_PORTFOLIOS = frozenset({"Defence", "Foreign Affairs", "State"})


def _office_spans(doc: Doc, taken: _Taken) -> None:
    text = doc.text
    pattern = _office_title()
    for at, word in hits(doc, "people", right=False):
        if word in ("minister", "staatssecretaris"):
            m = pattern.match(text, at)
            if m:
                taken.add(m.start(), m.end())


def _org_name(acronym: gazetteer.Acronym) -> str:
    known = gazetteer.table()
    canon = known.get(acronym.acronym) or known.get(acronym.long)
    return canon.name if canon and canon.type == "organisation" else acronym.acronym


# "Conferentie van Partijen (COP16)", "Top (...)": a meeting, an event rather than a body.
_MEETING = re.compile(
    r"(?i)(?:de\s+)?(?:\w+\s+)?(?:conferentie|conference|top|summit|topbijeenkomst)\b"
)
# "VN-Woestijnverdrag", "EU-Turkije-akkoord", "VN-Klimaatconventie": a treaty, no organisation.
_TREATY_AFTER = re.compile(
    r"-[\w-]*(?:verdrag|conventie|akkoord|overeenkomst|protocol|convention|agreement)\b", re.I
)
# Printing furniture the normalizer left in the text: the Kamerstuk head
# ("Tweede Kamer der Staten-Generaal 2 Vergaderjaar 2024–2025"), the footer
# ("Tweede Kamer, vergaderjaar 2024–2025, 21 501-08, nr. 950") and the colophon
# ("ISSN 0921 - 7371 's-Gravenhage 2024", "sdu.nl"): no mention of the House or the city.
_FURNITURE = re.compile(
    r"(?m)^[ \t]*Tweede[ \t]+Kamer\b[^\n]*?(?:[Vv]ergaderjaar[ \t]+\d{4}|Aanhangsel)[^\n]*"
    r"|^[^\n]*\bISSN\b[^\n]*|^[^\n]*\bsdu\.nl\b[^\n]*"
    r"|'s-Gravenhage[ \t]+\d{4}[ \t]*$"
)


# Every match of _FURNITURE lies within one line and holds one of these words; the pattern
# (tried at every position, as "^" gives the engine nothing to skip to) is tried only in the
# lines that hold one, and where it can match: the head's "Tweede" opens its line, and only the
# colophon's city can match after a line's start.
_FURNITURE_WORDS = ("Tweede", "ISSN", "sdu.nl", "'s-Gravenhage")
_FURNITURE_INNER = "'s-Gravenhage"


def _furniture_spans(text: str) -> list[tuple[int, int]]:
    lines = set()
    for word in _FURNITURE_WORDS:
        at = text.find(word)
        while at >= 0:
            line = text.rfind("\n", 0, at) + 1
            if word != "Tweede" or not text[line:at].strip(" \t"):
                lines.add(line)
            at = text.find(word, at + 1)
    out = []
    for start in sorted(lines):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        # A match ends at its line's end, so a line holds one at most.
        m = _FURNITURE.match(text, start, end)
        if m is None and text.find(_FURNITURE_INNER, start, end) >= 0:
            m = _FURNITURE.search(text, start, end)
        if m:
            out.append(m.span())
    return out


def collect(doc: Doc) -> list[_Found]:
    """Every entity of ``doc`` with all its spans (unordered, spans unsorted)."""
    text = doc.text
    low = lower(doc)
    table: dict[tuple[str, str], _Found] = {}
    taken = _Taken(len(text))
    known = gazetteer.table()
    titles = _Taken(len(text))
    _office_spans(doc, titles)
    acrs = [a for a in gazetteer.acronyms(doc) if a.is_org and not _MEETING.match(a.long)]
    for a in acrs:
        _add(table, "organisation", _org_name(a), None, (a.long_start, a.long_end))
        taken.add(a.long_start, a.long_end)
    defined = {a.acronym: a for a in acrs}
    for at, acr in find_all(text, defined):
        if not taken.overlaps(at, at + len(acr)):
            _add(table, "organisation", _org_name(defined[acr]), None, (at, at + len(acr)))
    searched: set[str] = set()
    for a in acrs:
        # The long name used again elsewhere (a heading, a later sentence) names the same body.
        pattern = r"\s+".join(re.escape(w) for w in a.long.split())
        if pattern in searched:
            continue  # defined again (each copy of a list): every match of it is taken already
        searched.add(pattern)
        for m in re.finditer(pattern, text):
            if not taken.overlaps(m.start(), m.end()):
                _add(table, "organisation", _org_name(a), None, m.span())
                taken.add(m.start(), m.end())
    heads = hits(doc, "org_heads")
    for name, s, e in find_org_names(text, low, heads, hits(doc, "org_nouns", right=False)):
        if not taken.overlaps(s, e):
            canon = known.get(name)
            _add(table, "organisation", canon.name if canon else name, None, (s, e))
            taken.add(s, e)
    for hit in gazetteer.doc_scan(doc):
        k = hit.known
        if k.type != "country" and taken.overlaps(hit.start, hit.end):
            continue
        if k.type == "organisation" and titles.overlaps(hit.start, hit.end):
            continue  # "Staatssecretaris van Financiën – Toeslagen en Douane"
        if k.type == "organisation" and _ADDRESSEE.search(text, max(0, hit.start - 30),
                                                          hit.start):
            continue  # the letterhead's "De Voorzitter van de Tweede Kamer": no mention
        if k.type == "organisation" and _TREATY_AFTER.match(text, hit.end):
            continue  # "VN-Woestijnverdrag": a treaty named after the body, not the body acting
        _add(table, k.type, k.name, k.code, (hit.start, hit.end))
    places = [ev.place for ev in doc.results.get("events", ()) if getattr(ev, "place", None)]
    places += find_places(text, low, hits(doc, "municipal", right=False), doc=doc)
    for place in dict.fromkeys(places):
        kind = known.get(place)
        if kind is not None or ("place", place) in table:
            continue  # a known name is already in; an event's country stays a country
        for at, _ in find_all(low, [place.lower()]):
            _add(table, "place", place, None, (at, at + len(place)))
    if any(("organisation", n) in table for n in _EU_CONTEXT):
        # In a text about the EU, "de Commissie" is the European Commission.
        for span in _commission(text, heads):
            _add(table, "organisation", "Europese Commissie", None, span)
    names_taken = {n for (_, n) in table}
    for person in _people(doc):
        if person.name not in names_taken:
            table[("person", person.name)] = person
    return list(table.values())


def _entity(found: _Found) -> Entity:
    mentions: list[Mention] = []
    last_end = -1
    for s, neg_e in sorted({(s, -e) for s, e in found.spans}):
        if s < last_end:
            continue  # "Bakker" inside "A.B. Bakker": one mention, the longer one
        last_end = -neg_e
        mentions.append(Mention(s, last_end))
    return Entity(
        type=found.type,  # type: ignore[arg-type]
        name=found.name,
        code=found.code,
        mentions=tuple(mentions),
    )


@component("entities", needs=(), sets=("entities",))
def entities(doc: Doc) -> None:
    found = collect(doc)
    if furniture := _furniture_spans(doc.text):
        for f in found:
            f.spans[:] = [sp for sp in f.spans
                          if not any(s <= sp[0] and sp[1] <= e for s, e in furniture)]
    found = [f for f in found if f.spans]
    found.sort(key=lambda f: min(f.spans))
    doc.results["entities"] = [_entity(f) for f in found]


__all__ = ["collect", "find_org_names", "find_people", "surname_key"]

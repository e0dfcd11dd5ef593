"""The document itself: identifier, dossier, number, kind, title, written date and signer.

Sources, best first: the metadata that ingest read (XML, metadata records, VLOS), the running
footer ("Tweede Kamer, vergaderjaar 2022–2023, 21 501-02, nr. 2733"), the kamerstukkop
("36 180 ... Nr. 42 MOTIE VAN HET LID ..."), and the file name ("kst-36180-42.pdf"). The kind
comes from an ordered rule list, the title from a subject line or an all-capitals heading rewritten
in sentence case, the signer from the closing formula ("De Minister van Buitenlandse Zaken,\\n
H.M. de Jonge"). A date is set only when the document writes one; estimating it is the
``document_date`` component's job. Vocabulary: ``data/document.toml``.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections import Counter
from functools import cache, lru_cache
from importlib import resources
from pathlib import PurePath
from typing import Any

from kamerlens.extract import references as refs
from kamerlens.extract._speech import is_debate
from kamerlens.extract.lexicon import lower as doc_lower
from kamerlens.extract.needles import fold_safe, may_match
from kamerlens.extract.pipeline import Doc, component
from kamerlens.models import Signer

_HEAD = 1500  # characters that count as the head of a document (title, kamerstukkop, opening)
_TITLE_ZONE = 6000  # where an all-capitals title may stand (after a cover letter)
_CASING_ZONE = 200_000  # how far to look for the usual spelling of a title's words


@cache
def vocabulary() -> dict[str, Any]:
    path = resources.files("kamerlens.extract").joinpath("data/document.toml")
    return tomllib.loads(path.read_text("utf-8"))


# ---------------------------------------------------------------- metadata


def meta(doc: Doc, *keys: str) -> str | None:
    """The first non-empty metadata value under any of ``keys`` (names compared without case)."""
    cached = getattr(doc, "_meta_lower", None)  # asked nine times per document
    if cached is None or cached[0] is not doc.raw.meta:
        data = doc.raw.meta or {}
        cached = (doc.raw.meta, {k.lower(): v for k, v in data.items()})
        doc._meta_lower = cached  # type: ignore[attr-defined]
    lowered = cached[1]
    for key in keys:
        value = lowered.get(key.lower())
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


# ---------------------------------------------------------------- dates


@cache
def _date_re() -> re.Pattern[str]:
    months = "|".join(sorted(vocabulary()["months"], key=len, reverse=True))
    return re.compile(rf"\b(\d{{1,2}})[ \t\u00a0]+({months})\.?[ \t\u00a0]+(\d{{4}})\b", re.I)


_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def parse_date(text: str) -> str | None:
    """The first full Dutch or ISO date in ``text`` as YYYY-MM-DD.

    >>> parse_date("Den Haag, 12 juni 2023"), parse_date("2023-06-12T00:00:00")
    ('2023-06-12', '2023-06-12')
    """
    iso = _ISO.match(text.strip())
    if iso:
        return iso.group(0) if _exists(iso.group(0)) else None
    m = _date_re().search(text)
    if not m:
        return None
    day, month = int(m.group(1)), vocabulary()["months"][m.group(2).lower()]
    value = f"{m.group(3)}-{month:02d}-{day:02d}"
    return value if _exists(value) else None  # "30 februari 2024" is a typo, not a date


def _exists(value: str) -> bool:
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


@cache
def _date_cues() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The date line's cue as patterns the engine skips through quickly: a cue at a line start
    read from the line break before it (a literal; ``^`` is tried at every position), the first
    line's apart, and the bracketed cue from its bracket."""
    v = vocabulary()["date"]
    return (
        re.compile(rf"(?i)\n[ \t]*(?:{v['line_cue']})"),
        re.compile(rf"(?i)[ \t]*(?:{v['line_cue']})"),
        re.compile(rf"(?i){v['cue']}"),
    )


def _date_cue_ends(text: str, end: int) -> list[int]:
    """Where each date cue in ``text[:end]`` ends, in the order of the text."""
    line, first, inline = _date_cues()
    found = [(m.start() + 1, m.end()) for m in line.finditer(text, 0, end)]
    found += [m.span() for m in inline.finditer(text, 0, end)]
    if m := first.match(text, 0, end):
        found.append(m.span())
    return [e for _, e in sorted(found)]


def written_date(doc: Doc) -> str | None:
    """A date the document writes about itself (date line, metadata), never an estimate."""
    value = meta(doc, "date", "datum", "DCTERMS.issued", "OVERHEIDop.datumBrief", "issued")
    if value and (given := parse_date(value)):
        return given
    text = doc.text
    # answers to Kamervragen are dated by the answer ("ontvangen"), not by the questions
    # ("ingezonden"), whichever the head names first
    head_end = min(_TITLE_ZONE, doc.body_end)
    for cue in _ANSWER_DATE.finditer(text, 0, head_end):
        if found := _date_re().match(text, cue.end(), min(cue.end() + 40, len(text))):
            return parse_date(found.group(0))
    for at in _date_cue_ends(text, doc.body_end):
        if found := _date_re().match(text, at, min(at + 40, len(text))):
            return parse_date(found.group(0))
    # a line that holds only a place and a date: "Bergen, 23 december 2015"
    for line in _place_date_lines(text, doc.body_end):
        if found := _date_re().fullmatch(line.strip()):
            return parse_date(found.group(0))
    # the side column the normalizer set apart: "Datum" over "14 november 2023"
    side = furniture_text(doc)
    for cue in _SIDE_DATE.finditer(side):
        if found := _date_re().match(side, cue.end(), min(cue.end() + 40, len(side))):
            return parse_date(found.group(0))
    # the head of a nota van wijziging or an amendment: a line "Ontvangen 4 februari 2025"
    for pattern in (_RECEIVED_LINE, _PROPOSED, _FIRST_LINE_DATE):
        head = pattern.search(text, 0, head_end)
        if head and (day := _date_re().fullmatch(head.group(1))):
            return parse_date(day.group(0))
    return None


# "Ontvangen 4 februari 2025" on a line of its own, or closing the heading of a nota or an
# amendment ("NOTA NAAR AANLEIDING VAN HET EINDVERSLAG Ontvangen 10 oktober 1986")
_RECEIVED_LINE = re.compile(
    r"(?m)(?:^|(?<=[A-Z] ))[ \t]*Ontvangen[ \t]+(\d{1,2}[ \t]+[a-z]{3,9}[ \t]+\d{4})[ \t]*$"
)
# a motion "Voorgesteld tijdens het Wetgevingsoverleg van 12 februari 2024", "Voorgesteld in de
# vergadering van 7 november 2023"
_PROPOSED = re.compile(
    r"(?m)^[ \t]*Voorgesteld[ \t]+(?:tijdens|in|bij|op)[^\n]{0,100}?\b(?:van|op)[ \t]+"
    r"(\d{1,2}[ \t]+[a-z]{3,9}[ \t]+\d{4})\b"
)
# a date alone on the first line of the text, as scanned motions and minutes open
_FIRST_LINE_DATE = re.compile(r"\A\s*(\d{1,2}[ \t]+[a-z]{3,9}[ \t]+\d{4})[ \t]*\n")


_ANSWER_DATE = re.compile(r"\(ontvangen\s+")
_SIDE_DATE = re.compile(r"(?im)^[ \t]*(?:Datum|Dagtekening)[ \t]*:?\s+")


def furniture_text(doc: Doc) -> str:
    """The lines the normalizer removed as page furniture, one per line (side column, footer)."""
    furniture = getattr(doc.norm, "furniture", None) or ()
    return "\n".join(f if isinstance(f, str) else getattr(f, "text", "") for f in furniture)


_PLACE_DATE_LINE = (
    r"[ \t]*(?:'s-)?[A-Z][\w'’.\-]*(?:[ \t]+(?:aan|de|den|op|[A-Z])[\w'’.\-]*){0,3},[ \t]+"
    r"(\d{1,2}[ \t]+[a-z]{3,9}\.?[ \t]+\d{4})[ \t]*$"
)
# Read from the line break before the line (a literal the engine skips to; "^" is tried at
# every position), the first line apart.
_PLACE_DATE = re.compile(r"(?m)\n" + _PLACE_DATE_LINE)
_PLACE_DATE_FIRST = re.compile(r"(?m)" + _PLACE_DATE_LINE)


def _place_date_lines(text: str, end: int) -> list[str]:
    """The dates of the lines in ``text[:end]`` that hold only a place and a date, in order."""
    found = [m.group(1) for m in _PLACE_DATE.finditer(text, 0, end)]
    if first := _PLACE_DATE_FIRST.match(text, 0, end):
        found.insert(0, first.group(1))
    return found


# ---------------------------------------------------------------- identity

_FOOTER = re.compile(
    r"(?:Tweede|Eerste)\s+Kamer,?\s+(?:vergaderjaar|zitting)\s+\d{4}\s*[-–/]\s*\d{2,4},?\s*(.{5,60})"
)
_KOP_DOSSIER = re.compile(
    r"(?m)^[ \t]*(\d{2}[ \u00a0]?\d{3}"
    r"(?:-(?:[IVXLC]{1,7}|[A-Z]|\d{2})|[ \u00a0](?:[IVXLC]{1,7}|[A-Z])(?=[ \t]))?)[ \t]+\S"
)
_KOP_NUMBER = re.compile(r"(?m)^[ \t]*Nr\.[ \t]*(\d{1,5}|[A-Z]{1,3})\b")
_PUBLICATION_ID = re.compile(
    r"(?<![\w-])((?:stb|stcrt|gmb|prb|wsb|trb|bgr)-\d{4}-\d{1,7}|a?h-(?:tk|ek)-\d{8}-\d{1,5}(?:-\d{1,3})?)"
    r"(?![\w-])"
)


def _kst(dossier: str | None, number: str | None) -> str | None:
    return f"kst-{dossier}-{number}" if dossier and number else None


def _from_citation(text: str) -> tuple[str | None, str | None]:
    for ref in refs.find(text):
        if ref.kind == "kamerstuk" and ref.dossier and ref.number:
            return ref.dossier, ref.number
    return None, None


def _footer_identity(doc: Doc) -> tuple[str | None, str | None]:
    furniture = getattr(doc.norm, "furniture", None) or ()
    lines = [f if isinstance(f, str) else getattr(f, "text", "") for f in furniture]
    for line in lines:
        if m := _FOOTER.search(line):
            found = _from_citation(m.group(1))
            if found[0]:
                return found
    if m := _FOOTER.search(doc.text):  # the normalizer left the footer in the text
        return _from_citation(m.group(1))
    return None, None


def _kop_identity(doc: Doc) -> tuple[str | None, str | None]:
    """The kamerstukkop: a dossier line, then "Nr. 42" at a line start within the head."""
    head = doc.text[: min(_HEAD, doc.body_end)]
    number = _KOP_NUMBER.search(head) if "Nr." in head else None
    if not number:
        return None, None
    dossier = None
    for m in _KOP_DOSSIER.finditer(head, 0, number.start()):
        dossier = m.group(1)
    return (refs.canonical_dossier(dossier), number.group(1)) if dossier else (None, None)


def _file_identity(source: str) -> str | None:
    name = PurePath(source).name
    for ref in refs.find(name):
        if ref.kind == "kamerstuk" and ref.text.startswith("kst-"):
            return _kst(ref.dossier, ref.number)
    m = _PUBLICATION_ID.search(name)
    return m.group(1) if m else None


def _printed_identity(doc: Doc) -> str | None:
    """The publication's identifier printed at the foot of its last page ("ah-tk-20222023-1312",
    "stcrt-2023-12345"), which the normalizer set apart as furniture."""
    m = _PUBLICATION_ID.search(furniture_text(doc))
    return m.group(1) if m else None


def _split_identifier(identifier: str) -> tuple[str | None, str | None]:
    for ref in refs.find(identifier):
        if ref.kind == "kamerstuk" and ref.text == identifier:
            return ref.dossier, ref.number
    return None, None


def identity(doc: Doc) -> dict[str, str | None]:
    identifier = meta(doc, "identifier", "DC.identifier", "dcterms.identifier")
    dossier = meta(doc, "dossier", "dossiernummer", "OVERHEIDop.dossiernummer")
    number = meta(doc, "number", "ondernummer", "OVERHEIDop.ondernummer", "stuknummer")
    if dossier:
        dossier = refs.canonical_dossier(dossier)
    for finder in (_footer_identity, _kop_identity):
        if dossier and number:
            break
        found = finder(doc)
        if found[0]:
            dossier, number = dossier or found[0], number or found[1]
    identifier = (
        identifier
        or _kst(dossier, number)
        or _printed_identity(doc)
        or _file_identity(doc.raw.source)
    )
    if identifier and not (dossier and number):
        split = _split_identifier(identifier)
        dossier, number = dossier or split[0], number or split[1]
    return {"identifier": identifier, "dossier": dossier, "number": number}


# ---------------------------------------------------------------- kind


@cache
def _kind_rules() -> list[tuple[str, str, re.Pattern[str], re.Pattern[str] | None]]:
    rules = []
    for rule in vocabulary()["kind"]:
        also = re.compile(rule["also"]) if rule.get("also") else None
        rules.append((rule["kind"], rule["where"], re.compile(rule["pattern"]), also))
    return rules


def kind(doc: Doc, identifier: str | None) -> str | None:
    given = meta(doc, "kind", "soort", "vergadering_soort", "vergaderingsoort", "DC.type")
    sources = {
        "identifier": identifier or "",
        "format": doc.raw.format or "",
        "meta": given or "",
        "furniture": furniture_text(doc),  # page heads the normalizer set apart
        "turns": _turn_roles(doc),
    }
    # A rule over the head or the whole text is searched only when its literal words occur
    # there: most rules fail on most documents, and a failing search reads every character.
    text, low = doc.text, doc_lower(doc)
    ends = {"head": min(_HEAD, doc.body_end), "text": doc.body_end}
    for name, where, pattern, also in _kind_rules():
        if where in ends and not may_match(pattern, text, low, 0, ends[where]):
            continue
        if where == "title" and where not in sources:
            sources["title"] = self_description(doc)
            sources["title_low"] = sources["title"].lower()
        if where == "title" and not may_match(pattern, sources["title"], sources["title_low"]):
            continue
        # the head and the body are searched in place (endpos), not copied out of the text
        if where in ends:
            found = pattern.search(text, 0, ends[where])
        else:
            found = pattern.search(sources[where])
        if found and (
            also is None
            or (may_match(also, text, low, 0, ends["text"]) and also.search(text, 0, ends["text"]))
        ):
            return name
    return None


def _turn_roles(doc: Doc) -> str:
    """The roles speaking in a debate ("lid minister voorzitter"); "" in any other document."""
    found = doc.results["turns"] if is_debate(doc) else []
    return " ".join(sorted({t.speaker.role for t in found}))


_FIRST_LINES = 10
_FIRST_SENTENCE = re.compile(r".{0,200}?[.!?](?=\s+[A-Z]|$)|.{0,200}")
_OFFER = re.compile(r"(?i)\b(?:hierbij|bijgaand|hiermee)\b[^.]{0,250}")


def self_description(doc: Doc) -> str:
    """What the document says it is, one item per line: its title (metadata, subject line, a
    heading in capitals near the top, the normalizer's title), its first lines and its offering
    sentence ("Hierbij bied ik u de geannoteerde agenda aan ..."). The body after that only
    mentions other documents."""
    text, end = doc.text, min(_HEAD, doc.body_end)
    parts = [meta(doc, "title", "DC.title", "OVERHEIDop.documenttitel", "titel") or ""]
    parts.append(_subject_line(doc) or "")
    parts.append(getattr(doc.norm, "title", None) or "")
    parts.extend(text[s:e] for s, e in _caps_blocks(text, min(_TITLE_ZONE, doc.body_end))[:3])
    lines = [ln.strip() for ln in text[:end].split("\n") if ln.strip()]
    # a first line that is a paragraph counts with its first sentence only
    parts.extend(_FIRST_SENTENCE.match(ln).group(0) for ln in lines[:_FIRST_LINES])  # type: ignore[union-attr]
    if may_match(_OFFER, text, doc_lower(doc), 0, end) and (m := _OFFER.search(text, 0, end)):
        parts.append(" ".join(m.group(0).split()))
    return "\n".join(p for p in parts if p)


# ---------------------------------------------------------------- title

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_LINE = re.compile(r"[^\n]+")


_LOWER = re.compile(r"[a-zß-öø-ÿ]")
_LETTER = re.compile(r"[^\W\d_]")


# Five lower-case letters among the first 40 characters (one match, no list of letters built).
_FIVE_LOWER = re.compile(r"(?:[^a-zß-öø-ÿ]*[a-zß-öø-ÿ]){5}")


def _is_caps(line: str) -> bool:
    # counted by regular expressions (in C): this runs on every line of the title zone
    if _FIVE_LOWER.match(line, 0, 40):
        return False  # running text: decided on the first 40 characters
    letters = len(_LETTER.findall(line))
    if letters < 6:
        return False
    lower = len(_LOWER.findall(line))
    return letters - lower >= 0.9 * letters


@lru_cache(maxsize=8)
def _caps_blocks(text: str, end: int) -> list[tuple[int, int]]:
    """Runs of consecutive all-capitals lines in ``text[:end]``, as spans."""
    blocks: list[tuple[int, int]] = []
    for m in _LINE.finditer(text, 0, end):
        line = m.group(0)
        if not _is_caps(line) or _FOOTER.search(line):
            continue
        s = m.start() + len(line) - len(line.lstrip())
        e = m.start() + len(line.rstrip())
        between = text[blocks[-1][1] : s] if blocks else ""
        if blocks and between.count("\n") == 1 and not between.strip():
            blocks[-1] = (blocks[-1][0], e)
        else:
            blocks.append((s, e))
    return blocks


def _line_at(text: str, pos: int) -> str:
    end = text.find("\n", pos)
    return text[text.rfind("\n", 0, pos) + 1 : end if end >= 0 else len(text)]


def _casing(words: set[str], text: str, skip: tuple[int, int]) -> dict[str, Counter[str]]:
    """How each word is written elsewhere in ``text``: counts of "upper", "title" and "lower"."""
    seen: dict[str, Counter[str]] = {w: Counter() for w in words}
    if not words:
        return seen
    for start, end in _occurrences(words, text, min(len(text), _CASING_ZONE)):
        if skip[0] <= start < skip[1]:
            continue
        before = text[max(0, start - 3) : start].rstrip(" \t")
        if not before or before[-1] in ".!?\n:" or before.endswith("\n"):
            continue  # sentence-initial capitals say nothing about the word
        form = text[start:end]
        if form.isupper() and _is_caps(_line_at(text, start)):
            continue  # the title itself, or a running head repeating it
        if form.isupper() and len(form) > 1:
            shape = "upper"
        else:
            shape = "title" if form[0].isupper() else "lower"
        seen[form.lower()][shape] += 1
    return seen


def _occurrences(words: set[str], text: str, end: int) -> list[tuple[int, int]]:
    """Spans of the ``words`` (lower case) in ``text[:end]``, in any case, as whole words: no
    letter, digit, "_" or "-" before, no letter, digit or "_" after; in the order of the text."""
    end = min(end, len(text))
    if not fold_safe(text) or not all(_WORD.fullmatch(w) for w in words):
        alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w])", re.IGNORECASE)
        return [m.span() for m in pattern.finditer(text, 0, end)]
    # The same matches found with str.find in the lower-cased text (the same offsets in a
    # fold-safe text): no pattern compiled per title, none tried at every position. Words of
    # letters only cannot overlap as whole words, so the order of the finds does not matter.
    low = text[:end].lower()  # only the zone searched: no copy of a long document
    found = []
    for word in words:
        at = low.find(word, 0, end)
        while at >= 0:
            after = at + len(word)
            left = at and (low[at - 1].isalnum() or low[at - 1] in "_-")
            right = after < end and (low[after].isalnum() or low[after] == "_")
            if not left and not right:
                found.append((at, after))
            at = low.find(word, at + 1, end)
    found.sort()
    return found


@cache
def _title_words() -> tuple[dict[str, str], frozenset[str]]:
    """Acronyms (lower case -> as written) and the words always lower case in a title."""
    vocab = vocabulary()["title"]
    return {a.lower(): a for a in vocab["acronyms"]}, frozenset(vocab["lower"])


@cache
def _name_prefixes() -> frozenset[str]:
    return frozenset(vocabulary()["signer"]["prefixes"])


def sentence_case(title: str, text: str = "", skip: tuple[int, int] = (0, 0)) -> str:
    """Rewrite an all-capitals title in sentence case, keeping acronyms and names as ``text`` shows.

    >>> sentence_case("VERSLAG VAN DE NAVO-TOP VAN 11 EN 12 JULI 2023")
    'Verslag van de NAVO-top van 11 en 12 juli 2023'
    """
    acronyms, lower = _title_words()
    parts = _WORD.findall(title)
    seen = _casing({p.lower() for p in parts if p.lower() not in lower}, text, skip)
    first = True

    def recase(m: re.Match[str]) -> str:
        nonlocal first
        word, key = m.group(0), m.group(0).lower()
        counts = seen.get(key, Counter())
        if key in acronyms:
            out = acronyms[key]
        elif key in lower:
            out = key
        elif counts and counts.most_common(1)[0][0] == "upper":
            out = word.upper()
        elif counts and counts["title"] >= counts["lower"]:
            out = key.capitalize()
        else:
            out = key
        if first:
            out = out[0].upper() + out[1:]
            first = False
        return out

    return _WORD.sub(recase, " ".join(title.split()))


# Answers to Kamervragen name their subject in the questions' line: "Vragen van het lid Dijk (SP)
# aan de Minister van ... over het tekort aan amoxicilline (ingezonden 12 december 2022)."
# "Vragen van de leden X (SP), Y (beiden GroenLinks-PvdA) aan de Minister van Z over ...
# (ingezonden 11 oktober 2024)": over line breaks, with the members' parties in brackets
_ASKED = re.compile(
    r"(?m)^[ \t]*(?P<title>Vragen\s+van\s+(?:het\s+lid|de\s+leden)\s(?:[^()]|\([^()]{0,60}\)){3,600}?"
    r"\sover\s(?:[^()]|\([^()]{0,60}\)){3,600}?)\s*\((?:ingezonden|ontvangen)\s+\d"
)


@cache
def _subject_re() -> re.Pattern[str]:
    return re.compile(vocabulary()["title"]["subject_line"])


def _subject_line(doc: Doc) -> str | None:
    """A letterhead's "Betreft ..." / "Onderwerp: ..." / a list's "Document: ..." line.

    Read from the source text, where the line still ends where the author ended it (the
    normalizer may join it to the next line); a wrapped line continues in lower case."""
    cached = getattr(doc, "_subject", None)  # asked for the kind and for the title
    if cached is not None and cached[0] is doc.text:
        return cached[1]  # type: ignore[no-any-return]
    found = _find_subject_line(doc)
    doc._subject = (doc.text, found)  # type: ignore[attr-defined]
    return found


def _find_subject_line(doc: Doc) -> str | None:
    pattern = _subject_re()
    raw = doc.raw.text
    end = min(_TITLE_ZONE, len(raw))
    m = pattern.search(raw, 0, end) if may_match(pattern, raw[:end]) else None
    if m:
        value, nxt = m.group(1), _LINE.match(raw, m.end() + 1)
        if nxt and (nxt.group(0).strip()[:1].islower() or nxt.group(0).strip().isdigit()):
            value += " " + nxt.group(0)
        return " ".join(value.split())
    end = min(_TITLE_ZONE, doc.body_end)
    if not may_match(pattern, doc.text, doc_lower(doc), 0, end):
        return None
    m = pattern.search(doc.text, 0, end)
    return " ".join(m.group(1).split()) if m else None


def title(doc: Doc) -> str | None:
    """Metadata title; else a subject line, an all-capitals heading that names the subject, the
    normalizer's title, a heading that only names the document's type ("BRIEF VAN ...")."""
    given = meta(doc, "title", "DC.title", "OVERHEIDop.documenttitel", "titel")
    if given:
        return given if not _is_caps(given) else sentence_case(given, doc.text)
    if subject := _subject_line(doc):
        return subject
    end = min(_TITLE_ZONE, doc.body_end)
    if may_match(_ASKED, doc.text, doc_lower(doc), 0, end) and (
        m := _ASKED.search(doc.text, 0, end)
    ):
        return " ".join(m.group("title").split())
    vocab = vocabulary()["title"]
    weak, prefix = re.compile(vocab["weak_heads"]), re.compile(vocab["number_prefix"])
    text = doc.text
    blocks = _caps_blocks(text, min(_TITLE_ZONE, doc.body_end))
    strong = [b for b in blocks if not weak.search(prefix.sub("", text[b[0] : b[1]]))]
    if strong:
        return _recased(text, strong[0], prefix)
    found = getattr(doc.norm, "title", None)
    if isinstance(found, str) and found.strip() and not weak.search(found.strip()):
        return sentence_case(found, text) if _is_caps(found) else " ".join(found.split())
    return _recased(text, blocks[0], prefix) if blocks else None


def _recased(text: str, span: tuple[int, int], prefix: re.Pattern[str]) -> str | None:
    raw = prefix.sub("", " ".join(text[span[0] : span[1]].split()))
    if not raw:
        return None
    titled = sentence_case(raw, text, span)
    # "MOTIE VAN HET LID VAN DER PLAS C.S.": the words after "lid"/"leden" are names
    if m := re.search(vocabulary()["title"]["names_after"], titled):
        names = re.split(r"(\s*,\s*|\s+en\s+)", m.group(2))
        cased = "".join(part if i % 2 else name_case(part) for i, part in enumerate(names))
        titled = titled[: m.start(2)] + cased + titled[m.end(2) :]
    return titled


def name_case(name: str) -> str:
    """A surname written in capitals, as a name: "VAN DER PLAS" -> "Van der Plas".

    >>> name_case("VAN DER PLAS"), name_case("JASPER VAN DIJK"), name_case("YEŞILGÖZ-ZEGERIUS")
    ('Van der Plas', 'Jasper van Dijk', 'Yeşilgöz-Zegerius')
    """
    prefixes = _name_prefixes()
    words = name.lower().split()
    return " ".join(
        w if i and w in prefixes else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
        for i, w in enumerate(words)
    )


# ---------------------------------------------------------------- signer


@cache
def _signer_re() -> re.Pattern[str]:
    v = vocabulary()["signer"]
    roles = "|".join(re.escape(r) for r in sorted(v["roles"], key=len, reverse=True))
    greet = "|".join(re.escape(g) for g in v["greetings"])
    behalf = "|".join(re.escape(b) for b in v["on_behalf"])
    role = rf"(?i:{roles})\b[^\n,]{{0,120}}?(?:,[ \t]*(?i:{roles})\b[^\n,]{{0,120}}?)*"
    brk = r"[ \t]*,[ \t]*(?:\r?\n\s*|[ \t]+)"
    return re.compile(
        rf"(?m)^[ \t]*(?:(?i:{greet}),?\s*)?(?:[Dd]e[ \t]+)?(?P<role>{role}){brk}"
        rf"(?:(?i:{behalf}){brk}(?:(?:[Dd]e[ \t]+)?(?P<role2>{role}){brk})?)?"
        rf"(?P<name>{person_name()})[ \t]*$"
    )


@cache
def person_name() -> str:
    """A regular expression for a person's name as Dutch documents write it in a signature:
    "H.M. de Jonge", "Hanke Bruins Slot", "mr. dr. A.B. van der Berg-Jansen"."""
    v = vocabulary()["signer"]
    titles = "|".join(re.escape(t) for t in v["titles"])
    prefixes = "|".join(re.escape(p) for p in sorted(v["prefixes"], key=len, reverse=True))
    upper = r"[A-ZÀ-ÖØ-ÞŁŠŽÇ]"
    word = rf"{upper}(?:[^\W\d_⁰¹²³⁴⁵⁶⁷⁸⁹]|['’])+"
    pref = rf"(?:(?i:{prefixes})[ \t]+)*"
    return (
        rf"(?:(?i:{titles})\.?[ \t]+)*"
        rf"(?:(?:{upper}[a-z]{{0,2}}\.[ \t]?)+[ \t]*|{word}(?:-{word})?[ \t]+)?"
        rf"{pref}{word}(?:-{pref}{word})*(?:[ \t]+{word})?"
    )


_ANSWER_BY = re.compile(
    r"\bAntwoord(?:en)?\s+van\s+(?:de\s+)?(?P<role>[Mm]inister(?:-[Pp]resident)?|[Ss]taatssecretaris)"
    r"\s+(?P<name>[A-Z][^\s()]*(?:\s+(?:van|de|der|den|ter|ten|[A-Z])[^\s()]*){0,4})"
    r"\s*\((?P<dept>[^()\n]{3,100})\)"
)


@cache
def _labelled_signer_re() -> re.Pattern[str]:
    roles = "|".join(re.escape(r) for r in vocabulary()["signer"]["labels"])
    return re.compile(rf"(?m)^[ \t]*(?P<role>(?i:{roles})):[ \t]*(?P<name>{person_name()})[ \t]*$")


def _answer_role(role: str, dept: str) -> str:
    """ "Minister" + "(Volksgezondheid, Welzijn en Sport)" -> "Minister van Volksgezondheid, ...";
    a minister without a department of his own is "voor" his portfolio ("Medische Zorg")."""
    dept = " ".join(dept.split())
    role = role[:1].upper() + role[1:]
    portfolios = vocabulary()["signer"]["portfolios"]
    joiner = "voor" if role.startswith("Minister") and dept.startswith(tuple(portfolios)) else "van"
    return f"{role} {joiner} {dept}"


def signer(doc: Doc) -> Signer:
    given = meta(doc, "signer", "ondertekenaar", "ondertekening", "signer_name")
    given_role = meta(doc, "signer_role", "role", "functie")
    if given:
        parsed = _signer_in(given + "\n")
        if parsed.name:
            return parsed
        role = re.sub(r"^[Dd]e\s+", "", given_role).rstrip(" ,") if given_role else None
        return Signer(name=" ".join(given.split()), role=role)
    found = _signer_in(doc.text[: doc.body_end])
    if found.name:
        return found
    labelled = _labelled_signer_re()
    if may_match(labelled, doc.text, doc_lower(doc), 0, doc.body_end) and (
        m := labelled.search(doc.text, 0, doc.body_end)
    ):
        return Signer(name=" ".join(m.group("name").split()), role=m.group("role"))
    end = min(_TITLE_ZONE, doc.body_end)
    if may_match(_ANSWER_BY, doc.text, doc_lower(doc), 0, end) and (
        m := _ANSWER_BY.search(doc.text, 0, end)
    ):
        return Signer(name=m.group("name"), role=_answer_role(m.group("role"), m.group("dept")))
    return Signer()


def _signer_in(text: str) -> Signer:
    """The first closing formula in ``text``: a role ending in a comma, then a name line."""
    found = _signature_lines(text)
    if found.name:
        return found
    m = _signer_re().search(text)  # role and name on one line: "De Minister, H.M. de Jonge"
    if not m:
        return Signer()
    role = m.group("role2") or m.group("role")
    return Signer(name=" ".join(m.group("name").split()), role=" ".join(role.split()))


@cache
def _role_start() -> re.Pattern[str]:
    v = vocabulary()["signer"]
    roles = "|".join(re.escape(r) for r in sorted(v["roles"], key=len, reverse=True))
    greet = "|".join(re.escape(g) for g in v["greetings"])
    return re.compile(rf"^(?:(?i:{greet}),?\s+)?(?:[Dd]e\s+)?(?P<role>(?i:{roles})\b.*)$")


@cache
def _name_line() -> re.Pattern[str]:
    return re.compile(rf"^{person_name()}$")


_MAX_ROLE_LINES = 3  # "De Minister voor Armoedebeleid," / "Participatie en Pensioenen,"


def _signature_lines(text: str) -> Signer:
    """Read the closing formula line by line, so that a role written over two or three lines
    ("De Minister voor Armoedebeleid,\nParticipatie en Pensioenen,", "de staatssecretaris van
    Financiën –\nFiscaliteit en Belastingdienst,") is joined up to the name under it, wherever
    the formula stands (above an annex, between two signers, at the end)."""
    if "," not in text:
        return Signer()
    lines = [ln.strip() for ln in text.split("\n")]
    name_re, behalf = _name_line(), tuple(vocabulary()["signer"]["on_behalf"])
    for k, line in enumerate(lines):
        if not line or len(line) > 60 or not name_re.match(line):
            continue
        j = k - 1
        while j >= 0 and not lines[j] and k - j <= 3:
            j -= 1  # blank lines between the role and the name
        if j < 0 or not lines[j].endswith(","):
            continue
        role = _role_above(lines, j, behalf)
        if role:
            return Signer(name=" ".join(line.split()), role=role)
    return Signer()


def _role_above(lines: list[str], j: int, behalf: tuple[str, ...]) -> str | None:
    """The role whose last line is ``lines[j]``, joined with the lines above it that continue it."""
    if lines[j].rstrip(",").strip().lower() in behalf:
        return None  # "namens deze," right above a name: the role of who signs is missing
    top = j
    while not _role_start().match(lines[top]):
        top -= 1
        if top < 0 or j - top >= _MAX_ROLE_LINES or not lines[top]:
            return None
        if lines[top].rstrip(",").strip().lower() in behalf:
            return None
    m = _role_start().match(lines[top])
    assert m is not None
    role = " ".join([m.group("role"), *lines[top + 1 : j + 1]])
    return " ".join(role.split()).rstrip(" ,") or None


# ---------------------------------------------------------------- plenary transcripts

_SITTING = re.compile(r"^(?:TK|EK)[ \t]+\d{1,3}$")
_CHAMBER = re.compile(r"^(?:Tweede|Eerste)\s+Kamer(?:\s+der\s+Staten-Generaal)?$")
_WEEKDAY = re.compile(r"^(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+", re.I)
_ON_AGENDA = re.compile(r"\bAan\s+de\s+orde\s+is\s+(?:het|de)\s+(debat\s+over\s+[^.\n]{3,200})\.")
_CHAMBER_BEFORE = re.compile(r"^(?:Tweede|Eerste)[ \t]+Kamer[ \t]+(?=[A-Z])")
# The Handelingen page head: sitting, date, page ("TK 21 12 november 2024 21-9-1").
_RUNNING_HEAD = re.compile(
    r"(?:TK|EK)[ \t]+\d{1,3}[ \t]+(\d{1,2}[ \t]+[a-z]{3,9}[ \t]+\d{4})"
    r"[ \t]+\d{1,3}-\d{1,3}-\d{1,3}"
)
# the running head or foot's sitting and date, in either order: "TK 88 26 juni 2024", or the
# footer lines "37-4-1 / 1 februari 2024 / TK 37"
_RUNNING_DATE = re.compile(
    r"(?m)\b(?:TK|EK)\s+\d{1,3}\s+(\d{1,2}\s+[a-z]{3,9}\s+\d{4})\b"
    r"|^\d{1,3}-\d{1,3}-\d{1,3}\n(\d{1,2}\s+[a-z]{3,9}\s+\d{4})\n(?:TK|EK)\s+\d{1,3}$"
)


def transcript_head(doc: Doc) -> tuple[str | None, str | None]:
    """Title and date of a plenary transcript (Handelingen) from its head, which reads
    "Tweede Kamer / Europese Top van 27 en 28 juni 2024 / 26 juni 2024 / TK 88": the debate's
    name and the sitting's date. Else "Aan de orde is het debat over ..." names it, and the
    running head "TK 88 26 juni 2024 88-5-1" dates it."""
    title = date = None
    text = doc.text[: min(_HEAD, doc.body_end)]
    for raw_line in text.split("\n")[:12]:
        # the page head may run the chamber and the title together on one line
        line = _CHAMBER_BEFORE.sub("", raw_line.strip())
        if not line or _CHAMBER.match(line) or _SITTING.match(line) or line.isdigit():
            continue
        if m := _RUNNING_HEAD.fullmatch(line):  # "TK 21 12 november 2024 21-9-1"
            date = date or parse_date(m.group(1))
            continue
        if line.endswith(":"):
            break  # the first speaker: the head is over
        if _date_re().fullmatch(_WEEKDAY.sub("", line)):
            date = date or parse_date(line)
            continue
        if title is None and 3 <= len(line) <= 150 and line[-1] not in ".,;":
            title = line
    if title is None and (m := _ON_AGENDA.search(text)):
        title = " ".join(m.group(1).split()).capitalize()
    if date is None and (m := _RUNNING_DATE.search(furniture_text(doc))):
        date = parse_date(m.group(1) or m.group(2))
    return title, date


# ---------------------------------------------------------------- component


@component(
    "document",
    needs=("turns",),
    sets=("identifier", "dossier", "number", "title", "kind", "signer", "date"),
)
def document(doc: Doc) -> None:
    ident = identity(doc)
    doc.info.update(ident)
    doc.info["kind"] = kind(doc, ident["identifier"])
    doc.info["title"] = title(doc)
    doc.info["signer"] = signer(doc)
    date = written_date(doc)
    if doc.info["kind"] == "handelingen" and not (doc.info["title"] and date):
        head_title, head_date = transcript_head(doc)
        doc.info["title"] = doc.info["title"] or head_title
        date = date or head_date
    if date:
        doc.info["date"] = date


__all__ = [
    "document",
    "meta",
    "name_case",
    "parse_date",
    "person_name",
    "sentence_case",
    "vocabulary",
]

"""The document itself: identifier, dossier, number, kind, title, written date and signer.

Sources, best first: the metadata that ingest read (XML, metadata records, VLOS), the running
footer ("Tweede Kamer, vergaderjaar 2022–2023, 21 501-02, nr. 2733"), the kamerstukkop
("36 180 ... Nr. 42 MOTIE VAN HET LID ..."), and the file name ("kst-36180-42.pdf"). The kind
comes from an ordered rule list (``document_kind``), the title from a subject line or an
all-capitals heading rewritten in sentence case (``document_title``), the signer from the closing
formula ("De Minister van Buitenlandse Zaken,\\n H.M. de Jonge"). A date is set only when the
document writes one (module ``document_date``); estimating it is the job of the
``document_date`` component in ``dates.py``. Vocabulary: ``data/document.toml``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import PurePath

from kamerlens.extract import references as refs
from kamerlens.extract._document_source import (
    FOOTER,
    HEAD,
    TITLE_ZONE,
    furniture_text,
    meta,
    search_lines,
    vocabulary,
)
from kamerlens.extract.document_date import parse_date, transcript_head, written_date
from kamerlens.extract.document_kind import kind
from kamerlens.extract.document_title import name_case, sentence_case, title
from kamerlens.extract.lexicon import lower as doc_lower
from kamerlens.extract.needles import may_match
from kamerlens.extract.pipeline import Doc, component
from kamerlens.models import Signer

# ---------------------------------------------------------------- identity

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
        if m := FOOTER.search(line):
            found = _from_citation(m.group(1))
            if found[0]:
                return found
    # the normalizer left the footer in the text
    if may_match(FOOTER, doc.text) and (m := FOOTER.search(doc.text)):
        return _from_citation(m.group(1))
    return None, None


def _kop_identity(doc: Doc) -> tuple[str | None, str | None]:
    """The kamerstukkop: a dossier line, then "Nr. 42" at a line start within the head."""
    head = doc.text[: min(HEAD, doc.body_end)]
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
        m := search_lines(labelled, doc.text, doc.body_end)
    ):
        return Signer(name=" ".join(m.group("name").split()), role=m.group("role"))
    end = min(TITLE_ZONE, doc.body_end)
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
    m = search_lines(_signer_re(), text)  # role and name on one line: "De Minister, H.M. de Jonge"
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

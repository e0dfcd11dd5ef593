"""Motions: one entry per distinct motion, its mentions merged.

A mention is "de motie van het lid Jansen c.s.", "de motie-Jasper van Dijk/Omtzigt", "Motie
Kuik c.s., 11 november 2021, over ... (Kamerstuk 35 925 X, nr. 22)", "moties 30420, nrs 100 en
101", or the text of a motion itself ("De Kamer, gehoord de beraadslaging, ... verzoekt de regering
..."). Mentions are merged when a footnote marker ties a body mention to its footnote, when they
cite the same dossier and number, or when they name the same members (fuzzy, so a slight spelling
difference still merges) without contradicting each other. The motion's span is its first
mention in the body. Vocabulary: ``data/motions.toml``.

Members look like surnames: a word of the text ("De Kamer" under a "Motie" heading) is none. A
motion text in the minutes takes its members from the "Motie van het lid X" line above it, the
chair's "voorgesteld door ..." or the signature lines below it; when the signature names the
co-signers of a "C.S." heading, they are members and no longer also counted as "c.s.".

In a debate a motion is often named by the number it got ("de motie op stuk nr. 48", "De eerste
motie, op stuk nr. 905, is van mevrouw Leijten"): such mentions are motions too, merged by number.
Such a number gets the debate's dossier, or, in a debate naming several, the one whose block of
numbers holds it (``motion_debate.debate_dossiers``), and it is not merged with a citation of
that number when the document cites the number with several dossiers. What the speakers say of
motions (a member's own motion, the government's appreciation) is read in ``motion_debate``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from rapidfuzz import fuzz

from kamerlens.extract._motion_names import (
    FirstMembers,
    hyphen_parts,
    owner,
    same_member,
    same_members,
    titled_names,
    unglue,
)
from kamerlens.extract._speech import is_debate
from kamerlens.extract.document import name_case, parse_date
from kamerlens.extract.motion_debate import appreciate, debate_dossiers, own_mentions
from kamerlens.extract.pipeline import Doc, component
from kamerlens.extract.references import canonical_dossier
from kamerlens.models import Mention, Motion, Reference

_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPTS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_SPACE = re.compile(r"\s+")
_BRACKETS = re.compile(r"\([^()]*\)")
@cache
def vocabulary() -> dict[str, Any]:
    path = resources.files("kamerlens.extract").joinpath("data/motions.toml")
    return tomllib.loads(path.read_text("utf-8"))


@cache
def _member_re(ws: str = r"[ \t\u00a0]*\n?[ \t\u00a0]*(?<=\s)") -> str:
    """A member's name: "Jansen", "Van der Plas", "Jasper van Dijk", "Van Toorenburg-Dijsselbloem".

    ``ws`` is the white space between its words (at most one line break in running text)."""
    up = r"[A-ZÀ-ÖØ-ÞŁŠŽÇ]"
    sur = rf"{up}(?:[^\W\d_⁰¹²³⁴⁵⁶⁷⁸⁹]|['’])+"
    words = rf"[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Tt]e|[Hh]et|[Ii]n{ws}'t|'t|[Oo]p"
    pref = rf"(?:(?:{words}){ws})*"
    surname = rf"{pref}{sur}(?:-{pref}{sur})*"
    return rf"(?:{up}[a-zà-ÿ]+{ws}(?={pref}{up}))?{surname}"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    v = vocabulary()
    member = _member_re()
    party = v["party"]
    names = (
        rf"(?P<names>{member}(?:{party})?(?:(?:\s*,\s*|\s+en\s+|\s*/\s*)(?!{v['cs']}){member}"
        rf"(?:{party})?)*)"
    )
    signed = _member_re(r"[ \t]+")  # signature lines: one name a line
    hyphen = rf"-(?P<hnames>{member}(?:\s*/\s*{member})*)"
    return {
        "mention": re.compile(rf"{v['head']}(?:{hyphen}|(?P<intro>{v['introducer']}){names})?"),
        "member": re.compile(member),
        "cs": re.compile(v["cs"]),
        "party": re.compile(party),
        "date": re.compile(v["date_lead"] + r"(?=\d)"),
        "subject": re.compile(v["subject"]),
        "bracket": re.compile(r"[\s(]{0,3}"),
        "dictum_start": re.compile(v["dictum_start"]),
        "dictum_end": re.compile(v["dictum_end"]),
        "operative": re.compile(v["operative"]),
        "heading": re.compile(v["heading"]),
        "proposed_by": re.compile(v["proposed_by"] + names),
        "stuk_number": re.compile(v["stuk_number"]),
        "owner_after": re.compile(v["owner_after"] + names),
        "submitted_by": re.compile(v["submitted_by"] + names),
        "gets_number": re.compile(v["gets_number"]),
        "signature": re.compile(rf"(?m)^[ \t]*({signed})[ \t]*$"),
    }


@dataclass
class _Mention:
    start: int
    end: int
    members: list[str]
    cs: bool = False
    date: str | None = None
    dossier: str | None = None
    number: str | None = None
    subject: str | None = None
    in_note: str | None = None  # number of the footnote that holds the mention
    marker: str | None = None  # number of the footnote the mention's marker points to


@dataclass
class _Group:
    mentions: list[_Mention] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # the members of all mentions, deduplicated

    first: dict[str, Any] = field(default_factory=dict)  # first value of each field

    def add(self, mention: _Mention) -> None:
        self.mentions.append(mention)
        for name in mention.members:
            if not any(same_member(name, seen) for seen in self.names):
                self.names.append(name)
        for name in ("date", "dossier", "number", "subject"):
            if self.first.get(name) is None and getattr(mention, name):
                self.first[name] = getattr(mention, name)

    def value(self, name: str) -> Any:
        return self.first.get(name)

    def members(self) -> list[str]:
        return self.names


# ---------------------------------------------------------------- names


def _split_names(text: str) -> list[str]:
    text = _BRACKETS.sub(" ", text)  # a party after a name: "Jansen (VVD)"
    members = [_SPACE.sub(" ", m.group(0)) for m in _patterns()["member"].finditer(text)]
    party = _patterns()["party"]
    return [unglue(m) for m in members if not party.fullmatch(m)]


def _is_member_name(name: str, not_names: set[str] | frozenset[str]) -> bool:
    """A surname, not a word of the text: "De Kamer", "de Regering", "NAVO" are no members."""
    last = name.split()[-1]
    if name in not_names or last in not_names:
        return False
    return not (len(last) > 1 and last.isupper())


# ---------------------------------------------------------------- mentions in running text


def _note_at(doc: Doc, pos: int) -> str | None:
    """The footnote whose marker stands at ``pos`` (or just past a full stop or bracket)."""
    if doc.text[pos : pos + 1] in (".", ")", ",") and pos + 1 < len(doc.text):
        found = _note_at(doc, pos + 1)
        if found:
            return found
    for note in doc.norm.footnotes:
        if note.marker is not None and note.marker.start == pos:
            return note.number
    m = _SUPERSCRIPTS.match(doc.text, pos)
    if m:
        number = m.group(0).translate(_SUPERSCRIPT)
        if any(n.number == number for n in doc.norm.footnotes):
            return number
    return None


def _refs_at(refs: dict[int, list[Reference]], text: str, pos: int) -> list[Reference]:
    """The references of the citation that starts right after ``pos`` (past a bracket)."""
    gap = _patterns()["bracket"].match(text, pos)
    at = gap.end() if gap else pos
    return [r for r in refs.get(at, ()) if r.kind == "kamerstuk"]


def _tail(
    doc: Doc, mention: _Mention, refs: dict[int, list[Reference]], plural: bool
) -> list[_Mention]:
    """Read what follows the names: c.s., party, footnote marker, date, citation, subject."""
    text, p = doc.text, _patterns()
    pos = mention.end
    cited: list[Reference] = []
    for _ in range(6):
        moved = False
        if (m := p["cs"].match(text, pos)) and not mention.cs:
            mention.cs, pos, moved = True, m.end(), True
            mention.end = pos if not mention.subject else mention.end
        if (m := p["party"].match(text, pos)) and not moved:
            pos, moved = m.end(), True
        if mention.marker is None and (note := _note_at(doc, pos)):
            mention.marker, moved = note, True
            pos += len(note) if _SUPERSCRIPTS.match(text, pos) else 0
        if mention.date is None and (m := p["date"].match(text, pos)):
            found = parse_date(text[m.end() : m.end() + 25])
            date_end = re.match(r"\d{1,2}\s+\w+\.?\s+\d{4}", text[m.end() : m.end() + 25])
            if found and date_end:
                mention.date, pos, moved = found, m.end() + date_end.end(), True
                mention.end = pos if not mention.subject else mention.end
        if not cited and (hits := _refs_at(refs, text, pos)):
            cited = hits
            pos = hits[0].end + (1 if text[hits[0].end : hits[0].end + 1] == ")" else 0)
            moved = True
            mention.end = pos if not mention.subject else mention.end
        if mention.number is None and not cited and (m := p["stuk_number"].match(text, pos)):
            pos, moved = _stuk_number(mention, m, refs, text), True
            mention.end = pos if not mention.subject else mention.end
        if mention.subject is None and (m := p["subject"].match(text, pos)):
            mention.subject = _SPACE.sub(" ", m.group("subject")).strip(" ,")
            pos, moved = m.end(), True
        if not moved:
            break
    if cited:
        mention.dossier, mention.number = cited[0].dossier, cited[0].number
    if not mention.members:
        _owner_after(mention, text, pos)
    if plural and len(cited) > 1:  # "moties 30420, nrs 100 en 101": one motion per number
        # the members named signed them all ("de moties van het lid Eerdmans (nrs. 40 en 41)")
        return [
            _Mention(
                mention.start,
                cited[-1].end,
                list(mention.members),
                mention.cs,
                mention.date,
                r.dossier,
                r.number,
                mention.subject,
                mention.in_note,
            )
            for r in cited
        ]
    return [mention]


def _stuk_number(
    mention: _Mention, m: re.Match[str], refs: dict[int, list[Reference]], text: str
) -> int:
    """ "de motie op stuk nr. 48", "op stuk nr. 304 (33576)": the number the motion got in the
    debate, and its dossier when a bracket gives it (the citation itself is the references')."""
    mention.number = m["number"]
    if m["dossier"]:
        cited = _refs_at(refs, text, m.start("dossier") - 1)
        mention.dossier = cited[0].dossier if cited else canonical_dossier(m["dossier"])
    end = m.end()
    return end - 1 if text[end - 1 : end] == "," else end


def _owner_after(mention: _Mention, text: str, pos: int) -> None:
    """The submitters named after the motion: "de motie op stuk nr. 45 van mevrouw Mutluer", "De
    eerste motie, op stuk nr. 905, is van mevrouw Leijten", "een motie ingediend bij de
    begrotingsbehandeling van Defensie, door de leden Erkens en Dassen"."""
    p = _patterns()
    m = p["owner_after"].match(text, pos) if mention.number else None
    m = m or p["submitted_by"].match(text, pos)
    if m is None:
        return
    not_names = set(vocabulary()["not_names"])
    members = [n for n in _split_names(m["names"]) if _is_member_name(n, not_names)]
    if not members:
        return
    mention.members = members
    end = m.end("names")
    if cs := p["cs"].match(text, end):
        mention.cs, end = True, cs.end()
    mention.end = max(mention.end, end)


_MOTIE = re.compile(r"[Mm]otie")
_HEAD_REACH = 40  # how far before "motie" its head may start ("nader gewijzigde motie")


def _mention_matches(text: str) -> Iterator[re.Match[str]]:
    """The mention pattern's matches, found from the literal "motie" (a full scan with the
    pattern's optional head is ten times slower)."""
    mention = _patterns()["mention"]
    done = 0
    for lit in _MOTIE.finditer(text):
        if lit.start() < done:
            continue
        m = mention.search(text, max(done, lit.start() - _HEAD_REACH))
        if m is None:
            return
        done = m.end()
        yield m


def _running_mentions(doc: Doc, refs: dict[int, list[Reference]]) -> list[_Mention]:
    not_names = set(vocabulary()["not_names"])
    out: list[_Mention] = []
    titled: frozenset[str] | None = None  # read once, when a hyphenated name first needs it
    for m in _mention_matches(doc.text):
        names_group = "names" if m.group("names") else "hnames"
        names_text = m.group(names_group) or ""
        members = [n for n in _split_names(names_text) if _is_member_name(n, not_names)]
        if not re.search(r"\b(?:lid|heer|mevrouw|collega)\b", m.group("intro") or ""):
            # "het lid", "mevrouw": one person, whose surname may hold a hyphen
            if titled is None and any("-" in n for n in members):
                titled = titled_names(doc.text)
            members = [part for n in members for part in hyphen_parts(n, titled or frozenset())]
        end = m.end(names_group) if members else m.end("word")
        plural = bool(m.group("plural"))
        if plural and members and not re.search(r"\b(?:van|door)\b", m.group("intro") or ""):
            # "Stemmingen moties Begroting Binnenlandse Zaken": capitals after a bare plural
            # are a subject; kept only when a citation follows ("moties Omtzigt en Dassen")
            members, end = [], m.end("word")
            bare_plural = True
        else:
            bare_plural = False
        if not members and not plural and (named := owner(doc.text, m.start())):
            members = [named]  # "Op verzoek van de heer X stel ik voor zijn motie ..."
        mention = _Mention(m.start(), end, members, in_note=doc.footnote_of(m.start()))
        for item in _tail(doc, mention, refs, plural):
            if bare_plural and item.dossier is None:
                continue
            if item.members or item.dossier or item.marker or item.number:
                out.append(item)
    return out


# ---------------------------------------------------------------- the text of a motion


def _dictum_mentions(doc: Doc) -> list[_Mention]:
    """Motion texts ("De Kamer, gehoord de beraadslaging, ... orde van de dag.")."""
    p, text = _patterns(), doc.text
    blocks = []
    if "eraadslaging" not in text:  # a substring test spares a case-blind scan of most texts
        return []
    for start in p["dictum_start"].finditer(text, 0, doc.body_end):
        end = p["dictum_end"].search(text, start.end(), min(start.end() + 8000, doc.body_end))
        if end:
            blocks.append((start.start(), end.end()))
    out = []
    is_motion_doc = doc.info.get("kind") == "motie"
    for i, (s, e) in enumerate(blocks):
        before = text[blocks[i - 1][1] if i else max(0, s - 1500) : s]
        heading = None
        for h in p["heading"].finditer(before):
            heading = h
        after_end = blocks[i + 1][0] if i + 1 < len(blocks) else min(len(text), e + 800)
        mention = _Mention(s, e, [])
        if heading:
            names = re.split(r"\s*,\s*|\s+EN\s+", heading["names"])
            mention.members = [name_case(n) for n in names]
            mention.cs = bool(heading["cs"])
            offset = s - len(before)
            mention.start, mention.end = offset + heading.start(), offset + heading.end()
        if not heading:
            _line_heading(doc, mention, before, s)
        _after_dictum(doc, mention, e, after_end)
        if (m := p["operative"].search(text, s, e)) is not None:
            mention.subject = _SPACE.sub(" ", f"{m['verb']} {m['what']}").strip(" ,;")
        if is_motion_doc and len(blocks) == 1:
            mention.dossier = mention.dossier or doc.info.get("dossier")
            mention.number = mention.number or doc.info.get("number")
            mention.date = doc.info.get("date")
        out.append(mention)
    return out


def _last_line_start(before: str) -> int | None:
    """Where the last non-blank line of ``before`` starts, when a line break follows it: what the
    pattern "a line, a break, then only white space to the end" finds, without searching the
    whole text once per motion (quadratic in a long debate)."""
    body = before.rstrip()
    if not body:  # nothing but white space: the first line of spaces or tabs that has a break
        m = _BLANK_LINE.search(before)
        return m.start() if m else None
    if "\n" not in before[len(body) :]:
        return None
    return body.rfind("\n") + 1


_BLANK_LINE = re.compile(r"[^\n]+\n")


def _line_heading(doc: Doc, mention: _Mention, before: str, start: int) -> None:
    """ "Motie van de leden Piri en Brekelmans over ..." on the line above a motion text in the
    minutes: its members are the motion's, and the heading is where the motion starts."""
    line = _last_line_start(before)
    if line is None:
        return
    p = _patterns()
    at = start - len(before) + line
    m = p["mention"].match(doc.text, at)
    if m is None or not m.group("names") or not re.search(r"\b(?:lid|leden)\b", m["intro"] or ""):
        return
    not_names = set(vocabulary()["not_names"])
    mention.members = [n for n in _split_names(m["names"]) if _is_member_name(n, not_names)]
    cs = p["cs"].match(doc.text, m.end())
    mention.cs = cs is not None
    mention.start, mention.end = m.start(), cs.end() if cs else m.end()


def _after_dictum(doc: Doc, mention: _Mention, start: int, end: int) -> None:
    """Signature lines, "voorgesteld door ...", "Zij krijgt nr. 42 (36 180)" after a motion text."""
    p, text = _patterns(), doc.text
    signed: list[tuple[int, int, str]] = []
    for m in p["signature"].finditer(text, start, end):
        if text[start : m.start()].strip(" \t\n") and not signed and m.start() - start > 80:
            break
        if signed and text[signed[-1][1] : m.start()].count("\n") > 2:
            break
        signed.append((m.start(), m.end(), m.group(1)))
    not_names = set(vocabulary()["not_names"])
    names = [n for _, _, n in signed if _is_member_name(n, not_names)]
    if names and (not mention.members or same_member(mention.members[0], names[0])):
        if len(names) > len(mention.members):
            mention.cs = False  # the co-signers of "c.s." are named now: not counted twice
        mention.members = names  # the signed names, in their own spelling, are the full list
    if (by := p["proposed_by"].search(text, start, end)) and not mention.members:
        mention.members = [n for n in _split_names(by["names"]) if _is_member_name(n, not_names)]
        mention.cs = p["cs"].match(text, by.end("names")) is not None
    if numbered := p["gets_number"].search(text, start, end):
        mention.number = numbered["number"]
        mention.dossier = canonical_dossier(numbered["dossier"])


# ---------------------------------------------------------------- merging


def _conflict(group: _Group, m: _Mention) -> bool:
    dossier, number = group.value("dossier"), group.value("number")
    if m.dossier and dossier and (m.dossier, m.number) != (dossier, number):
        return True
    if m.number and number and m.number != number:  # "op stuk nr. 906" is not "op stuk nr. 907"
        return True
    date = group.value("date")
    if m.date and date and m.date != date:
        return True
    subject = group.value("subject")
    return bool(m.subject and subject and fuzz.token_set_ratio(m.subject, subject) < 60)


def _affinity(group: _Group, m: _Mention, shared: set[str]) -> int:
    """How surely ``m`` is a mention of the group's motion: 3 tied by a footnote marker, 2 the
    same citation, 1 the same members, 0 not (or contradicting what the group says). A number
    without a dossier is no citation of a group's dossier when the document names that number
    with several dossiers (the numbers ``shared``)."""
    if _conflict(group, m):
        return 0
    if m.in_note and any(g.marker == m.in_note for g in group.mentions):
        return 3
    if m.marker and any(g.in_note == m.marker for g in group.mentions):
        return 3
    if (
        m.number
        and m.number == group.value("number")
        and (m.dossier or not group.value("dossier") or m.number not in shared)
    ):
        return 2  # the same number (and no other dossier: see _conflict)
    return 1 if same_members(group.members(), m.members) else 0


def _attach_notes(doc: Doc, mentions: list[_Mention], refs: list[Reference]) -> None:
    """A body mention whose footnote cites a Kamerstuk but names no motion takes that citation."""
    in_notes = {m.in_note for m in mentions if m.in_note}
    for m in mentions:
        if not m.marker or m.marker in in_notes or m.dossier:
            continue
        note = next((n for n in doc.norm.footnotes if n.number == m.marker), None)
        if note is None:
            continue
        cited = [r for r in refs if r.kind == "kamerstuk" and note.start <= r.start < note.end]
        if len(cited) == 1:
            m.dossier, m.number = cited[0].dossier, cited[0].number


def merge(mentions: list[_Mention]) -> list[_Group]:
    """Mentions in text order, each joined to the group it is surest to belong to; between
    equally sure groups the one mentioned last (in a debate: the motion being discussed, "zijn
    motie" after "de motie op stuk nr. 51 is afkomstig van de heer Sneller")."""
    dossiers: dict[str, set[str]] = {}
    for m in mentions:
        if m.number and m.dossier:
            dossiers.setdefault(m.number, set()).add(m.dossier)
    shared = {number for number, named in dossiers.items() if len(named) > 1}
    groups: list[_Group] = []
    # A group with another number contradicts a numbered mention (see _conflict): such a mention
    # is scored against the groups of its number and those without one only. One without a
    # number is scored against the groups it may share a footnote or its first member with.
    by_number: dict[str, list[int]] = {}
    unnumbered: set[int] = set()
    by_marker: dict[str, set[int]] = {}
    by_note: dict[str, set[int]] = {}
    first_members = FirstMembers()
    for m in sorted(mentions, key=lambda x: x.start):
        if m.number:
            found: Iterable[int] = [*by_number.get(m.number, ()), *unnumbered]
        else:
            tied = by_marker.get(m.in_note or "", set()) | by_note.get(m.marker or "", set())
            found = tied.union(first_members.like(m.members[0])) if m.members else tied
        best = max(
            ((_affinity(groups[i], m, shared), groups[i].mentions[-1].start, i) for i in found),
            default=(0, 0, 0),
        )
        if best[0]:
            index = best[2]
        else:
            index = len(groups)
            groups.append(_Group())
            unnumbered.add(index)
        target = groups[index]
        had_members = bool(target.names)
        target.add(m)
        if target.names and not had_members:
            first_members.add(target.names[0], index)
        if m.marker:
            by_marker.setdefault(m.marker, set()).add(index)
        if m.in_note:
            by_note.setdefault(m.in_note, set()).add(index)
        if index in unnumbered and (number := target.value("number")):
            unnumbered.discard(index)
            by_number.setdefault(number, []).append(index)
    return groups


def _motion(doc: Doc, group: _Group) -> Motion:
    body = [m for m in group.mentions if not m.in_note] or group.mentions
    first = min(body, key=lambda m: m.start)
    spans = sorted({(m.start, m.end) for m in group.mentions})
    return Motion(
        members=tuple(group.members()),
        cs=any(m.cs for m in group.mentions),
        date=group.value("date"),
        dossier=group.value("dossier"),
        number=group.value("number"),
        subject=group.value("subject"),
        text=doc.text[first.start : first.end],
        start=first.start,
        end=first.end,
        mentions=tuple(Mention(s, e) for s, e in spans),
    )


def _debate_mentions(
    doc: Doc, mentions: list[_Mention], texts: list[_Mention]
) -> list[_Mention]:
    """In a debate: a member's own motions, and the dossier of motions named by their number
    only (``motion_debate.debate_dossiers``)."""
    taken = [(m.start, m.end) for m in mentions]
    own = [
        _Mention(start, end, [speaker])
        for start, end, speaker in own_mentions(doc, taken, [t.start for t in texts])
    ]
    named = [(m.dossier, m.number) for m in mentions if m.dossier and m.number]
    bare = [m for m in mentions if m.number and not m.dossier]
    if named and bare:
        dossier_of = debate_dossiers(named, [m.number for m in bare if m.number])
        for m in bare:
            m.dossier = dossier_of.get(m.number or "")
    return own


@component("motions", needs=("references", "turns"), sets=("motions",))
def motions(doc: Doc) -> None:
    refs = sorted(doc.results.get("references", []), key=lambda r: r.start)
    by_start: dict[int, list[Reference]] = {}
    for ref in refs:
        by_start.setdefault(ref.start, []).append(ref)
    dictum = _dictum_mentions(doc)
    heads = {m.start for m in dictum}  # a heading read with its motion text is not read again
    mentions = dictum + [m for m in _running_mentions(doc, by_start) if m.start not in heads]
    _attach_notes(doc, mentions, refs)
    if is_debate(doc):
        mentions += _debate_mentions(doc, mentions, dictum)
    found = [_motion(doc, g) for g in merge(mentions)]
    doc.results["motions"] = appreciate(doc, found)


__all__ = ["merge", "motions", "vocabulary"]

"""References to Kamerstukken, Handelingen and Aanhangsel: one entry per citation occurrence.

The citation grammar lives in ``data/references.toml`` (fragments composed into a few patterns);
this module compiles each, scans the text with each, keeps the first of overlapping matches
and turns each into
:class:`~kamerlens.models.Reference` items. A citation of several dossiers or numbers
("Kamerstukken 22 054 en 36 045, nr. 390", "nrs. 520 en 548", "nr. 6, p. 15-16; nr. 7") gives one
entry per document cited, each with the span of the whole citation.

The document's own identity (its running footer, its own "kst-36180-42") is never a reference.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from kamerlens.extract.pipeline import Doc, component
from kamerlens.extract.scan import started
from kamerlens.models import Reference

_FRAGMENT_REF = re.compile(r"\{([a-z_]+)\}")
_MAX_RANGE = 20  # "nrs. 3 t/m 7" is expanded; a longer range keeps only its two ends


@cache
def _grammar() -> dict[str, Any]:
    path = resources.files("kamerlens.extract").joinpath("data/references.toml")
    return tomllib.loads(path.read_text("utf-8"))


def _expand(pattern: str, fragments: dict[str, str], depth: int = 0) -> str:
    if depth > 10:
        raise ValueError("references.toml: fragments refer to each other in a loop")
    if not _FRAGMENT_REF.search(pattern):
        return pattern

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in fragments:
            raise ValueError(f"references.toml: unknown fragment {{{name}}}")
        return "(?:" + _expand(fragments[name], fragments, depth + 1) + ")"

    return _FRAGMENT_REF.sub(sub, pattern)


@cache
def _fragment(name: str) -> re.Pattern[str]:
    fragments = _grammar()["fragments"]
    return re.compile(_expand(fragments[name], fragments), re.VERBOSE)


@cache
def _scanners() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each citation pattern compiled on its own: separate scans keep the regex engine's fast
    literal search ("Kamerstuk", "kst-"), which one big alternation would lose (10x slower)."""
    grammar = _grammar()
    fragments = grammar["fragments"]
    return tuple(
        (name, re.compile(_expand(pattern, fragments), re.VERBOSE))
        for name, pattern in grammar["patterns"].items()
    )


@cache
def _self_footer() -> re.Pattern[str]:
    return re.compile(_grammar()["self"]["footer"])


@cache
def _self_footer_lead() -> re.Pattern[str]:
    return re.compile(_grammar()["self"]["footer_lead"])


_SESSION_LEAD = re.compile(r"(?:[Zz]itting|[Vv]ergaderjaar)\b")


_NR_WORD = re.compile(r"\b(?:nrs?|nummers?)\b\.?")
_RANGE = re.compile(r"(\d+)\s*(t/m|tot\s+en\s+met|[-–])\s*(\d+)(?![a-zA-Z])")
_SPACE = re.compile(r"[\s\u00a0\u202f]+")
_LEAD_DIGITS = re.compile(r"\d{1,5}")


def canonical_dossier(text: str) -> str:
    """The canonical form of a written dossier number.

    >>> [canonical_dossier(t) for t in ("36 180", "36 200 X", "21 501-02", "19 700 hoofdstuk XV")]
    ['36180', '36200-X', '21501-02', '19700-XV']
    >>> canonical_dossier("27 484 (R 1669)")
    '27484-(R1669)'
    >>> [canonical_dossier(t) for t in ("5380", "17 600, hoofdstuk X", "21 501 -17", "35.830 XVII")]
    ['5380', '17600-X', '21501-17', '35830-XVII']
    >>> canonical_dossier("21501–02")
    '21501-02'
    """
    compact = _SPACE.sub("", text).replace("–", "-")  # an en dash set for the hyphen
    if compact[2:3] == "." and compact[:2].isdigit():
        compact = compact[:2] + compact[3:]  # "35.830": a thousands dot
    lead = _LEAD_DIGITS.match(compact)  # five digits, or four in a dossier before 1963
    digits = lead.group(0) if lead else ""
    rest = compact[len(digits) :].lstrip(",").lstrip("-").replace("hoofdstuk", "")
    return f"{digits}-{rest}" if rest else digits


def _numbers(text: str) -> list[str]:
    """The ondernummers in "nrs. 5, 6 en 8" / "nrs. 3 t/m 5" (ranges expanded when short)."""
    out: list[str] = []
    pos = 0
    num = _fragment("num")
    for m in _RANGE.finditer(text):
        out.extend(n.group(0) for n in num.finditer(text, pos, m.start()))
        lo, hi = int(m.group(1)), int(m.group(3))
        if 0 <= hi - lo <= _MAX_RANGE:
            out.extend(str(n) for n in range(lo, hi + 1))
        elif m.group(2) in "-–":  # "nr. 31 - 30372-31": a dash that joins no range
            out.append(m.group(1))
        else:
            out.extend((m.group(1), m.group(3)))
        pos = m.end()
    out.extend(n.group(0) for n in num.finditer(text, pos))
    return out


def _segments(body: str) -> Iterator[tuple[list[str], list[str], str | None]]:
    """(dossiers, numbers, page) per ";"-separated part of a citation body."""
    dossier_re, page_re = _fragment("dossier"), _fragment("page")
    dossiers: list[str] = []
    for part in body.split(";"):
        nr = _NR_WORD.search(part)
        head = part if nr is None else part[: nr.start()]
        found = [canonical_dossier(m.group(0)) for m in dossier_re.finditer(head)]
        dossiers = found or dossiers
        if nr is None:
            yield dossiers, [], None
            continue
        tail = part[nr.end() :]
        page = page_re.search(tail)
        numbers = _numbers(tail[: page.start()] if page else tail)
        yield dossiers, numbers, _SPACE.sub(" ", page.group(0)) if page else None


def _chamber(value: str | None) -> str | None:
    if not value:
        return None
    return {"TK": "II", "EK": "I", "tk": "II", "ek": "I"}.get(value, value)


def _year(value: str | None) -> str | None:
    return _SPACE.sub("", value) if value else None


def _from_match(kind: str, m: re.Match[str], text: str) -> list[Reference]:
    g = m.groupdict()

    def get(name: str) -> str | None:
        return g.get(name)

    start, end = m.span()
    cited = text[start:end]
    session = get("sdossier") or get("sdossier_dash")  # "Zitting 1958-1959-5380"
    if session or get("ndossier"):
        # "nr. 38 (36410-VI)", "Zitting 1958–1959 – 5380, nr. 3", "Kamerstukken II 1958/59,
        # 5380, nr. 3": one dossier (of four digits in old citations), its numbers
        dossier = canonical_dossier(get("ndossier") or session or "")
        return [
            _ref(dossier, number, get("chamber"), cited, start, end, get("year"))
            for number in _numbers(get("nnums") or get("snums") or "")
        ]
    if kind in ("kamerstuk_lead", "chamber_lead", "bare"):
        if get("cdossier"):
            dossier = (get("cdossier") or "") + (f"-{get('csuffix')}" if get("csuffix") else "")
            return [_ref(dossier, get("cnumber"), get("chamber"), cited, start, end, get("year"))]
        if get("ekdossier"):
            dossier = canonical_dossier(get("ekdossier") or "")
            letters = _fragment("ek_letter").findall(get("ekletters") or "")
            return [
                _ref(dossier, letter, get("chamber"), cited, start, end, get("year"))
                for letter in letters
            ]
        refs = []
        for dossiers, numbers, page in _segments(get("body") or ""):
            for dossier in dossiers:
                wanted: list[str | None] = list(numbers) or [None]
                for number in wanted:
                    refs.append(
                        _ref(dossier, number, get("chamber"), cited, start, end, get("year"), page)
                    )
        return refs
    if kind in ("kst_id", "compact"):
        suffix = get("suffix")
        dossier = _SPACE.sub("", get("dossier") or "") + (f"-{suffix}" if suffix else "")
        if kind == "compact":  # the group starts at the dash before the dossier
            start = m.start("dossier")
            cited = text[start:end]
        return [_ref(dossier, get("number"), None, cited, start, end)]
    return [_handelingen(kind, get, cited, start, end)]


def _handelingen(kind: str, get: Any, cited: str, start: int, end: int) -> Reference:
    year = get("year")
    if kind == "handelingen_id" and year:  # "20192020" -> "2019/20"
        year = f"{year[:4]}/{year[6:]}"
    page = get("page")
    return Reference(
        kind="aanhangsel" if get("aanhangsel") else "handelingen",
        dossier=None,
        number=get("number"),
        chamber=_chamber(get("chamber")),
        text=cited,
        start=start,
        end=end,
        year=_year(year),
        page=_SPACE.sub(" ", page) if page else None,
        item=get("item"),
    )


def _ref(
    dossier: str,
    number: str | None,
    chamber: str | None,
    cited: str,
    start: int,
    end: int,
    year: str | None = None,
    page: str | None = None,
) -> Reference:
    return Reference(
        kind="kamerstuk",
        dossier=dossier,
        number=number,
        chamber=_chamber(chamber),
        text=cited,
        start=start,
        end=end,
        year=_year(year),
        page=page,
    )


@cache
def _anchors() -> dict[str, tuple[re.Pattern[str], int]]:
    return {
        name: (re.compile(re.escape(literal)), back)
        for name, (literal, back) in _grammar().get("anchors", {}).items()
    }


def _anchored(
    pattern: re.Pattern[str], literal: re.Pattern[str], back: int, text: str, start: int, end: int,
    starts: list[int] | None = None,
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` (as ``finditer`` gives them), tried only near its literal.

    With ``starts`` (every place a match of ``pattern`` can begin, in order) the search after
    a literal tries only those places: the same match as ``pattern.search``, found without
    trying every position up to the next match (a pattern that opens with a look-behind)."""
    done = start
    for lit in literal.finditer(text, start, end):
        if lit.start() < done:
            continue
        lo = max(done, lit.start() - back)
        if starts is None:
            m = pattern.search(text, lo, end)
        else:
            m = next(started(pattern, starts[bisect_left(starts, lo):], text, lo, end), None)
        if m is None:
            return
        done = m.end()
        yield m


@cache
def _starts() -> dict[str, re.Pattern[str] | tuple[str, ...]]:
    return {
        name: tuple(where) if isinstance(where, list) else re.compile(where)
        for name, where in _grammar().get("starts", {}).items()
    }


def _start_positions(
    where: re.Pattern[str] | tuple[str, ...], text: str, start: int, end: int
) -> Iterable[int]:
    if isinstance(where, re.Pattern):
        return (f.start() for f in where.finditer(text, start, end))
    found = set()
    for literal in where:
        at = text.find(literal, start, end)
        while at >= 0:
            found.add(at)
            at = text.find(literal, at + 1, end)
    return sorted(found)



def _matches(name: str, pattern: re.Pattern[str], text: str, start: int, end: int,
             places: dict[Any, list[int]]) -> Iterator[re.Match[str]]:
    """``places`` keeps the start positions found per [starts] entry: two patterns that begin
    where the same entry finds (bare and compact) share one scan of the text."""
    anchors, starts = _anchors(), _starts()
    begins = None
    if name in starts:
        where = starts[name]
        if where not in places:
            places[where] = list(_start_positions(where, text, start, end))
        begins = places[where]
    if name in anchors:
        return _anchored(pattern, *anchors[name], text, start, end, begins)
    if begins is not None:
        return started(pattern, begins, text, start, end)
    return pattern.finditer(text, start, end)


def find(text: str, start: int = 0, end: int | None = None) -> list[Reference]:
    """Every citation in ``text[start:end]``, in order, without regard to the document's identity.

    >>> [(r.dossier, r.number) for r in find("zie Kamerstukken 22 054 en 36 045, nr. 390.")]
    [('22054', '390'), ('36045', '390')]
    """
    end = len(text) if end is None else end
    requires = _grammar().get("requires", {})
    places: dict[Any, list[int]] = {}
    found = [
        (m.start(), order, name, m)
        for order, (name, pattern) in enumerate(_scanners())
        if not requires.get(name) or any(r in text for r in requires[name])
        for m in _matches(name, pattern, text, start, end, places)
    ]
    found.sort(key=lambda f: (f[0], f[1]))
    refs: list[Reference] = []
    taken = -1
    for begin, _, name, m in found:
        if begin < taken:  # inside a citation already read by an earlier or stronger pattern
            continue
        taken = m.end()
        refs.extend(_from_match(name, m, text))
    return _carried(refs, text, end)


@cache
def _carry() -> tuple[re.Pattern[str], re.Pattern[str], int]:
    carry, fragments = _grammar()["carry"], _grammar()["fragments"]
    return (
        re.compile(_expand(carry["next"], fragments), re.VERBOSE),
        re.compile(carry["stop"]),
        int(carry["window"]),
    )


def _carried(refs: list[Reference], text: str, end: int) -> list[Reference]:
    """``refs`` with the numbers that take the dossier of the citation before them ("Kamerstuk
    31 293, nr. 4 (brief van 3 mei) en nr. 6"): joined to it by "en"/"of", in the same sentence,
    with no other dossier in between."""
    pattern, stop, window = _carry()
    out: list[Reference] = []
    for i, ref in enumerate(refs):
        out.append(ref)
        if ref.kind != "kamerstuk" or not ref.dossier or not ref.number:
            continue
        if i + 1 < len(refs) and refs[i + 1].start == ref.start:
            continue  # one citation of several dossiers: carry from its last entry only
        limit = min(end, ref.end + window, refs[i + 1].start if i + 1 < len(refs) else end)
        m = pattern.search(text, ref.end, limit)
        if m is None or stop.search(text, ref.end, m.start()):
            continue
        for number in _numbers(m.group("nums")):
            out.append(_ref(ref.dossier, number, ref.chamber, m.group(0), m.start(), m.end(),
                            ref.year))
    return out


def _furniture_spans(doc: Doc) -> list[tuple[int, int]]:
    """Spans of page furniture still present in the normalized text (when the normalizer says)."""
    spans = []
    for item in getattr(doc.norm, "furniture", None) or ():
        s, e = getattr(item, "start", None), getattr(item, "end", None)
        if isinstance(s, int) and isinstance(e, int):
            spans.append((s, e))
    return spans


def _is_own(ref: Reference, doc: Doc, furniture: list[tuple[int, int]]) -> bool:
    if any(s <= ref.start and ref.end <= e for s, e in furniture):
        return True
    if ref.kind == "kamerstuk":
        own = (doc.info.get("dossier"), doc.info.get("number"))
        if own[0] and own == (ref.dossier, ref.number):
            return True
        window = max(0, ref.start - 120)
        line_start = max(doc.text.rfind("\n", window, ref.start) + 1, window)
        if _self_footer().search(doc.text, line_start, ref.start):
            return True
        if _alone_in_head(ref, doc.text):
            return True
        if _SESSION_LEAD.match(ref.text) and _self_footer_lead().search(
            doc.text, line_start, ref.start
        ):
            return True
    if ref.kind in ("aanhangsel", "handelingen"):
        return _own_handelingen(ref, doc)
    return False


_HEAD_LINES = 6  # the head of a document: its first non-empty lines


def _alone_in_head(ref: Reference, text: str) -> bool:
    """A citation alone on its line among the first lines: the document's own number, printed
    as the head of an as-submitted motion or amendment ("15 februari 2023 / 32043-605 /
    Toekomst pensioenstelsel"); a citation in prose has words around it."""
    # Read from the citation outwards, not the whole line: a long line holds many citations.
    line_start = ref.start
    while line_start > 0 and text[line_start - 1] in " \t\u00a0(":
        line_start -= 1
    if line_start > 0 and text[line_start - 1] != "\n":
        return False
    line_end = ref.end
    while line_end < len(text) and text[line_end] in " \t\u00a0).":
        line_end += 1
    if line_end < len(text) and text[line_end] != "\n":
        return False
    return line_start < _head_end(text)


@lru_cache(maxsize=4)
def _head_end(text: str) -> float:
    """Where the first ``_HEAD_LINES`` non-empty lines of ``text`` end (infinity if it has fewer):
    a line starting before that has fewer of them above it."""
    at, seen = 0, 0
    for line in text.splitlines(keepends=True):
        at += len(line)
        seen += bool(line.strip())
        if seen == _HEAD_LINES:
            return at
    return float("inf")


_OWN_ID = re.compile(r"(?P<a>a)?h-(?P<chamber>tk|ek)-(?P<year>\d{4})\d{4}-(?P<number>\d+)")
_TRAIL = re.compile(r"[ \t\u00a0]*(?:\d{1,5})?[ \t\u00a0]*(?:\n|$)")


def _own_handelingen(ref: Reference, doc: Doc) -> bool:
    """The document's own identity: the publication it is ("ah-tk-20242025-812"), and its running
    footer "Aanhangsel Handelingen II 2024/25   3": a citation without "nr." alone on its line,
    followed by a page number at most (a citation in prose is never cut off like that)."""
    own = _OWN_ID.fullmatch(str(doc.info.get("identifier") or ""))
    same = (
        own is not None
        and ref.number == own["number"]
        and (ref.kind == "aanhangsel") == bool(own["a"])
    )
    if same and own is not None and (ref.year is None or ref.year[:4] == own["year"]):
        return True
    if ref.number is not None and not (own and ref.number == own["number"]):
        return False
    line_start = doc.text.rfind("\n", 0, ref.start) + 1
    alone = not doc.text[line_start : ref.start].strip()
    return alone and bool(_TRAIL.match(doc.text, ref.end))


@component("references", needs=(), sets=("references",))
def references(doc: Doc) -> None:
    furniture = _furniture_spans(doc)
    doc.results["references"] = [r for r in find(doc.text) if not _is_own(r, doc, furniture)]


__all__ = ["canonical_dossier", "find", "references"]

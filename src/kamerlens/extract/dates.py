"""Dates and periods named in the text, years inferred from context, and the document's own date.

``dates`` finds every date expression (:mod:`kamerlens.extract.dateparse`), reads the cues around
it ("11 november jl.", "de aanstaande Raad", "vond ... plaats", "zal") and gives a yearless date
the year that fits an anchor: the written document date, else a date in the title, else the most
common explicit year. With a cue for the future the first occurrence after the anchor wins, with a
cue for the past the last one before it, otherwise the nearest.

``document_date`` estimates the date of a document that does not state one: it is written after
every date it reports as past and before every date it calls upcoming. Constraints that cannot
all hold (a typo such as 2023 for 2022) are resolved by dropping the lightest ones, so the range
is never impossible. The estimate is the earliest possible day; ``date_range`` holds both ends.

A ``DateMention`` spans ``start_date`` .. ``end_date``; a single day or month has both equal.
An open period has one side: "voor de zomer" is (None, "YYYY-07"), "sinds 2014" is ("2014", None).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Literal

from kamerlens.extract.dateparse import Point, RawDate, parse, pattern
from kamerlens.extract.lexicon import (
    alternation,
    find_all,
    hits,
    keywords,
    load,
    lower,
    numbers,
    sentence_index,
    trie_alternation,
)
from kamerlens.extract.pipeline import Doc, component
from kamerlens.models import DateMention

Relation = Literal["past", "upcoming"]


@dataclass(frozen=True)
class Found:
    """A date expression with what the context says about it (kept for ``document_date``)."""

    raw: RawDate
    first: Point | None  # resolved (year filled in where it could be)
    last: Point | None
    inferred: bool
    cue: Relation | None
    strength: int  # 3: "jl."/"a.s." right after; 2: a cue word before; 1: verb tense; 0: none

    def lo(self) -> date | None:
        p = self.first or self.last
        return p.first_day() if p and p.year is not None else None

    def hi(self) -> date | None:
        p = self.last or self.first
        return p.last_day() if p and p.year is not None else None


# --- finding ---------------------------------------------------------------------------------


@cache
def _context() -> dict[str, frozenset[str]]:
    ctx = load("dates")["context"]
    return {k: frozenset(w.lower() for w in v) for k, v in ctx.items()}


_NEXT_WORD = re.compile(r"\s*([^\s]+)")


def _prev_word(text: str, lo: int, hi: int) -> tuple[str, int]:
    """The last word of ``text[lo:hi]`` before white space at its end, and where it starts
    (``("", hi)`` when there is none): what ``(\\S+)\\s*$`` finds, without trying every
    position."""
    window = text[lo:hi].rstrip()
    if not window:
        return "", hi
    word = window.rsplit(None, 1)[-1]
    return word, lo + len(window) - len(word)


def _year_ok(text: str, start: int, end: int) -> bool:
    """A bare 4-digit number is a year only in a context that says so."""
    ctx = _context()
    prev, prev_at = _prev_word(text, max(0, start - 30), start)
    prev_word = prev.lower().strip("(,")
    if prev_word in ctx["not_year_before"]:
        return False
    two, _ = _prev_word(text, max(0, start - 40), prev_at)
    if two and f"{two.lower()} {prev_word}" in ctx["not_year_before"]:
        return False
    if prev_word in ctx["year_before"]:
        return True
    nxt = _NEXT_WORD.match(text, end)
    if not nxt:
        return True
    word = nxt.group(1)
    if not word[0].isalpha() or not word[0].islower():
        return True  # punctuation, a capital or a number follows: "in 2014 spraken", "2024)"
    return word.lower().rstrip(".,;:)") in ctx["year_after_ok"]


def _taken(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of ``spans`` (sorted by start)."""
    i = bisect_left(spans, (end, -1))  # spans that start before ``end``
    return any(start < e for _, e in spans[max(0, i - _MAX_NESTED):i])


_MAX_NESTED = 8  # spans (references) barely overlap: the few before ``end`` decide

@keywords("dates")
@cache
def _trigger_words() -> tuple[str, ...]:
    """Words every date without a number holds: a full month name, a season, "jaar".

    The full date pattern is tried only just before a number or one of these: run over every
    position it would cost more than all the other components together.
    """
    v = load("dates")
    words = {k.split()[-1].lower() for section in ("months", "periods", "relative_years")
             for k in v[section] if not k.endswith(".")}
    return tuple(sorted(words | {"jaar"}))


_DAY_AHEAD = re.compile(
    r"[0-9]{1,2}(?:e|ste|de)?(?:\s*(?:en|tot en met|t/m|tot|-|–|—)\s*(?:[a-z]+dag\s+)?"
    r"[0-9]{1,2}(?:e|ste|de)?)?\s*(?:jan|feb|maa|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)"
    r"|[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4}|[0-9]{2}[-/][0-9]{2}(?![0-9])",
    re.IGNORECASE,
)


def _triggers(text: str, low: str, words: list[tuple[int, str]] | None = None,
              nums: list[tuple[int, int]] | None = None) -> list[int]:
    """Offsets of the numbers and date words of ``text``, in order."""
    nums = numbers(text) if nums is None else nums
    hits = []
    for s, e in nums:
        if e - s == 4:
            if 1940 <= int(text[s:e]) <= 2099:
                hits.append(s)
        elif e - s <= 2 and _DAY_AHEAD.match(text, s):
            hits.append(s)  # a day number: a month (or a numeric date) follows
    if words is None:
        words = find_all(low, _trigger_words(), left=False, right=False)
    for at, _ in words:
        begin = at
        while begin and low[begin - 1].isalpha():
            begin -= 1  # the start of the word that holds it ("najaar", "zomerreces")
        hits.append(begin)
    return sorted(set(hits))


@cache
def _prefix_words() -> frozenset[str]:
    """Words that can stand in front of the number or month of a date expression."""
    v = load("dates")
    phrases: list[str] = [*v["weekdays"], *v["qualifiers"], *v["relative_seasons"], *v["months"],
                          *v["open"]["before"], *v["open"]["after"], *v["open"]["year_before"],
                          *v["open"]["year_after"], *v["context"]["month_before"],
                          *v["context"]["day_month_before"],
                          *v["periods"], *v["relative_years"], "de", "het", "tussen"]
    # Not context.year_before ("van", "en", "per" ...): it decides whether a bare number is a
    # year, but no date expression starts with it, so a start there never matches.
    return frozenset(w.lower() for p in phrases for w in p.split())


def _starts(text: str, at: int, floor: int) -> list[int]:
    """Where a date holding ``text[at]`` may begin, farthest first: the start of the run of
    date words in front of it ("uiterlijk op woensdag 31 mei"), and ``at`` itself."""
    words, firsts = _prefix_words(), _first_words()
    starts = [at]
    pos = at
    for _ in range(5):
        if pos - 1 <= floor:
            break
        cut = max(text.rfind(" ", floor, pos - 1), text.rfind("\n", floor, pos - 1)) + 1
        if cut <= floor and floor > 0 or at - cut > 48:
            break
        word = text[cut:pos].strip().lower()
        if word not in words:
            break
        pos = cut
        if word in firsts:
            starts.append(pos)  # "van" of "met ingang van" is walked over, never a start
    return starts[::-1]


@cache
def _first_words() -> frozenset[str]:
    """Words a date expression can begin with: the first word of every phrase in front."""
    v = load("dates")
    phrases: list[str] = [*v["weekdays"], *v["qualifiers"], *v["relative_seasons"], *v["months"],
                          *v["open"]["before"], *v["open"]["after"], *v["open"]["year_before"],
                          *v["open"]["year_after"], *v["context"]["month_before"],
                          *v["context"]["day_month_before"],
                          *v["periods"], *v["relative_years"], "de", "het", "tussen"]
    return frozenset(p.split()[0].lower() for p in phrases if p.split())


def find_raw(
    text: str, exclude: list[tuple[int, int]] | None = None, low: str | None = None,
    words: list[tuple[int, str]] | None = None, nums: list[tuple[int, int]] | None = None,
) -> list[RawDate]:
    """Every date expression in ``text`` (years not yet inferred), minus spans in ``exclude``."""
    out: list[RawDate] = []
    exclude = exclude or []
    pat = pattern()
    done = 0
    for at in _triggers(text, low if low is not None else text.lower(), words, nums):
        if at < done:
            continue
        for start in _starts(text, at, done):
            m = pat.match(text, start)
            if m is None or m.end() <= at:
                continue
            done = m.end()
            raw = parse(m)
            if raw is None:
                break
            if (m.group("y") or m.group("yr")) and not _year_ok(text, raw.start, raw.end):
                break
            if exclude and _taken(exclude, raw.start, raw.end):
                break
            out.append(raw)
            break
    return out


# --- cues ------------------------------------------------------------------------------------


@cache
def _cue_table() -> dict[str, frozenset[str]]:
    """Cue phrase (lower case, single-spaced) -> the lists it is in."""
    cues = load("dates")["cues"]
    table: dict[str, set[str]] = {}
    for kind, phrases in cues.items():
        for phrase in phrases:
            table.setdefault(" ".join(phrase.lower().split()), set()).add(kind)
    return {k: frozenset(v) for k, v in table.items()}


@cache
def _past_open() -> tuple[str, ...]:
    return tuple(w.lower() + " " for w in load("dates")["cues"]["past_open"])


@keywords("cues")
def _cue_words() -> list[str]:
    return list(_cue_table())


@cache
def _cue_patterns() -> dict[str, re.Pattern[str]]:
    cues = load("dates")["cues"]
    after = alternation([*cues["past_after"], *cues["upcoming_after"]])
    return {
        "after": re.compile(r"\s*,?\s*(" + after + r")", re.IGNORECASE),
        # A bare prefix tree, no group around it: the engine then skips ahead to the letters
        # a cue can start with (word edges are checked in Python).
        "any": re.compile(trie_alternation(_cue_table(), group=False)),
    }


def _cues_between(
    text: str, lo: int, hi: int, cues: list[tuple[int, str]] | None
) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of the cue words in ``text[lo:hi]``."""
    if cues is not None:
        i = bisect_left(cues, (lo, ""))
        out = []
        while i < len(cues) and cues[i][0] < hi:
            at, word = cues[i]
            if at + len(word) <= hi:
                out.append((at, at + len(word), word))
            i += 1
        return out
    window = text[lo:hi].lower()
    found = []
    for c in _cue_patterns()["any"].finditer(window):
        if (c.start() and (window[c.start() - 1].isalnum() or window[c.start() - 1] == ".")) \
                or (c.end() < len(window) and window[c.end()].isalnum()):
            continue
        found.append((lo + c.start(), lo + c.end(), " ".join(c.group(0).split())))
    return found


_INFINITIVE_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,4}?\s+te\s+[a-z]+(?:en|ën)\b")
# One class first (a comma then checked by what follows it): the engine skips to the class.
_CLAUSE_BREAK = re.compile(r"[;:()\[\],](?:(?<!,)|(?!\s*(?:d\.d\.|\d)))")
# The last break only: ".*" runs to the end of the window and backs off to it (one match in C,
# not a list of every break before the date).
_LAST_CLAUSE_BREAK = re.compile(".*" + _CLAUSE_BREAK.pattern, re.DOTALL)


def cue(
    text: str, sentence: tuple[int, int], start: int, end: int,
    cues: list[tuple[int, str]] | None = None,
) -> tuple[Relation | None, int]:
    """What the words around ``text[start:end]`` say: past, upcoming or nothing, and how firmly.

    ``cues`` are the document's cue words found beforehand (``hits(doc, "cues")``); without
    them the window around the date is searched.
    """
    pats = _cue_patterns()
    table = _cue_table()
    m = pats["after"].match(text, end, min(len(text), end + 16))
    if m:
        kinds = table[" ".join(m.group(1).lower().split())]
        return ("past" if "past_after" in kinds else "upcoming"), 3
    s0, s1 = sentence
    lo = max(s0, start - 120)
    last_break = _LAST_CLAUSE_BREAK.match(text, lo, start)
    clause = last_break.end() if last_break else lo
    hi = min(s1, end + 70)
    nearest: str | None = None
    past = future = False
    for a, b, word in _cues_between(text, lo, hi, cues):
        kinds = table.get(word, frozenset())
        if clause <= a and b <= start:
            if "past_before" in kinds:
                nearest = "past"
            elif "upcoming_before" in kinds:
                nearest = "upcoming"
            if "upcoming_relative" in kinds:
                future = True
        if start - 70 <= a and (b <= start or a >= end):
            past = past or "past_verbs" in kinds
            future = future or "future_verbs" in kinds
    if nearest:
        return nearest, 2  # type: ignore[return-value]
    if _INFINITIVE_AFTER.match(text, end, min(s1, end + 60)):
        # "heb ik toegezegd uw Kamer voor de zomer te informeren": the date belongs to the
        # infinitive, which has no tense; the past of "toegezegd" says nothing about it.
        return ("upcoming" if future and not past else None), 1 if future and not past else 0
    if past != future:
        return ("past" if past else "upcoming"), 1
    return None, 0


# --- year inference --------------------------------------------------------------------------


def _instantiate(raw: RawDate, year: int) -> tuple[Point | None, Point | None]:
    """The raw points with the unknown year set to ``year`` (the year of the last point)."""
    first, last = raw.first, raw.last
    if last is not None and last.year is None:
        last = last.with_year(year)
    if first is not None and first.year is None:
        wrap = raw.wraps or (
            last is not None and first.month is not None and last.month is not None
            and (first.month, first.day or 0) > (last.month, last.day or 0)
        )
        base = last.year if last is not None and last.year is not None else year
        first = first.with_year(base - 1 if (wrap and raw.last is not None) else base)
    return first, last


def _bounds(first: Point | None, last: Point | None) -> tuple[date, date]:
    p1 = first or last
    p2 = last or first
    assert p1 is not None and p2 is not None
    return p1.first_day(), p2.last_day()


def infer_year(
    raw: RawDate, anchor: date | None, relation: Relation | None
) -> tuple[Point | None, Point | None, bool]:
    """Fill in the year of ``raw`` from ``anchor``; the flag says whether it was inferred."""
    if raw.year_known:
        return raw.first, raw.last, False
    if anchor is None:
        return raw.first, raw.last, False
    if raw.rel_year is not None:
        first, last = _instantiate(raw, anchor.year + raw.rel_year)
        if raw.wraps and raw.first is not None and raw.last is not None:
            first, last = _instantiate(raw, anchor.year + raw.rel_year + 1)
        return first, last, True
    if getattr(anchor, "year_only", False):
        first, last = _instantiate(raw, anchor.year)
        return first, last, True
    options = [_instantiate(raw, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if raw.weekday is not None:
        fitting = [o for o in options if o[0] and o[0].day and o[0].first_day().weekday()
                   == raw.weekday]
        options = fitting or options
    spans = [(o, *_bounds(*o)) for o in options]
    if relation == "upcoming":
        after = [s for s in spans if s[1] >= anchor] or [s for s in spans if s[2] >= anchor]
        if after:
            best = min(after, key=lambda s: s[1])
            return best[0][0], best[0][1], True
    if relation == "past":
        before = [s for s in spans if s[2] <= anchor] or [s for s in spans if s[1] <= anchor]
        if before:
            best = max(before, key=lambda s: s[2])
            return best[0][0], best[0][1], True

    def distance(s: tuple[tuple[Point | None, Point | None], date, date]) -> int:
        if s[1] <= anchor <= s[2]:
            return 0
        return min(abs((s[1] - anchor).days), abs((s[2] - anchor).days))

    best = min(spans, key=distance)
    return best[0][0], best[0][1], True


# --- the anchor ------------------------------------------------------------------------------


_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _parse_iso(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    m = _ISO_DATE.match(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 7), int(m.group(3) or 1))
    except ValueError:  # "2024-02-30" from a typo in the text is no anchor
        return None


def title_dates(title: str) -> list[RawDate]:
    """Dates with a written year in a title ("Verslag ... van 29 en 30 november 2022")."""
    return [r for r in find_raw(title) if r.year_known and (r.first or r.last)]


def anchor_of(doc: Doc, raws: list[RawDate]) -> date | None:
    """The date yearless dates are read against: written date, title date, or commonest year."""
    if doc.info.get("date") and not doc.info.get("date_estimated"):
        written = _parse_iso(doc.info["date"])
        if written:
            return written
    titles = [doc.info.get("title")]
    titles += [s.title for s in doc.norm.sections[:1]]
    for title in titles:
        if isinstance(title, str) and title:
            dated = title_dates(title)
            if dated:
                last = dated[-1]
                return _bounds(last.first, last.last)[1]
    explicit = [r for r in raws if r.year_known and (r.first or r.last)]
    years = Counter((r.last or r.first).year for r in explicit)  # type: ignore[union-attr]
    if not years:
        return None
    year: int = max(years.items(), key=lambda kv: (kv[1], kv[0] or 0))[0] or 0
    days = [
        _bounds(r.first, r.last)[1] for r in explicit
        if (r.last or r.first).year == year and (r.last or r.first).day  # type: ignore[union-attr]
    ]
    return max(days) if days else YearAnchor(year, 7, 1)


class YearAnchor(date):
    """An anchor known to the year only: a yearless date then simply takes that year."""

    year_only = True


# --- the components --------------------------------------------------------------------------


def _exclusions(doc: Doc) -> list[tuple[int, int]]:
    """Spans where a number is no date: the references (vergaderjaar "2020/21", dossiers)."""
    return sorted((r.start, r.end) for r in doc.results.get("references", ()))


def find(doc: Doc) -> list[Found]:
    """Every date in ``doc`` with cues read and years inferred."""
    text = doc.text
    raws = find_raw(text, _exclusions(doc), lower(doc),
                    hits(doc, "dates", left=False, right=False), numbers(text, doc))
    anchor = anchor_of(doc, raws)
    sentences = sentence_index(doc)
    found: list[Found] = []
    cues = hits(doc, "cues")
    opens_past = _past_open()
    for raw in raws:
        relation, strength = cue(text, sentences.at(raw.start), raw.start, raw.end, cues)
        if relation is None and text[raw.start:raw.end].lower().startswith(opens_past):
            relation, strength = "past", 2  # "sinds 7 oktober": begun before the writing
        first, last, inferred = infer_year(raw, anchor, relation)
        found.append(Found(raw, first, last, inferred, relation, strength))
    return found


def _mention(doc: Doc, f: Found, relation: Relation | None) -> DateMention:
    start_date = f.first.iso() if f.first else None
    end_date = f.last.iso() if f.last else None
    return DateMention(
        start_date=start_date,
        end_date=end_date,
        text=doc.text[f.raw.start:f.raw.end],
        start=f.raw.start,
        end=f.raw.end,
        year_inferred=f.inferred,
        relation=relation,
    )


@component("dates", needs=("document",), sets=("dates",))
def dates(doc: Doc) -> None:
    found = find(doc)
    doc._dates_found = found  # type: ignore[attr-defined]  # for document_date
    doc.results["dates"] = [_mention(doc, f, f.cue) for f in found]


@component("document_date", needs=("dates",), sets=("date", "date_estimated"))
def document_date(doc: Doc) -> None:
    found: list[Found] = getattr(doc, "_dates_found", [])
    if not doc.info.get("date"):
        anchor = anchor_of(doc, [f.raw for f in found])
        estimate = estimate_date(found, anchor, doc.body_end)
        if estimate is not None:
            earliest, latest = estimate
            doc.info["date"] = earliest.isoformat()
            doc.info["date_estimated"] = True
            doc.info["date_range"] = (earliest.isoformat(), latest.isoformat()) if latest else None
    span = document_span(doc)
    before = doc.results.get("dates", [])
    out = []
    for i, f in enumerate(found):
        rel = None if _is_own_date(f, doc) else f.cue or relative(f.lo(), f.hi(), span)
        same = i < len(before) and before[i].start == f.raw.start and before[i].relation == rel
        out.append(before[i] if same else _mention(doc, f, rel))  # most keep what "dates" gave
    doc.results["dates"] = out


def _is_own_date(f: Found, doc: Doc) -> bool:
    """The document's own written date ("Datum 5 juni 2023") is neither past nor upcoming."""
    own = doc.info.get("date")
    return bool(own) and not doc.info.get("date_estimated") and f.first is not None and \
        f.first == f.last and f.first.iso() == own


# --- the document's date ---------------------------------------------------------------------


def _constraints(found: list[Found], body_end: int) -> list[tuple[str, date, int]]:
    """("after"|"before", day, weight): the document is after past dates, before upcoming ones."""
    out: list[tuple[str, date, int]] = []
    for f in found:
        relation, weight = f.cue, f.strength
        if relation is None and f.raw.start >= body_end and f.raw.year_known:
            relation, weight = "past", 1  # a footnote dates what it cites: it already exists
        if relation is None:
            continue
        if relation == "past":
            p = f.last or f.first
            if p is not None and p.year is not None and p.month is not None:
                out.append(("after", p.first_day(), weight))
        else:
            p = f.first or f.last
            if p is not None and p.year is not None and p.month is not None:
                out.append(("before", p.last_day(), weight))
    return out


def estimate_date(
    found: list[Found], anchor: date | None, body_end: int
) -> tuple[date, date | None] | None:
    """(earliest, latest) day of writing; None when nothing in the text bounds it from below.

    Picks the day that breaks the least weight of constraints (ties: nearest the anchor), then
    narrows to the constraints that day keeps, so the range is never empty.
    """
    rules = _constraints(found, body_end)
    if not any(kind == "after" for kind, _, _ in rules):
        return None
    candidates = sorted({d for _, d, _ in rules})

    def cost(x: date) -> tuple[int, int]:
        broken = sum(w for kind, d, w in rules if (kind == "after" and d > x)
                     or (kind == "before" and d < x))
        return broken, abs((x - anchor).days) if anchor else 0

    best = min(candidates, key=cost)
    afters = [d for kind, d, _ in rules if kind == "after" and d <= best]
    befores = [d for kind, d, _ in rules if kind == "before" and d >= best]
    if not afters:
        return None
    return max(afters), (min(befores) if befores else None)


def document_span(doc: Doc) -> tuple[date, date | None] | None:
    """The document's date as a range: (day, day) when written, (earliest, latest) if estimated."""
    written = _parse_iso(doc.info.get("date"))
    if written is None:
        return None
    rng = doc.info.get("date_range")
    if doc.info.get("date_estimated") and rng:
        return _parse_iso(rng[0]) or written, _parse_iso(rng[1]) if rng[1] else None
    if doc.info.get("date_estimated"):
        return written, None
    return written, written


def relative(
    lo: date | None, hi: date | None, span: tuple[date, date | None] | None
) -> Relation | None:
    """past / upcoming of a period [lo, hi] seen from the document's date span, when decisive."""
    if span is None or lo is None or hi is None:
        return None
    earliest, latest = span
    if hi < earliest:
        return "past"
    if latest is not None and lo > latest:
        return "upcoming"
    return None


def date_at(doc: Doc, start: int, end: int) -> DateMention | None:
    """The first date mention overlapping ``[start, end)`` (for deadlines, events)."""
    for d in doc.results.get("dates", ()):
        if d.start < end and start < d.end:
            return d  # type: ignore[no-any-return]
    return None


__all__ = ["Found", "anchor_of", "cue", "date_at", "document_span", "estimate_date", "find",
           "find_raw", "infer_year", "relative"]

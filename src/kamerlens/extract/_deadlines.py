"""Deadlines of commitments: find the phrase ("voor de zomer", "tijdig voorafgaand aan de
NAVO-Top in Washington", "op 12 december") and resolve it to "YYYY-MM-DD" or "YYYY-MM" where the
document allows.

The phrases and their resolution rules are data (``data/deadlines.toml``). A named meeting is
resolved through the events component (its date), a date inside the phrase through the dates
component; both fall back to what the phrase itself says. "zo snel mogelijk" stays text only.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import Any

from kamerlens.extract import scan
from kamerlens.extract._cues import (
    MONTH_RE,
    MONTHS,
    body_sentences,
    doc_date,
    load_toml,
    words,
)
from kamerlens.extract.pipeline import Doc

_ORDINAL = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "1e": 1, "2e": 2, "3e": 3, "4e": 4}
_COUNT = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6}
# "voor dit debat", "voor die Raad": the meeting is one named just before
_ANAPHORIC = frozenset({"dit", "deze", "dat", "die"})
_PAST_MARK = re.compile(r"\s*(?:jl\.|j\.l\.|jongstleden)", re.IGNORECASE)


@dataclass(frozen=True)
class _Rule:
    resolve: str
    key: frozenset[str]  # one must occur in the lower-cased sentence before the pattern is tried
    pattern: re.Pattern[str]
    month: int | None
    year_offset: int


@dataclass(frozen=True)
class Deadline:
    text: str
    start: int
    end: int
    date: str | None


@cache
def _rules() -> tuple[_Rule, ...]:
    data = load_toml("deadlines.toml")
    fills = {
        "{CAP}": "(?-i:[A-ZÀ-Ý])",
        "{MONTH}": MONTH_RE,
        "{YEAR}": r"(?P<year>(?:19|20)\d\d)",
        "{DAYS}": r"\d{1,2}(?: ?(?:en|t/m|tot en met|-|–) ?\d{1,2})?",
    }
    meeting_np = data["meeting_np"].replace("{MEETING}", "|".join(data["meeting"]))
    rules = []
    for rule in data["rule"]:
        pattern = rule["pattern"].replace("{MEETING_NP}", meeting_np)
        pattern = pattern.replace("{MEETING}", "|".join(data["meeting"]))
        # "tijdig", "uiterlijk" ... before a phrase are added after matching (see phrases()):
        # a pattern that opens with an optional group is tried slowly at every position
        pattern = pattern.replace("{PRE}", "").replace("{ADJ}", data["adj"])
        for key, value in fills.items():
            # the year group may appear once per pattern only
            pattern = pattern.replace(key, value, 1 if key == "{YEAR}" else -1)
            pattern = pattern.replace(key, r"(?:19|20)\d\d")
        rules.append(
            _Rule(
                rule["resolve"],
                frozenset(rule.get("key", ())),
                re.compile(r"\b(?:" + words(pattern) + r")\b", re.IGNORECASE),
                rule.get("month"),
                int(rule.get("year_offset", 0)),
            )
        )
    return tuple(rules)


Hit = tuple[int, int, int, _Rule, re.Match[str]]


@cache
def _pre() -> re.Pattern[str]:
    """ "tijdig", "ruim", "uiterlijk" ... right before a deadline phrase belong to it."""
    return re.compile(r"\b(?:" + load_toml("deadlines.toml")["pre"] + r")\s+$", re.I)


_rule_bits = scan.declare_each("deadlines", "rule", lambda: [rule.pattern for rule in _rules()])


@cache
def _union() -> int:
    return scan.union(_rule_bits())


def possible(mask: int) -> bool:
    """Whether any deadline phrase may stand in a sentence of ``mask``."""
    return bool(mask & _union())


def phrases(doc: Doc, start: int, end: int) -> list[Hit]:
    """Every deadline phrase in ``doc.text[start:end]``; of overlapping ones the longest. A
    rule is tried only where the one scan found its trigger, and one of its key words."""
    text = doc.text
    low: str | None = None
    hits: list[Hit] = []
    for order, rule in _candidates(doc.scan.mask(start, end)):
        if rule.key:
            if low is None:
                low = text[start:end].lower()
            if not any(k in low for k in rule.key):
                continue
        for m in rule.pattern.finditer(text, start, end):
            pre = _pre().search(text, max(start, m.start() - 25), m.start())
            hits.append((pre.start() if pre else m.start(), m.end(), order, rule, m))
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[2]))
    return sorted(_disjoint(hits), key=lambda h: h[0])


_CANDIDATES: dict[int, tuple[tuple[int, _Rule], ...]] = {}
_KEPT = 4096  # masks whose rules are kept (a corpus shows a few hundred)


def _candidates(mask: int) -> tuple[tuple[int, _Rule], ...]:
    """(order, rule) of the rules whose trigger the one scan found in a sentence of ``mask``."""
    found = _CANDIDATES.get(mask)
    if found is None:
        found = tuple(
            (order, rule)
            for order, (rule, bit) in enumerate(zip(_rules(), _rule_bits(), strict=True))
            if scan.has(mask, bit)
        )
        if len(_CANDIDATES) < _KEPT:
            _CANDIDATES[mask] = found
    return found


def _disjoint(hits: list[Hit]) -> list[Hit]:
    """Each hit that overlaps none kept before it. The kept ones are disjoint, so only the one
    starting last before a hit's end can overlap it: a bisection, not a scan of all kept (a
    stretch of many dates holds thousands of phrases). An empty hit overlaps none."""
    kept: list[Hit] = []
    starts: list[int] = []  # of the non-empty kept hits, sorted, with their ends
    ends: list[int] = []
    for hit in hits:
        j = bisect_left(starts, hit[1]) - 1
        if j >= 0 and ends[j] > hit[0]:
            continue
        kept.append(hit)
        if hit[0] < hit[1]:
            starts.insert(j + 1, hit[0])
            ends.insert(j + 1, hit[1])
    return kept


def choose(
    doc: Doc, hits: list[Hit], prefer_from: int | None = None, dates: DateIndex | None = None
) -> Deadline | None:
    """The commitment's deadline among the phrases: one in its own clause (from
    ``prefer_from`` on) before one elsewhere, then the first. A meeting already held
    ("tijdens het commissiedebat van 7 maart jl.", where the promise was made) is none."""
    if prefer_from is not None:
        hits = sorted(hits, key=lambda h: (h[0] < prefer_from, h[0]))
    written = doc_date(doc) or ""
    for s, e, _, rule, m in hits:
        value = _resolve(doc, rule, m, dates)
        past = rule.resolve == "meeting" and value is not None and value < written[: len(value)]
        if past or _PAST_MARK.match(doc.text, e):
            continue  # a meeting held already; an explicit date stays, even if overdue
        return Deadline(doc.text[s:e], s, e, value)
    return None


def find(doc: Doc, start: int, end: int, prefer_from: int | None = None) -> Deadline | None:
    """The deadline phrase of the sentence ``doc.text[start:end]``, resolved when possible."""
    return choose(doc, phrases(doc, start, end), prefer_from)


def resolve(doc: Doc, rule: _Rule, m: re.Match[str], dates: DateIndex | None = None) -> str | None:
    """The date ("YYYY-MM-DD", "YYYY-MM") a deadline phrase stands for, or None."""
    return _resolve(doc, rule, m, dates)


def _resolve(doc: Doc, rule: _Rule, m: re.Match[str], dates: DateIndex | None) -> str | None:
    groups = m.groupdict()
    explicit = bool(groups.get("year"))
    kind = rule.resolve
    if kind == "date":
        return _date_in(doc, m.start(), m.end(), dates) or _day_month(doc, m.group(0))
    if kind == "meeting":
        month_named = _bare_month(doc, m.start(), m.group(0))
        if month_named:
            return month_named
        if _ANAPHORIC.intersection(m.group(0).lower().split()):
            # "voor dit debat": the debate just named, before any other of that name
            return _antecedent(doc, m.start(), m.group(0), dates)
        return (
            _date_in(doc, m.start(), m.end(), dates)
            or _event_date(doc, m.start(), m.end())
            or _day_month(doc, m.group(0))
            or _antecedent(doc, m.start(), m.group(0), dates)
        )
    if kind == "before":
        return _before(doc, m, dates)
    if kind == "month":
        return _month(doc, groups)
    if kind == "budget":
        return _budget(doc, rule, groups)
    year = _year(doc, groups.get("year"), rule.year_offset)
    if year is None:
        return None
    value = _by_kind(kind, year, rule, groups)
    if value is None or explicit or rule.year_offset:
        return value
    written = doc_date(doc) or ""
    if value < written[: len(value)]:
        # "voor de zomer" written in October means next summer
        value = _by_kind(kind, year + 1, rule, groups)
    return value


def _by_kind(kind: str, year: int, rule: _Rule, groups: dict[str, Any]) -> str | None:
    if kind == "summer":
        return f"{year}-07"
    if kind == "yearend":
        return f"{year}-12-31"
    if kind == "quarter":
        q = int(groups["q"]) if groups["q"].isdigit() else _ORDINAL[groups["q"].lower()]
        month = q * 3
        return f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    if kind == "half":
        return f"{year}-06-30" if groups["h"].lower() == "eerste" else f"{year}-12-31"
    if kind in ("recess", "season", "period") and rule.month:
        return f"{year}-{rule.month:02d}"
    if kind == "prinsjesdag":
        return _third_tuesday_of_september(year)
    return None


def _budget(doc: Doc, rule: _Rule, groups: dict[str, Any]) -> str | None:
    """ "bij de Miljoenennota 2026", "voor de begrotingsbehandeling 2026": the budget for year N
    is presented on Prinsjesdag and debated in the autumn of year N - 1 ("month" 9 = Prinsjesdag,
    else that month of N - 1). "van volgend jaar" names the occasion itself: next year's autumn."""
    if groups.get("year"):
        year = int(groups["year"]) - 1
    else:
        written = doc_date(doc)
        if not written:
            return None
        year = int(written[:4]) + rule.year_offset
    if rule.month == 9:
        return _third_tuesday_of_september(year)
    return f"{year}-{rule.month or 12:02d}"


_BARE_MONTH = re.compile(rf"\b(?:van|in|op) (?P<month>{MONTH_RE})\b(?! (?:19|20)\d\d)", re.I)


def _bare_month(doc: Doc, pos: int, phrase: str) -> str | None:
    """ "de Europese Raad van maart": a meeting named by its month only. The month of the
    upcoming event of that kind in that month, else the first such month from the document date."""
    m = _BARE_MONTH.search(phrase)
    written = doc_date(doc)
    if m is None or not written or _DAY_MONTH.search(phrase):
        return None
    month = MONTHS[m["month"].lower()]
    head = _heads().search(phrase)
    noun = head.group(0).lower() if head else ""
    found = {
        value[:7]
        for ev in doc.results.get("events", ())
        if (value := _precise(ev.start_date))
        and int(value[5:7]) == month
        and value[:7] >= written[:7]
        and noun in ev.name.lower()
    }
    if len(found) == 1:
        return found.pop()
    year, written_month = int(written[:4]), int(written[5:7])
    return f"{year + (month < written_month)}-{month:02d}"


def _year(doc: Doc, explicit: str | None, offset: int) -> int | None:
    if explicit:
        return int(explicit)
    written = doc_date(doc)
    return int(written[:4]) + offset if written else None


def _third_tuesday_of_september(year: int) -> str:
    first = dt.date(year, 9, 1)
    tuesday = first + dt.timedelta(days=(1 - first.weekday()) % 7 + 14)
    return tuesday.isoformat()


def _month(doc: Doc, groups: dict[str, Any]) -> str | None:
    month = MONTHS[groups["month"].lower()]
    if groups.get("year"):
        return f"{groups['year']}-{month:02d}"
    written = doc_date(doc)
    if not written:
        return None
    year, written_month = int(written[:4]), int(written[5:7])
    # a deadline lies ahead: "in maart" written in November means next March
    return f"{year + (month < written_month)}-{month:02d}"


_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{MONTH_RE})(?:\s+(?P<year>(?:19|20)\d\d))?", re.I
)
_MONTH_YEAR = re.compile(rf"\b(?P<month>{MONTH_RE})\s+(?P<year>(?:19|20)\d\d)\b", re.I)


def _day_month(doc: Doc, phrase: str) -> str | None:
    """A date written in the phrase itself (when the dates component gave none)."""
    m = _DAY_MONTH.search(phrase)
    if m is None:
        y = _MONTH_YEAR.search(phrase)
        return f"{y['year']}-{MONTHS[y['month'].lower()]:02d}" if y else None
    month, day = MONTHS[m["month"].lower()], int(m["day"])
    if m["year"]:
        year = int(m["year"])
    else:
        written = doc_date(doc)
        if not written:
            return None
        year = int(written[:4])
        if (month, day) < (int(written[5:7]), int(written[8:10] or 1)):
            year += 1  # a deadline lies ahead of the letter
    if day > calendar.monthrange(year, month)[1]:
        return None
    return f"{year}-{month:02d}-{day:02d}"


def _precise(value: str | None) -> str | None:
    """A deadline is a day or a month; a bare year says too little."""
    return value if value and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", value) else None


class DateIndex:
    """The dates component's mentions sorted by start: the ones inside a span, fast."""

    def __init__(self, mentions: Any) -> None:
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]

    def within(self, start: int, end: int) -> list[Any]:
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out


def date_index(doc: Doc) -> DateIndex:
    """The dates component's mentions of ``doc`` indexed once (not once per deadline phrase)."""
    mentions = doc.results.get("dates", ())
    cached = getattr(doc, "_date_index", None)
    if cached is None or cached[0] is not mentions or cached[1] != len(mentions):
        cached = (mentions, len(mentions), DateIndex(mentions))
        setattr(doc, "_date_index", cached)  # noqa: B010  a plain attribute, not a result
    return cached[2]  # type: ignore[no-any-return]


def _date_in(doc: Doc, start: int, end: int, dates: DateIndex | None) -> str | None:
    index = dates or date_index(doc)
    for mention in index.within(start, end):
        value = _precise(getattr(mention, "start_date", None))
        if value:
            return value
    return None


def _event_date(doc: Doc, start: int, end: int) -> str | None:
    """The date of the meeting a deadline phrase names.

    First an event whose mention overlaps the phrase; then an event whose place, else whose
    name, occurs in the phrase: the one upcoming if the document reports the meeting as past
    and upcoming (earlier summits in the same place), never one only past by name, and only
    when that leaves one date.
    """
    events = [ev for ev in doc.results.get("events", ()) if _precise(ev.start_date)]
    for ev in events:
        if ev.start < end and start < ev.end:
            return _precise(ev.start_date)
    phrase = doc.text[start:end].lower()
    for attr in ("place", "name"):
        named = [
            ev
            for ev in events
            if getattr(ev, attr)
            and re.search(r"\b" + re.escape(getattr(ev, attr).lower()) + r"\b", phrase)
        ]
        upcoming = [ev for ev in named if ev.relation == "upcoming"] or [
            # a name is often generic: a meeting the document reports as past is no deadline
            # ahead ("het debat van 12 juni jl." does not date "voor het debat"); a place is not
            ev
            for ev in named
            if attr == "place" or ev.relation != "past"
        ]
        dates = {ev.start_date for ev in upcoming}
        if len(dates) == 1:
            return _precise(dates.pop())
    return None


@cache
def _heads() -> re.Pattern[str]:
    """The head noun of a meeting phrase ("debat" in "voor dit commissiedebat")."""
    heads = "|".join(load_toml("deadlines.toml")["meeting_heads"])
    return re.compile(rf"(?:{heads})", re.IGNORECASE)


def _antecedent(doc: Doc, pos: int, phrase: str, dates: DateIndex | None) -> str | None:
    """The date of the meeting a phrase without a name points to: "Het commissiedebat ... is
    gepland op 5 februari. Ik zal u voor dit debat informeren.", "voor de Top".

    Only for a phrase that names no meeting of its own ("voor dit debat", "voor het debat", "voor
    de Raad"); the meeting is the upcoming event of that kind in the same or the previous
    sentence (one date only), else the one date of the nearest sentence naming such a meeting,
    else the one upcoming meeting of that kind in the whole document.
    """
    words_ = phrase.split()
    det = next((i for i, w in enumerate(words_) if w.lower() in _ANAPHORIC | {"de", "het"}), None)
    head = _heads().search(phrase)
    if det is None or head is None:
        return None
    rest = [w for w in words_[det + 1 :] if not _adjective(w)]
    if words_[det].lower() not in _ANAPHORIC and len(rest) != 1:
        return None  # "voor de Raad Buitenlandse Zaken" names its meeting
    noun = head.group(0).lower()
    lo, _ = _around(doc, pos)
    kind = [
        ev
        for ev in doc.results.get("events", ())
        if ev.relation != "past" and _precise(ev.start_date) and noun in ev.name.lower()
    ]
    near = [ev for ev in kind if lo <= ev.start < pos]
    if near:
        return _one_date(near)
    index = dates or date_index(doc)
    written = doc_date(doc) or ""
    for s, e in _sentences_before(doc, lo, pos):
        if noun not in doc.text[s:e].lower():
            continue
        found = {
            value
            for d in index.within(s, e)
            if (value := _precise(d.start_date)) and value >= written[: len(value)]
        }
        if found:
            return found.pop() if len(found) == 1 else None
    return _one_date([ev for ev in kind if ev.relation == "upcoming"])


def _adjective(word: str) -> bool:
    return bool(re.fullmatch(load_toml("deadlines.toml")["adj"], word, re.IGNORECASE))


def _around(doc: Doc, pos: int) -> tuple[int, int]:
    """The start of the sentence before the one holding ``pos``, and that sentence's end."""
    sents = body_sentences(doc)
    i = bisect_left([s for s, _ in sents], pos + 1) - 1
    if i < 0:
        return 0, pos
    return sents[max(0, i - 1)][0], sents[i][1]


def _sentences_before(doc: Doc, lo: int, pos: int) -> list[tuple[int, int]]:
    """The sentences between ``lo`` and ``pos``, the nearest first (the one holding ``pos`` cut
    at ``pos``)."""
    sents = [(s, min(e, pos)) for s, e in body_sentences(doc) if lo <= s < pos]
    return sents[::-1]


def _before(doc: Doc, m: re.Match[str], dates: DateIndex | None) -> str | None:
    """ "uiterlijk een week voor aanvang (van de Raad)": the meeting's date minus the interval."""
    phrase = m.group(0)
    named = _heads().search(phrase)
    meeting = (
        _date_in(doc, m.start(), m.end(), dates)
        or _event_date(doc, m.start(), m.end())
        or _day_month(doc, phrase)
        if named
        else None
    )
    meeting = meeting or _nearest_meeting(doc, m.start(), named.group(0) if named else None)
    meeting = meeting or (_antecedent(doc, m.start(), phrase, dates) if named else None)
    if meeting is None:
        return None
    count = m.group("n")
    if count is None:
        return meeting  # "voor aanvang": the meeting itself
    n = _COUNT[count.lower()] if count.lower() in _COUNT else int(count)
    unit = m.group("unit").lower()
    if len(meeting) < 10:
        return meeting if not unit.startswith("maand") else _months_back(meeting, n)
    day = dt.date.fromisoformat(meeting)
    if unit.startswith("maand"):
        return _months_back(meeting, n)
    if unit.startswith("werkdag"):
        while n > 0:
            day -= dt.timedelta(days=1)
            n -= day.weekday() < 5
        return day.isoformat()
    days = n * (7 if unit.startswith("we") else 1)
    return (day - dt.timedelta(days=days)).isoformat()


def _months_back(value: str, n: int) -> str:
    months = int(value[:4]) * 12 + int(value[5:7]) - 1 - n
    return f"{months // 12}-{months % 12 + 1:02d}"


def _nearest_meeting(doc: Doc, pos: int, noun: str | None) -> str | None:
    """ "De Raad vindt plaats op 12 april. De agenda ontvangt u een week voor aanvang.": the
    dated, not past meeting in the same or previous sentence (of the kind named)."""
    lo, _ = _around(doc, pos)
    found = [
        ev
        for ev in doc.results.get("events", ())
        if lo <= ev.start < pos
        and ev.relation != "past"
        and _precise(ev.start_date)
        and (noun is None or noun.lower() in ev.name.lower())
    ]
    return _one_date(found)


def _one_date(events: list[Any]) -> str | None:
    """The date of the meeting meant, when the candidates agree on one (two Councils named in
    the sentence before leave "voor de Raad" unresolved)."""
    dates = {_precise(ev.start_date) for ev in events}
    return dates.pop() if len(dates) == 1 else None

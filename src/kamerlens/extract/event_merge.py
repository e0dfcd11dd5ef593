"""Meeting mentions and how they merge into one event per meeting.

Mentions of the same meeting merge into one event that keeps every mention: same kind of
meeting and the same place, or the same dates, or a bare mention ("de aankomende NAVO-Top")
that fits one meeting named before. A date given by any mention holds for all of them. The
title of a report names a meeting too, and its date wins over a body date that contradicts it
in the year only (a typo).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from kamerlens.extract.dateparse import Point
from kamerlens.extract.lexicon import load
from kamerlens.models import DateMention


@dataclass
class Found:
    """One mention of a meeting, with what attached to it."""

    start: int
    end: int
    name: str
    head: str  # what kind of meeting, for merging: "top", "bijeenkomst", a named meeting
    place: str | None = None
    date: DateMention | None = None
    from_title: bool = False
    specific: bool = True  # has more than its head: a name, place, date or complement
    name_start: int = 0  # span of the name alone
    name_end: int = 0
    synthetic: bool = False  # the name is made up ("bijeenkomst van ..." for "kwamen ... samen")


@dataclass
class Cluster:
    mentions: list[Found] = field(default_factory=list)

    @property
    def head(self) -> str:
        return self.mentions[0].head

    def place(self) -> str | None:
        return next((m.place for m in self.mentions if m.place), None)

    def date(self) -> DateMention | None:
        dated = [m for m in self.mentions if m.date is not None and m.date.start_date]
        if not dated:
            return None
        # The most precise date: a day over a month over a year.
        body = [m for m in dated if not m.from_title]
        best = max(body, key=lambda m: len(m.date.start_date or "") if m.date else 0).date \
            if body else None
        titled = next((m.date for m in dated if m.from_title), None)
        if titled is not None and (best is None or not dates_agree(best, titled, loose=False)):
            return titled  # the title wins over a body date that contradicts it (a typo)
        return best

    def name(self) -> str:
        """The fullest name as written: "NAVO-Top" over "Top"; a made-up name only if alone."""
        return max(self.mentions, key=lambda m: (not m.synthetic, len(m.name.split()),
                                                 not m.from_title)).name


@cache
def named_keys() -> frozenset[str]:
    return frozenset(group[0].lower() for group in load("events")["named"]["groups"])


# --- merging ---------------------------------------------------------------------------------


def bounds(d: DateMention | None) -> tuple[date, date] | None:
    if d is None or not d.start_date:
        return None
    return _span_of(d.start_date, d.end_date or d.start_date)


@cache
def _span_of(start_date: str, end_date: str) -> tuple[date, date]:
    return _point(start_date).first_day(), _point(end_date).last_day()


def _point(iso: str) -> Point:
    parts = [int(x) for x in iso.split("-")]
    return Point(parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2
                 else None)


def dates_agree(a: DateMention | None, b: DateMention | None, *, loose: bool) -> bool:
    """Do two dates fit one meeting? ``loose`` lets the year differ (a typo) on equal days."""
    ba, bb = bounds(a), bounds(b)
    if ba is None or bb is None:
        return True
    if ba[0] <= bb[1] and bb[0] <= ba[1]:
        return True
    if loose and a and b and a.start_date and b.start_date and len(a.start_date) == 10:
        return a.start_date[4:] == b.start_date[4:] and (a.end_date or "")[4:] == (
            b.end_date or "")[4:]
    return False


@cache
def _words(name: str) -> frozenset[str]:
    plain = "".join(c for c in unicodedata.normalize("NFKD", name.lower())
                    if not unicodedata.combining(c))
    return frozenset(w for w in re.split(r"[\s-]+", plain) if w and w not in {"de", "het", "van"})


_Known = dict[int, tuple[bool, DateMention | None, str | None]]


def _same(c: Cluster, f: Found, known: _Known | None = None) -> bool:
    if c.head != f.head:
        return False
    # What the cluster says (any title mention, its date, its place) reads every mention of it:
    # ``known`` keeps it per cluster while the cluster does not grow.
    facts = known.get(id(c)) if known is not None else None
    if facts is None:
        facts = (any(m.from_title for m in c.mentions), c.date(), c.place())
        if known is not None:
            known[id(c)] = facts
    titled, c_date, place = facts
    loose = f.from_title or titled
    if not dates_agree(c_date, f.date, loose=loose):
        return False
    if place and f.place:
        return place == f.place
    if f.head in named_keys() and place is None and c_date is None:
        # "de Eurogroep" named bare first (a title, an aside), its date given later.
        return True
    # Same kind of meeting on the same days.
    return f.date is not None and c_date is not None


class _Facts:
    """What ``Cluster.date()`` and ``Cluster.place()`` read, kept as the cluster grows: a
    cluster of thousands of mentions (one meeting named over and over) is not read again for
    each new one."""

    def __init__(self) -> None:
        self.titled = False
        self.place: str | None = None
        self.body: Found | None = None  # the first body mention of the most precise date
        self.title_date: DateMention | None = None  # the first title mention's date

    def add(self, m: Found) -> None:
        self.titled = self.titled or m.from_title
        if self.place is None and m.place:
            self.place = m.place
        if m.date is None or not m.date.start_date:
            return
        if m.from_title:
            if self.title_date is None:
                self.title_date = m.date
        elif self.body is None or len(m.date.start_date) > len(
                self.body.date.start_date or "" if self.body.date else ""):
            self.body = m

    def facts(self) -> tuple[bool, DateMention | None, str | None]:
        best = self.body.date if self.body is not None else None
        titled = self.title_date
        if titled is not None and (best is None or not dates_agree(best, titled, loose=False)):
            return self.titled, titled, self.place
        return self.titled, best, self.place


class _Kind:
    """The clusters of one kind of meeting, indexed by what lets a dated mention merge with one
    (``_same``): no date, a date sharing a month with the mention's, or (loosely) the same day
    of another year. A cluster stays under every date it had: the index may offer more clusters
    than merge, never fewer, and ``_same`` decides. Without it a document naming thousands of
    meetings of one kind compares every mention with every meeting."""

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []  # in the order they were made
        self.dated: dict[int, DateMention | None] = {}  # position -> the date indexed last
        self.undated: set[int] = set()
        self.wide: set[int] = set()  # dates over more than _MONTHS months
        self.months: dict[tuple[int, int], set[int]] = {}
        self.days: dict[str, set[int]] = {}  # "-MM-DD" of a full start date
        self.words: list[frozenset[str]] = []  # the words of the names of each cluster

    def add(self, c: Cluster) -> int:
        self.clusters.append(c)
        self.words.append(frozenset())
        return len(self.clusters) - 1

    def index(self, i: int, d: DateMention | None, name: str) -> None:
        self.words[i] = self.words[i] | _words(name)
        if i in self.dated and self.dated[i] == d:
            return
        self.dated[i] = d
        span = bounds(d)
        if span is None:
            self.undated.add(i)
            return
        months = _months(*span)
        if months is None:
            self.wide.add(i)
        else:
            for key in months:
                self.months.setdefault(key, set()).add(i)
        if d is not None and d.start_date and len(d.start_date) == 10:
            self.days.setdefault(d.start_date[4:], set()).add(i)

    def candidates(self, f: Found) -> list[int] | range:
        span = bounds(f.date)
        months = _months(*span) if span is not None else None
        if span is None or months is None or f.date is None or not f.date.start_date:
            return range(len(self.clusters))
        out = self.undated | self.wide | self.days.get(f.date.start_date[4:], set())
        for key in months:
            out |= self.months.get(key, set())
        return sorted(out)


_MONTHS = 24


def _months(first: date, last: date) -> list[tuple[int, int]] | None:
    """The (year, month) of every month from ``first`` to ``last``, or None."""
    n = (last.year - first.year) * 12 + last.month - first.month + 1
    if not 0 < n <= _MONTHS:
        return None  # a long span, or one ending before it starts: offered to every mention
    return [((first.month - 1 + k) // 12 + first.year, (first.month - 1 + k) % 12 + 1)
            for k in range(n)]


def cluster(found: list[Found]) -> list[Cluster]:
    clusters: list[Cluster] = []
    known: _Known = {}  # id(cluster) -> its title flag, date and place, kept as it grows
    facts: dict[int, _Facts] = {}
    kinds: dict[str, _Kind] = {}
    for f in found:
        kind = kinds.setdefault(f.head, _Kind())
        at = next((i for i in kind.candidates(f) if _same(kind.clusters[i], f, known)), None)
        if at is None and not f.place and not f.date:
            # a bare mention fits a meeting whose names hold its words (_fits): the last named
            want = _words(f.name)
            fitting = [i for i, c in enumerate(kind.clusters)
                       if f.head in named_keys() or want <= kind.words[i]]
            at = max(fitting, key=lambda i: kind.clusters[i].mentions[-1].start) \
                if fitting else None
        if at is None:
            match = Cluster([])
            clusters.append(match)
            facts[id(match)] = _Facts()
            at = kind.add(match)
        match = kind.clusters[at]
        match.mentions.append(f)
        facts[id(match)].add(f)
        known[id(match)] = facts[id(match)].facts()
        kind.index(at, known[id(match)][1], f.name)
    return clusters


__all__ = ["Cluster", "Found", "bounds", "cluster", "dates_agree", "named_keys"]

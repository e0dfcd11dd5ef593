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


def _fits(c: Cluster, f: Found) -> bool:
    """A bare mention ("de aankomende NAVO-Top") fits a meeting whose name covers its words."""
    if c.head != f.head or f.place or f.date:
        return False
    if f.head in named_keys():
        return True  # "de RAZ", "de Raad Algemene Zaken": the name itself is the meeting
    want = _words(f.name)
    return any(want <= _words(m.name) for m in c.mentions) or want <= frozenset().union(
        *(_words(m.name) for m in c.mentions))


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


def cluster(found: list[Found]) -> list[Cluster]:
    clusters: list[Cluster] = []
    known: _Known = {}  # id(cluster) -> its title flag, date and place, kept as it grows
    facts: dict[int, _Facts] = {}
    for f in found:
        match = next((c for c in clusters if _same(c, f, known)), None)
        if match is None:
            fitting = [c for c in clusters if _fits(c, f)]
            # The meeting named last is the one a bare mention refers to.
            match = max(fitting, key=lambda c: c.mentions[-1].start) if fitting else None
        if match is None:
            match = Cluster([])
            clusters.append(match)
            facts[id(match)] = _Facts()
        match.mentions.append(f)
        facts[id(match)].add(f)
        known[id(match)] = facts[id(match)].facts()
    return clusters


__all__ = ["Cluster", "Found", "bounds", "cluster", "dates_agree", "named_keys"]

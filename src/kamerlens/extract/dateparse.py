"""Find date expressions in Dutch text and parse them into calendar points, years still open.

The patterns come from ``data/dates.toml`` (months, weekdays, parts of a year, qualifiers). A
match becomes a :class:`RawDate`: a first and a last :class:`Point` (year, month, day, each
possibly unknown), so "15 en 16 juni" is two points in June of a year that the ``dates``
component infers from context later. Open periods have one side only: "voor de zomer" ends in
July, "sinds 2014" starts in 2014.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from kamerlens.extract.lexicon import alternation, load, trie_alternation

YEAR = r"(?:19[4-9]\d|20[0-9]\d)"


@dataclass(frozen=True)
class Point:
    year: int | None
    month: int | None = None
    day: int | None = None

    def with_year(self, year: int) -> Point:
        return Point(year, self.month, self.day)

    def iso(self) -> str | None:
        """"YYYY-MM-DD", "YYYY-MM" or "YYYY" as far as known; None without a year."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> date:
        assert self.year is not None
        return date(self.year, self.month or 1, self._day(self.day or 1))

    def last_day(self) -> date:
        assert self.year is not None
        if self.month is None:
            return date(self.year, 12, 31)
        if self.day is not None:
            return date(self.year, self.month, self._day(self.day))
        nxt = date(self.year + (self.month == 12), self.month % 12 + 1, 1)
        return nxt - timedelta(days=1)

    def _day(self, day: int) -> int:
        """A day the month has: "29 februari" read in a year that is no leap year is the 28th
        (the year was a guess; the text is not wrong because of it)."""
        if self.year is None or self.month is None:
            return day
        return min(day, monthrange(self.year, self.month)[1])

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"


@dataclass(frozen=True)
class RawDate:
    """A date expression as written: points whose year may still be unknown."""

    start: int
    end: int
    first: Point | None  # None: open towards the past ("voor de zomer")
    last: Point | None  # None: open towards the future ("sinds 2014")
    weekday: int | None = None  # of ``first``, when written ("woensdag 31 mei")
    rel_year: int | None = None  # "volgend jaar": the year is anchor year + rel_year
    wraps: bool = False  # the period runs into the next year (winter, kerstreces)

    @property
    def year_known(self) -> bool:
        points = [p for p in (self.first, self.last) if p is not None]
        return all(p.year is not None for p in points)


@cache
def _vocab() -> dict[str, Any]:
    return load("dates")


@cache
def _months() -> dict[str, int]:
    return {k.lower(): v for k, v in _vocab()["months"].items()}


def _words(key: str, section: str = "context") -> str:
    return alternation(_vocab()[section][key])


@cache
def pattern() -> re.Pattern[str]:
    """One scanner for every date form; alternatives are ordered most specific first."""
    v = _vocab()
    # Word lists as prefix trees: the engine tries a tree in one step where a flat alternation
    # tries every word; the same strings match, longest first.
    # a month may touch its year where PDF text or OCR lost the space ("2 oktober2024"), and a
    # day may touch its month ("10april 1992"); a letter after it makes another word
    month = trie_alternation(v["months"]) + r"(?![^\W\d])"
    wday = r"(?:(?:" + trie_alternation(v["weekdays"]) + r")\s+)?"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:e|ste|de)?"
    edge = r"(?<![\w.,/€$£-])"
    join = r"\s*" + trie_alternation(v["ranges"]["joins"]) + r"\s*"
    period = trie_alternation(v["periods"])
    qual = trie_alternation(v["qualifiers"])
    relyear = trie_alternation(v["relative_years"])
    relseason = trie_alternation(v["relative_seasons"])
    before = trie_alternation(v["open"]["before"])
    after = trie_alternation(v["open"]["after"])
    mprep = trie_alternation(v["context"]["month_before"])
    dprep = trie_alternation(v["context"]["day_month_before"])
    yopen = trie_alternation(v["open"]["year_before"] + v["open"]["year_after"])
    parts = [
        # 31 mei en 1 juni 2023 / woensdag 31 mei tot en met vrijdag 2 juni
        rf"{edge}(?P<xr>{wday}(?P<xd1>{day})\s+(?P<xm1>{month})(?:\s+(?P<xy1>{YEAR}))?{join}"
        rf"{wday}(?P<xd2>{day})\s+(?P<xm2>{month})(?:\s+(?P<xy2>{YEAR}))?)",
        # 15 en 16 juni (2023) / 29-30 november 2022
        rf"{edge}(?P<dr>{wday}(?P<dd1>{day}){join}{wday}(?P<dd2>{day})\s+(?P<dm>{month})"
        rf"(?:\s+(?P<dy>{YEAR}))?)",
        # (uiterlijk) (op woensdag) 31 mei (2023)
        rf"(?:(?<![\w-])(?P<sopen>{before}|{after})\s+)?{edge}(?P<s>{wday}(?P<sd>{day})\s*(?P<sm>{month})"
        rf"(?:\s*(?P<sy>{YEAR}))?)",
        # 17-11-2022, 17/11/2022, 17.11.2022
        rf"(?<![\w./-])(?P<n>(?P<nd>[12]\d|3[01]|0?[1-9])(?P<ns>[-/.])(?P<nm>1[0-2]|0?[1-9])"
        rf"(?P=ns)(?P<ny>{YEAR}))(?![\w/-]|[.,]\d)",
        # op 09/10, vanaf 01-07: a day and month in figures without a year, both of two digits
        # and after a word that opens a date (else "24/7", "1/3" or "10-12 uur")
        rf"(?<![\w-])(?P<nn>(?P<nnp>{dprep}|{before}|{after})\s+(?P<nnd>[12]\d|3[01]|0[1-9])"
        rf"[-/](?P<nnm>1[0-2]|0[1-9]))(?![\w/-]|[.,]\d|\s*(?:uur|u\.|%|procent))",
        # 2022-11-17
        rf"(?<![\w./-])(?P<iso>(?P<iy>{YEAR})-(?P<im>1[0-2]|0[1-9])-(?P<id>[12]\d|3[01]|0[1-9]))"
        rf"(?![\w/-])",
        # (eind) juni (en juli) 2023
        rf"(?<![\w-])(?P<my>(?:(?P<myq>{qual})\s+)?(?P<mym>{month})(?:{join}(?P<mym2>{month}))?"
        rf"\s*(?P<myy>{YEAR}))(?![\w/-])",
        # voor de zomer(reces), na het zomerreces, het eerste kwartaal van 2024, najaar 2023,
        # begin volgend jaar, dit najaar
        rf"(?<![\w-])(?P<p>(?:(?P<popen>{before}|{after})\s+)?(?:(?P<pq>{qual})\s+)?(?:(?:de|het)\s+)?"
        rf"(?:(?P<prs>{relseason})\s+)?(?P<pp>{period})(?:\s+(?:van\s+)?(?:(?P<py>{YEAR})"
        rf"|(?P<pry>{relyear})))?)(?![\w-])",
        rf"(?<![\w-])(?P<r>(?:(?P<rq>{qual})\s+)?(?P<rr>{relyear}))(?![\w-])",
        # (eind) 2023 / 2023-2025 / 2023 en 2024
        rf"(?<![\w-])(?P<yq>{qual})\s+(?P<yqy>{YEAR})(?![\w/-]|[.,]\d)",
        # in juli, begin juni, tot oktober (a bare month only after such a word)
        rf"(?<![\w-])(?P<mprep>{mprep})\s+(?P<m>(?P<mq>{qual}\s+)?(?P<mm>{month})"
        rf"(?:{join}(?P<mm2>{month}))?)(?!\s*{YEAR})",
        rf"(?<![\w-])(?P<yb>tussen\s+(?P<yb1>{YEAR})\s+en\s+(?P<yb2>{YEAR}))(?![\w/-]|[.,]\d)",
        rf"(?<![\w./€$£-])(?P<yr>(?P<yr1>{YEAR})\s*(?:[-–—]|\s(?:t/m|tot en met|tot)\s)\s*"
        rf"(?P<yr2>{YEAR}))(?![\w/-]|[.,]\d)",
        rf"(?<![\w-])(?P<yo>(?P<yow>{yopen})\s+(?P<yoy>{YEAR}))(?![\w/-]|[.,]\d)",
        rf"(?<![\w./€$£-])(?P<y>{YEAR})(?![\w/-]|[.,]\d)",
    ]
    return re.compile("|".join(parts), re.IGNORECASE)


def _month(word: str | None) -> int | None:
    return _months().get(word.lower().replace(" ", "")) if word else None


_DIGITS = re.compile(r"\d+")


def _int(s: str | None) -> int | None:
    if not s:
        return None
    return int(_DIGITS.match(s).group(0))  # type: ignore[union-attr]


@cache
def _weekdays() -> tuple[frozenset[str], tuple[tuple[str, int], ...]]:
    """The first letters of the weekdays, and (name, number) in the order of the data."""
    days = tuple((name, int(num)) for name, num in _vocab()["weekdays"].items())
    return frozenset(name[:1] for name, _ in days), days


def _weekday(text: str) -> int | None:
    low = text.lower()
    firsts, days = _weekdays()
    if low[:1] not in firsts:
        return None  # most dates open with their number
    for name, num in days:
        if low.startswith(name):
            return num
    return None


@cache
def _section(section: str) -> dict[str, Any]:
    return {" ".join(k.lower().split()): v for k, v in _vocab()[section].items()}


def _span_months(key: str | None, section: str) -> tuple[int, int] | None:
    if not key:
        return None
    got = _section(section).get(" ".join(key.lower().split()))
    return (int(got[0]), int(got[1])) if got else None


@cache
def _closing(before_key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _vocab()["open"][before_key])


def _open_kind(word: str | None, before_key: str = "before") -> str | None:
    """"before" when ``word`` closes a period ("uiterlijk"), "after" when it opens one."""
    if not word:
        return None
    return "before" if " ".join(word.lower().split()) in _closing(before_key) else "after"


def parse(m: re.Match[str]) -> RawDate | None:
    """The RawDate of one match of :func:`pattern`, or None when it is not a date after all."""
    g = m.group
    # The alternative that matched is the group that closed last (its inner groups close
    # before it); only "yq" ends in a group of its own. One lookup instead of a dozen.
    kind = m.lastgroup
    if kind == "yqy":
        kind = "yq"
    handler = _HANDLERS.get(kind or "")
    if handler is not None:
        return handler(m)
    if g("xr"):
        y2 = _int(g("xy2"))
        y1 = _int(g("xy1"))
        m1, m2 = _month(g("xm1")), _month(g("xm2"))
        if y1 is None and y2 is not None:
            y1 = y2 - 1 if (m1 or 0) > (m2 or 0) else y2
        first, last = Point(y1, m1, _int(g("xd1"))), Point(y2, m2, _int(g("xd2")))
        return _checked(m.start("xr"), m.end("xr"), first, last, _weekday(g("xr")))
    if g("dr"):
        y, mo = _int(g("dy")), _month(g("dm"))
        d1, d2 = _int(g("dd1")), _int(g("dd2"))
        if d1 is None or d2 is None or d1 >= d2:
            return None
        return _checked(m.start("dr"), m.end("dr"), Point(y, mo, d1), Point(y, mo, d2),
                        _weekday(g("dr")))
    if g("s"):
        point = Point(_int(g("sy")), _month(g("sm")), _int(g("sd")))
        return _opened(m, "s", "sopen", point, point, _weekday(g("s")))
    if g("n"):
        point = Point(_int(g("ny")), _int(g("nm")), _int(g("nd")))
        return _checked(m.start("n"), m.end("n"), point, point)
    if g("iso"):
        point = Point(_int(g("iy")), _int(g("im")), _int(g("id")))
        return _checked(m.start("iso"), m.end("iso"), point, point)
    if g("my"):
        y = _int(g("myy"))
        m1 = _month(g("mym"))
        m2 = _month(g("mym2")) or m1
        return RawDate(m.start("my"), m.end("my"), Point(y, m1), Point(y, m2))
    if g("p"):
        return _period(m)
    if g("r"):
        months = _span_months(g("rq"), "qualifiers")
        first = Point(None, months[0]) if months else Point(None)
        last = Point(None, months[1]) if months else Point(None)
        return RawDate(m.start("r"), m.end("r"), first, last, rel_year=_vocab_rel(g("rr")))
    if g("yq"):
        y = _int(g("yqy"))
        months = _span_months(g("yq"), "qualifiers") or (1, 12)
        return RawDate(m.start("yq"), m.end("yqy"), Point(y, months[0]), Point(y, months[1]))
    if g("m"):
        return _bare_month(m)
    if g("yr") or g("yb"):
        key = "yr" if g("yr") else "yb"
        y1, y2 = _int(g(key + "1")), _int(g(key + "2"))
        if y1 is None or y2 is None or not y1 < y2 <= y1 + 30:
            return None
        return RawDate(m.start(key), m.end(key), Point(y1), Point(y2))
    if g("yo"):
        y = _int(g("yoy"))
        if _open_kind(g("yow"), "year_before") == "before":
            return RawDate(m.start("yo"), m.end("yo"), None, Point(y))
        return RawDate(m.start("yo"), m.end("yo"), Point(y), None)
    if g("y"):
        y = _int(g("y"))
        return RawDate(m.start("y"), m.end("y"), Point(y), Point(y))
    return None


def _year(m: re.Match[str]) -> RawDate | None:
    y = _int(m.group("y"))
    return RawDate(m.start("y"), m.end("y"), Point(y), Point(y))


def _single(m: re.Match[str]) -> RawDate | None:
    g = m.group
    point = Point(_int(g("sy")), _month(g("sm")), _int(g("sd")))
    return _opened(m, "s", "sopen", point, point, _weekday(g("s")))


def _day_range(m: re.Match[str]) -> RawDate | None:
    g = m.group
    y, mo = _int(g("dy")), _month(g("dm"))
    d1, d2 = _int(g("dd1")), _int(g("dd2"))
    if d1 is None or d2 is None or d1 >= d2:
        return None
    return _checked(m.start("dr"), m.end("dr"), Point(y, mo, d1), Point(y, mo, d2),
                    _weekday(g("dr")))


# The most frequent forms, dispatched at once; the rest go through the chain in parse().
def _day_month(m: re.Match[str]) -> RawDate | None:
    point = Point(None, _int(m.group("nnm")), _int(m.group("nnd")))
    word = " ".join(m.group("nnp").lower().split())
    opens = {w.lower() for w in (*_vocab()["open"]["before"], *_vocab()["open"]["after"])}
    raw = _checked(m.start("nnd"), m.end("nnm"), point, point)
    if raw is None or word not in opens:
        return raw  # "op 09/10": the day itself
    return _opened(m, "nn", "nnp", point, point, None)  # "vanaf 01/07", "uiterlijk 15/09"


_HANDLERS: dict[str, Any] = {"y": _year, "s": _single, "dr": _day_range, "nn": _day_month}


def _vocab_rel(key: str) -> int:
    return int(_section("relative_years")[" ".join(key.lower().split())])


def _checked(
    start: int, end: int, first: Point, last: Point, weekday: int | None = None
) -> RawDate | None:
    """Drop impossible calendar dates (31 juni) and ranges that run backwards."""
    for p in (first, last):
        if p.day is not None and p.month is not None:
            try:
                date(p.year or 2000, p.month, p.day)  # 2000 is a leap year: 29 februari passes
            except ValueError:
                return None
    return RawDate(start, end, first, last, weekday)


def _opened(
    m: re.Match[str], group: str, open_group: str, first: Point, last: Point,
    weekday: int | None,
) -> RawDate | None:
    raw = _checked(m.start(group), m.end(group), first, last, weekday)
    if raw is None:
        return None
    kind = _open_kind(m.group(open_group))
    # "voor 1 juli" and "tot 1 juli" close a period; only strong words open one ("sinds").
    if kind == "before":
        return replace(raw, start=m.start(open_group), first=None)
    if kind == "after":
        return replace(raw, start=m.start(open_group), last=None)
    return raw


def _period(m: re.Match[str]) -> RawDate | None:
    g = m.group
    months = _span_months(g("pp"), "periods")
    if months is None:
        return None
    m1, m2 = months
    qual = _span_months(g("pq"), "qualifiers")
    if qual and m1 != m2 and m2 - m1 >= 2:
        # "begin" / "eind" of a season or quarter: its first or last month.
        m1, m2 = (m1, m1) if qual[0] <= 3 else (m2, m2) if qual[0] >= 11 else (m1 + 1, m1 + 1)
    y = _int(g("py"))
    if not (y or g("pry") or g("prs") or g("popen") or g("pq")) and not _BARE_PERIOD_OK.search(
        m.string, max(0, m.start("p") - 20), m.start("p")
    ):
        return None  # "de eerste helft" of a match, "de winter" as a noun: not a date alone
    rel: int | None = None
    if g("pry"):
        rel = _vocab_rel(g("pry"))
    elif g("prs"):
        rel = int(_section("relative_seasons")[g("prs").lower()])
    wraps = m2 < m1
    first = Point(y, m1)
    last = Point(y + 1 if (y is not None and wraps) else y, m2)
    raw = RawDate(m.start("p"), m.end("p"), first, last, rel_year=rel, wraps=wraps)
    kind = _open_kind(g("popen"))
    if kind == "before":
        # Before a period: it ends where the period begins.
        return replace(raw, first=None, last=first)
    if kind == "after":
        # After a period: it starts in the month after the period ends.
        nm = m2 % 12 + 1
        ny = None if last.year is None else last.year + (m2 == 12)
        return replace(raw, first=Point(ny, nm), last=None, wraps=wraps or m2 == 12)
    return raw


_BARE_PERIOD_OK = re.compile(r"\b(?:in|tijdens|gedurende|rond|sinds|vanaf)\s+$", re.IGNORECASE)


def _bare_month(m: re.Match[str]) -> RawDate | None:
    g = m.group
    word = g("mm")
    # A bare month name must be written as one: lower case or all capitals ("in Juli" is rare,
    # "Mei" a name).
    if not (word.islower() or word.isupper()):
        return None
    if word.endswith(".") or g("mprep").lower() == "van" and not g("mm2"):
        return None  # "jun." alone is too short to trust; "van mei" often "van Mei" in names
    m1 = _month(word)
    m2 = _month(g("mm2")) or m1
    # "begin juni", "eind juli": the qualifier belongs to the date.
    qualified = _span_months(g("mprep"), "qualifiers") is not None
    start = m.start("mprep") if qualified else m.start("m")
    kind = _open_kind(g("mprep")) if g("mprep").lower() in {"voor", "vóór", "uiterlijk",
                                                              "sinds", "vanaf", "tot"} else None
    first, last = Point(None, m1), Point(None, m2)
    if kind == "before":
        return RawDate(m.start("mprep"), m.end("m"), None, first)
    if kind == "after":
        return RawDate(m.start("mprep"), m.end("m"), first, None)
    return RawDate(start, m.end("m"), first, last)


__all__ = ["YEAR", "Point", "RawDate", "parse", "pattern"]

"""findings: flaws a careful reader wants flagged. Every rule is one a clerk would agree with.

- ``date_conflict``: a date in the body that contradicts the title ("Op 29 en 30 november 2023"
  under a title "... van 29 en 30 november 2022": same days, other year); a date reported as past
  ("vond plaats", "kwamen samen") that lies after the document's own written date or after a date
  the document calls upcoming; a weekday that does not fit its date ("dinsdag 12 december 2023").
- ``impossible_date``: a written date the calendar does not have ("30 februari 2024").
- ``incomplete_sentence``: the cover-letter formula broken ("Hierbij bied ik u het ministeriële
  bijeenkomst van ..." lacks "aan": words are missing).
- ``footnote``: a footnote marker in the body without its footnote, or a footnote never referred
  to (only where the text shows markers at all, so a lost marker is not taken for a flaw).
- ``reference_date``: a cited Kamerstuk of a parliamentary year that began after the document's
  written date.
Dates of the title and body are read here with explicit years only: an inferred year is no
ground to call a text wrong. Patterns are data (``data/findings.toml``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from kamerlens.extract._cues import (
    MONTH_RE,
    MONTHS,
    body_sentences,
    doc_date,
    load_toml,
    squash,
    words,
)
from kamerlens.extract.lexicon import find_all, numbers
from kamerlens.extract.pipeline import Doc, component
from kamerlens.models import Finding


@dataclass(frozen=True)
class _DateText:
    """ "29 en 30 november 2023": its (day, month) pairs, year, span and weekday names given."""

    pairs: tuple[tuple[int, int], ...]
    year: int
    weekdays: tuple[tuple[str, int, int], ...]  # (name, day, month) where a weekday was written
    text: str
    start: int
    end: int

    def dates(self) -> list[dt.date]:
        out = []
        for day, month in self.pairs:
            if 1 <= day <= calendar.monthrange(self.year, month)[1]:
                out.append(dt.date(self.year, month, day))
        return out


@dataclass(frozen=True)
class _Lex:
    weekdays: tuple[str, ...]
    date: re.Pattern[str]
    past: re.Pattern[str]
    formulas: tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...]


@cache
def _lex() -> _Lex:
    data = load_toml("findings.toml")
    wd = "|".join(data["weekdays"])
    day = rf"(?:(?P<wN>{wd})\s+)?(?P<dN>\d{{1,2}})"
    first, second = day.replace("N", "1"), day.replace("N", "2")
    date = (
        rf"\b{first}(?:\s+(?P<m1>{MONTH_RE}))?"
        rf"(?:\s*(?:,|en|t/m|tot\s+en\s+met|-|–)\s*{second})?"
        rf"\s+(?P<m2>{MONTH_RE})\s+(?P<y>(?:19|20)\d\d)\b"
    )
    return _Lex(
        weekdays=tuple(data["weekdays"]),
        date=re.compile(date, re.IGNORECASE),
        past=re.compile(words(data["past_cue"]), re.IGNORECASE),
        formulas=tuple(
            (
                re.compile(words(f["opening"]), re.IGNORECASE),
                re.compile(words(f["required"]), re.IGNORECASE),
                f["missing"],
            )
            for f in data["formula"]
        ),
    )


# Every full date ends in "<month> <year>": a case-sensitive literal scan finds those fast, and the
# full pattern (weekdays, day ranges) is tried only in a short window before each.
_MONTH_YEAR_ANY = re.compile("(?:" + "|".join(MONTHS) + r")\s+(?:19|20)\d\d\b", re.IGNORECASE)
_YEAR_AFTER = re.compile(r"\s+(?:19|20)\d\d\b")
_REACH = 80  # characters a date expression may extend before its month


def _month_years(
    text: str, start: int, end: int, nums: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """The spans of "<month> <year>" (a month in lower case) in ``text[start:end]``, in order.
    Found from the years: of the runs of digits (``nums``: the document's, from
    ``lexicon.numbers``), few open with "19" or "20" after white space, and the month must end
    where that white space begins (no month name ends another, so at most one fits). No two
    spans overlap."""
    found = []
    for s, _ in numbers(text) if nums is None else nums:
        if s < start:
            continue
        if s >= end:
            break
        if text[s : s + 2] not in ("19", "20") or not s or not text[s - 1].isspace():
            continue
        j = s - 1
        while j > start and text[j - 1].isspace():
            j -= 1
        for month in MONTHS:
            at = j - len(month)
            if at >= start and text.startswith(month, at) and (
                year := _YEAR_AFTER.match(text, j, end)
            ):
                found.append((at, year.end()))
                break
    return found


def _dates(
    text: str, start: int = 0, end: int | None = None, nums: list[tuple[int, int]] | None = None
) -> Iterator[_DateText]:
    """Full dates in ``text[start:end]``; lower-case months only in long texts (the body), any
    case in short ones (a title in capitals)."""
    end = len(text) if end is None else end
    if end - start < 1000:
        spans = [m.span() for m in _MONTH_YEAR_ANY.finditer(text, start, end)]
    else:
        spans = _month_years(text, start, end, nums)
    full = _lex().date
    last = start
    for hit_start, hit_end in spans:
        m = None
        for cand in full.finditer(text, max(last, hit_start - _REACH), hit_end):
            if cand.end() == hit_end:
                m = cand
        if m is None:
            continue
        last = m.end()
        parsed = _parse(m)
        if parsed is not None:
            yield parsed


def _parse(m: re.Match[str]) -> _DateText | None:
    m2 = MONTHS[m["m2"].lower()]
    m1 = MONTHS[m["m1"].lower()] if m["m1"] else m2
    pairs = [(int(m["d1"]), m1)]
    if m["d2"]:
        pairs.append((int(m["d2"]), m2))
    elif m["m1"]:
        return None  # "12 maart april 2023" is no date
    named = []
    if m["w1"]:
        named.append((m["w1"].lower(), int(m["d1"]), m1))
    if m["w2"] and m["d2"]:
        named.append((m["w2"].lower(), int(m["d2"]), m2))
    return _DateText(tuple(pairs), int(m["y"]), tuple(named), m.group(0), m.start(), m.end())


def _body_dates(doc: Doc) -> list[_DateText]:
    return list(_dates(doc.text, 0, doc.body_end, numbers(doc.text, doc)))


@component("findings", needs=("dates", "document_date", "events", "references", "motions"))
def findings(doc: Doc) -> None:
    found: list[Finding] = []
    dates = _body_dates(doc)
    rules: tuple[Callable[[], Iterator[Finding]], ...] = (
        lambda: _title_conflict(doc, dates),
        lambda: _past_after(doc, dates),
        lambda: _weekday(dates),
        lambda: _impossible(dates),
        lambda: _broken_formula(doc),
        lambda: _footnotes(doc),
        lambda: _late_refs(doc),
    )
    for rule in rules:
        for item in rule():
            if not any(item.start < f.end and f.start < item.end for f in found):
                found.append(item)
    doc.results["findings"] = sorted(found, key=lambda f: f.start)


def _title(doc: Doc) -> str | None:
    title = doc.info.get("title") or doc.raw.meta.get("title")
    return str(title) if title else None


def _title_conflict(doc: Doc, body: list[_DateText]) -> Iterator[Finding]:
    """Same days and month as the title's date, another year."""
    title = _title(doc)
    if not title:
        return
    wanted = list(_dates(title))
    if not wanted:
        return
    opening = _first_after_title(doc, body)
    for got in body:
        for want in wanted:
            if set(got.pairs) != set(want.pairs) or got.year == want.year:
                continue
            # one day alone may well be the same day of another year ("12 december 2021");
            # two or more days, or the body's opening date, mean the title's meeting
            if len(got.pairs) < 2 and got is not opening:
                continue
            yield Finding(
                kind="date_conflict",
                message=f"the body says {squash(got.text)} but the title says {squash(want.text)}",
                start=got.start,
                end=got.end,
            )


def _first_after_title(doc: Doc, body: list[_DateText]) -> _DateText | None:
    """The first date of the body that is not the title repeated as a heading."""
    title = squash(_title(doc) or "").lower()
    for d in body:
        line_start = doc.text.rfind("\n", 0, d.start) + 1
        line_end = doc.text.find("\n", d.end)
        line = squash(doc.text[line_start : line_end if line_end >= 0 else d.end]).lower()
        if line and line in title:
            continue
        return d
    return None


def _past_after(doc: Doc, body: list[_DateText]) -> Iterator[Finding]:
    """A date reported as past that lies after the written date or after a date called upcoming.

    The written date counts when the document gives it (not estimated). Without one, a meeting
    the text itself calls upcoming ("de aanstaande Raad op 12 december") bounds what it can
    report as past. The past tense must stand close to the date, in a sentence of normal length
    (a list of agenda items run together proves nothing).
    """
    lex = _lex()
    estimated = bool(doc.info.get("date_estimated"))
    written = doc_date(doc) if not estimated else None
    upcoming = [] if doc_date(doc) and not estimated else _upcoming_dates(doc)
    if not (written or upcoming):
        return
    sents = body_sentences(doc)
    starts = [s for s, _ in sents]
    for got in body:
        i = bisect_right(starts, got.start) - 1
        s, e = sents[i] if i >= 0 else (got.start, got.end)
        if e - s > 400 or not lex.past.search(
            doc.text, max(s, got.start - 80), min(e, got.end + 80)
        ):
            continue
        days = got.dates()
        if not days:
            continue
        first = min(days).isoformat()
        if written and first > written:
            yield Finding(
                kind="date_conflict",
                message=f"{squash(got.text)} is reported as past but lies after the "
                f"document's date {written}",
                start=got.start,
                end=got.end,
            )
        elif upcoming and first > upcoming[0][0]:
            when, what = upcoming[0]
            yield Finding(
                kind="date_conflict",
                message=f"{squash(got.text)} is reported as past but lies after {what} "
                f"({when}), which the document calls upcoming",
                start=got.start,
                end=got.end,
            )


_UPCOMING_CUE = re.compile(r"\b(?:aanstaande|komende|eerstvolgende|a\.s\.)", re.IGNORECASE)


def _upcoming_dates(doc: Doc) -> list[tuple[str, str]]:
    """Full dates (YYYY-MM-DD) the text itself calls upcoming ("aanstaande", "komende"),
    earliest first, with their wording."""
    text = doc.text
    out = []
    for ev in doc.results.get("events", ()):
        dated = ev.relation == "upcoming" and ev.start_date and len(ev.start_date) == 10
        if dated and _UPCOMING_CUE.search(text, max(0, ev.start - 40), ev.end):
            out.append((ev.start_date, squash(ev.name or ev.text)))
    for mention in doc.results.get("dates", ()):
        rel = getattr(mention, "relation", None)
        dated = rel == "upcoming" and mention.start_date and len(mention.start_date) == 10
        if dated and _UPCOMING_CUE.search(text, max(0, mention.start - 60), mention.end):
            out.append((mention.start_date, squash(mention.text)))
    return sorted(out)


def _weekday(body: list[_DateText]) -> Iterator[Finding]:
    """ "dinsdag 12 december 2023" when 12 December 2023 is no Tuesday."""
    names = _lex().weekdays
    for got in body:
        for name, day, month in got.weekdays:
            if not 1 <= day <= calendar.monthrange(got.year, month)[1]:
                continue
            actual = names[dt.date(got.year, month, day).weekday()]
            if actual != name:
                yield Finding(
                    kind="date_conflict",
                    message=f"{name} {day} {_month_name(month)} {got.year} was a {actual}",
                    start=got.start,
                    end=got.end,
                )


def _impossible(body: list[_DateText]) -> Iterator[Finding]:
    """ "30 februari 2024", "31 juni 2023": a day the month does not have."""
    for got in body:
        for day, month in got.pairs:
            days = calendar.monthrange(got.year, month)[1]
            if day > days:
                yield Finding(
                    kind="impossible_date",
                    message=f"{day} {_month_name(month)} {got.year} does not exist"
                    f" ({_month_name(month)} {got.year} has {days} days)",
                    start=got.start,
                    end=got.end,
                )


def _month_name(month: int) -> str:
    return next(name for name, number in MONTHS.items() if number == month)


# The words a cover sentence opens with (then white space); found with ``str.find``.
_OPENINGS = ("Hierbij", "Bijgaand", "Bij deze", "Met deze brief")


def _broken_formula(doc: Doc) -> Iterator[Finding]:
    """ "Hierbij bied ik u ..." without "aan": the standard cover sentence lost words."""
    text, end = doc.text, doc.body_end
    sents = body_sentences(doc)
    starts = [s for s, _ in sents]
    for at, word in find_all(text, _OPENINGS, left=False, right=False, end=end):
        after = at + len(word)
        if after >= end or not text[after].isspace():
            continue
        i = bisect_right(starts, at) - 1
        if i < 0 or sents[i][0] != at:
            continue  # only a sentence that opens with the formula
        s, e = sents[i]
        sentence = text[s:e]
        for opening, required, missing in _lex().formulas:
            if not opening.match(sentence) or required.search(sentence):
                continue
            nxt = re.match(r"\s*(\S+)", text[e : e + 40])
            if nxt and required.match(nxt.group(1)):
                continue  # the sentence was split too early, the word follows
            yield Finding(
                kind="incomplete_sentence",
                message=f"the cover sentence lacks '{missing}': words are missing "
                f'("{squash(sentence)[:80]}")',
                start=s,
                end=e,
            )


_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_TO_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_UNIT = re.compile(r"(?:\b(?:k|c|d|m)?m|\bm|\bkm|\bcm|\bmm|\bha|\bft)$")


def _footnotes(doc: Doc) -> Iterator[Finding]:
    notes = doc.norm.footnotes
    if not notes or not any(n.marker for n in notes):
        return  # no markers found at all: nothing to tell a lost marker from a flaw
    numbers = {n.number for n in notes}
    text = doc.text
    for start, end in _markers(text, doc.body_end):
        before = text[start - 1] if start else " "
        if not (before.isalpha() or before in '.,;:)»”’"') or _UNIT.search(
            text, max(0, start - 3), start
        ):
            continue  # "km²", "10³": a power, not a marker
        number = text[start:end].translate(_SUPERSCRIPT)
        if number not in numbers:
            yield Finding(
                kind="footnote",
                message=f"footnote marker {number} has no footnote",
                start=start,
                end=end,
            )
    body = text[: doc.body_end]
    for note in notes:
        if note.marker is not None:
            continue
        forms = {re.escape(note.number), re.escape(note.number.translate(_TO_SUPERSCRIPT))}
        glued = re.compile(rf"(?<=[^\W\d]|[.,;:)])(?:{'|'.join(forms)})(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹])")
        if glued.search(body):
            continue  # a marker the normalizer did not tie; not a flaw of the document
        yield Finding(
            kind="footnote",
            message=f"footnote {note.number} is never referred to in the text",
            start=note.start,
            end=note.end,
        )


def _markers(text: str, end: int) -> list[tuple[int, int]]:
    """The runs of superscript digits in ``text[:end]``, in order. Each digit is found with
    ``str.find``, at memory speed, where a character class is tried at every character."""
    runs: list[tuple[int, int]] = []
    for at, _ in find_all(text, _SUPERSCRIPT_DIGITS, left=False, right=False, end=end):
        if runs and runs[-1][1] == at:
            runs[-1] = (runs[-1][0], at + 1)
        else:
            runs.append((at, at + 1))
    return runs


def _late_refs(doc: Doc) -> Iterator[Finding]:
    """A Kamerstuk of a parliamentary year that began after the document was written."""
    written = doc_date(doc) if not doc.info.get("date_estimated") else None
    if not written:
        return
    for ref in doc.results.get("references", ()):
        year = getattr(ref, "year", None)
        m = re.match(r"((?:19|20)\d\d)", year or "")
        # a vergaderjaar starts in September (Prinsjesdag); 1 September is the safe side
        if m and f"{m.group(1)}-09-01" > written:
            yield Finding(
                kind="reference_date",
                message=f"cites a Kamerstuk of {year}, a parliamentary year that began after "
                f"the document's date {written}",
                start=ref.start,
                end=ref.end,
            )


__all__ = ["findings"]

"""The date a document writes about itself: its metadata, a date line ("Den Haag, 12 juni
2023", "Datum 14 november 2023"), the answer's "(ontvangen ...)", the side column, the head of a
nota or amendment ("Ontvangen 4 februari 2025"), a motion's "Voorgesteld ... van", and the head of
a plenary transcript. Never an estimate: that is the ``document_date`` component's job
(``dates.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from kamerlens.extract._document_source import (
    HEAD,
    TITLE_ZONE,
    furniture_text,
    meta,
    vocabulary,
)
from kamerlens.extract.needles import may_match
from kamerlens.extract.pipeline import Doc
from kamerlens.normalize.layout import PLACE_DATE_LINE


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
    head_end = min(TITLE_ZONE, doc.body_end)
    for cue in _ANSWER_DATE.finditer(text, 0, head_end):
        if found := _date_re().match(text, cue.end(), min(cue.end() + 40, len(text))):
            return parse_date(found.group(0))
    for at in _date_cue_ends(text, doc.body_end):
        if dated := _date_after_cue(text, at):
            return dated
    # a line that holds only a place and a date: "Bergen, 23 december 2015"
    for line in _place_date_lines(text, doc.body_end):
        if found := _date_re().fullmatch(line.strip()):
            return parse_date(found.group(0))
    # the side column the normalizer set apart: "Datum" over "14 november 2023"
    side = furniture_text(doc)
    for cue in _SIDE_DATE.finditer(side):
        if dated := _date_after_cue(side, cue.end()):
            return dated
    # the head of a nota van wijziging or an amendment: a line "Ontvangen 4 februari 2025"
    for pattern in (_RECEIVED_LINE, _PROPOSED, _FIRST_LINE_DATE):
        if not may_match(pattern, text, pos=0, end=head_end):
            continue  # "Ontvangen", "Voorgesteld" is not in the head
        head = pattern.search(text, 0, head_end)
        if head and (day := _date_re().fullmatch(head.group(1))):
            return parse_date(day.group(0))
    return None


def _date_after_cue(text: str, at: int) -> str | None:
    """The date written right after a date line's cue: "12 oktober 2023" or, in figures,
    "12-10-2023" / "12.10.2023" / "12/10/2023" (day first, as Dutch writes it)."""
    if found := _date_re().match(text, at, min(at + 40, len(text))):
        return parse_date(found.group(0))
    if figures := _FIGURES.match(text, at, min(at + 12, len(text))):
        day, month, year = (int(figures.group(g)) for g in ("day", "month", "year"))
        value = f"{year}-{month:02d}-{day:02d}"
        return value if _exists(value) else None
    return None


# a date in figures after a cue, the same separator twice, a four-digit year and no more digits
_FIGURES = re.compile(
    r"(?P<day>\d{1,2})(?P<sep>[-./])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})(?!\d)"
)


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


_ANSWER_DATE = re.compile(r"\(ontvangen\s+", re.IGNORECASE)  # also "(Ontvangen 14 maart 1990.)"
_SIDE_DATE = re.compile(r"(?im)^[ \t]*(?:Datum|Dagtekening)[ \t]*:?\s+")


# Read from the line break before the line (a literal the engine skips to; "^" is tried at
# every position), the first line apart.
_PLACE_DATE = re.compile(r"(?m)\n" + PLACE_DATE_LINE)
_PLACE_DATE_FIRST = re.compile(r"(?m)" + PLACE_DATE_LINE)


def _place_date_lines(text: str, end: int) -> list[str]:
    """The dates of the lines in ``text[:end]`` that hold only a place and a date, in order."""
    found = [m.group(1) for m in _PLACE_DATE.finditer(text, 0, end)]
    if first := _PLACE_DATE_FIRST.match(text, 0, end):
        found.insert(0, first.group(1))
    return found


# ---------------------------------------------------------------- plenary transcripts

_SITTING = re.compile(r"^(?:TK|EK)[ \t]+\d{1,3}$")
_CHAMBER = re.compile(r"^(?:Tweede|Eerste)\s+Kamer(?:\s+der\s+Staten-Generaal)?$")
_DAY = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
_WEEKDAY = re.compile(rf"^{_DAY}\s+", re.I)
# the sitting named in the head ("Tweede Kamer, 37e vergadering, donderdag 1 februari 2024",
# "Handelingen Tweede Kamer, vergadering van dinsdag 12 november 2024"), also where the head
# runs on into the first turn (a transcript published as one line): only with its ordinal or
# weekday, so "Zie vergadering van 31 januari 2024" does not date it
_SITTING_RUN_ON = re.compile(
    rf"(?:(?<![\w-])\d{{1,3}}(?:e|ste|de)\s+vergadering,?\s+(?:{_DAY},?\s+)?"
    rf"|\b(?:Kamer|Handelingen)\b[^.\n]{{0,40}}?(?<![\w-])vergadering(?:\s+van)?,?\s+{_DAY},?\s+)"
    r"(\d{1,2}\s+[a-z]{3,9}\s+\d{4})\b",
    re.I,
)
_SITTING_REACH = 400  # how far into a transcript its head is looked for
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
    text = doc.text[: min(HEAD, doc.body_end)]
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
        if line[-1:].isdecimal() and (m := _SITTING_RUN_ON.search(line)):
            date = date or parse_date(m.group(1))
            continue
        if title is None and 3 <= len(line) <= 150 and line[-1] not in ".,;":
            title = line
    if title is None and (m := _ON_AGENDA.search(text)):
        title = " ".join(m.group(1).split()).capitalize()
    if date is None and (m := _SITTING_RUN_ON.search(text, 0, _SITTING_REACH)):
        date = parse_date(m.group(1))
    if date is None and (m := _RUNNING_DATE.search(furniture_text(doc))):
        date = parse_date(m.group(1) or m.group(2))
    return title, date

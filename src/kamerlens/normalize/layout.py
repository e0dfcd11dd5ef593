"""Reflow layout lines into paragraphs and find the section headings.

Rules (all local, so they hold for letters never seen):
- a blank line ends a paragraph; so does a line that ends a sentence and is clearly shorter than
  a full line of running text;
- a page break inside a sentence is no paragraph break (the running text just goes on);
- a short line that does not end a sentence (a signature, an address line, a table cell) keeps
  its line break;
- a speaker label of a debate (known from the layout: "Minister Adema:") opens a paragraph, and
  the words of the turn follow it on the next line, never as a heading;
- a heading is a short line without a closing stop that opens a new block ("Sessie 3: Strategisch
  Concept", "Vitale infrastructuur", "2. Inzet van het kabinet") or a line in capitals; capital
  lines that follow each other form one heading (a title wrapped over two lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kamerlens.normalize import hyphens, letterhead
from kamerlens.normalize.builder import Builder
from kamerlens.normalize.lines import QA_HEADING, Line, ends_sentence

_BULLET = re.compile(r"^(?:[-–•▪●◦■□*·]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")
# "Besluit: ...", "Zaak: ...", "Volgcommissie(s): ...": a field of a list or form, one per line.
_FIELD = re.compile(r"^[A-Z][a-zà-ÿ]+(?:\(s\))?:\s")
_POSTCODE = re.compile(r"\b\d{4}\s?[A-Z]{2}\b")
_LETTERS = re.compile(r"[^\W\d_]")
_BULLET_CHARS = "-–•▪●◦■□*·"
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.){1,5}(?:\s|$)")
_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_DATE_LINE = re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}$", re.IGNORECASE)
# A letter's date line: a place and a comma before the date and nothing after it ("Den Haag,
# 5 januari 1993", "'s-Gravenhage, 12 maart 1992"); the date is group 1. Shared with the
# document-date rules (extract/document_date.py), which read the letter's date from this line.
PLACE_DATE_LINE = (
    r"[ \t]*(?:'s-)?[A-Z][\w'’.\-]*(?:[ \t]+(?:aan|de|den|op|[A-Z])[\w'’.\-]*){0,3},[ \t]+"
    r"(\d{1,2}[ \t]+[a-z]{3,9}\.?[ \t]+\d{4})[ \t]*$"
)
# ... or under its label: "Datum 14 november 2023"
_LETTER_DATE = re.compile(
    rf"^(?:{PLACE_DATE_LINE}"
    r"|(?:Datum|Dagtekening):?[ \t]+\d{1,2}[ \t]+[a-z]{3,9}\.?[ \t]+\d{4}$)"
)
_NO_HEADING_END = ".,;:-–—(/&+"
# Words a heading never ends with: a line ending in one runs on into the next line.
_RUNS_ON = frozenset(
    {
        "en", "of", "van", "de", "het", "een", "der", "den", "voor", "met", "aan", "op", "in",
        "over", "bij", "tot", "naar", "om", "te", "uit", "door", "als", "dat", "die", "and", "the",
    }
)  # fmt: skip
_HEADING_MAX = 120
# A numbered line that cites a source or an address is a footnote, never a heading, where a text
# layer left it in the flow ("7 Kamerstukken II 2021/22, 30175, nr. 416", "6 https://...").
_FOOTNOTE_LINE = re.compile(
    r"\d{1,3}\s+(?:.*?\b(?:Kamerstuk(?:ken)?|Handelingen|Aanhangsel|Stb|Stcrt)\b|\S*(?:https?://|www\.))"
)
_SMALL = frozenset("abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class Heading:
    text: str
    start: int
    end: int
    caps: bool


def items_of(lines: list[Line], typical: int = 0) -> list[Line]:
    """The body lines, each with what separates it from the one before (``Line.gap``).

    A page break or removed furniture (``soft``) inside a sentence is no paragraph break; after
    a short line that does not run on ("-", ",") it is one: the text before it ended there (the
    last line of a paragraph, a signature, an address), whatever the furniture spliced in."""
    items: list[Line] = []
    blank = soft = False
    for line in lines:
        if line.kind == "blank":
            blank = True
        elif line.kind != "body":
            soft = True
        else:
            if items and line.page != items[-1].page:
                soft = True  # a page break: blank lines around it are layout, not paragraphs
            gap = "soft" if soft else "blank" if blank or line.label else "none"
            if gap == "soft" and _ended_short(items[-1].text if items else "", typical):
                gap = "blank"
            line.gap = gap if items else "blank"
            line.ends = ends_sentence(line.text)
            items.append(line)
            blank = soft = False
    return items


def _ended_short(text: str, typical: int) -> bool:
    return bool(text) and len(text) < 0.55 * typical and text[-1] not in "-,"


def _is_caps(text: str) -> bool:
    return (
        text.upper() == text
        and " " in text
        and len(_LETTERS.findall(text)) >= 4
        and not _POSTCODE.search(text)  # "2500 EA DEN HAAG" is an address line
    )


def _heading_shape(text: str) -> bool:
    if not (2 <= len(text) <= _HEADING_MAX) or text[-1] in _NO_HEADING_END:
        return False
    first = text[0]
    if not (first.isupper() or first.isdigit() or first == "§"):
        return False
    if len(text.split()) > 14 or _INITIALS.match(text):
        return False
    if text[text.rfind(" ") + 1 :] in _RUNS_ON:
        return False  # "De Minister van Landbouw, Natuur en": the line runs on
    if first.isdigit() and len(_LETTERS.findall(text[:12])) < 2:
        return False  # a bare number ("1312" over an answer to Kamervragen), a year, "2022-2023"
    if first.isdigit() and _FOOTNOTE_LINE.match(text):
        return False  # "5 Kamerstukken II 2021/22, Aanhangsel, nr. 1694": a footnote's line
    # the pattern ends in a year: a line that does not end in a digit needs no search
    date = _DATE_LINE.search(text) if text[-1:].isdecimal() or text.endswith("\n") else None
    if date and len(text[: date.start()].split()) <= 2:
        return False  # "Den Haag, 12 december 2022", "Datum 12 april 2024"
    if _FIELD.match(text):
        return False
    return not text.endswith("?") or len(text) < 60


def mark_headings(items: list[Line], typical: int) -> None:
    prev: Line | None = None
    for k, item in enumerate(items):
        if k:
            prev = items[k - 1]
        text = item.text
        if item.label or (prev and prev.label):
            continue  # a speaker label and the first line of the turn are no headings
        # a line ending in a small letter is no line in capitals, and most lines do
        upper = text[-1] not in _SMALL and text.upper() == text
        # Fast path: most lines continue a sentence of the line before.
        if not upper and item.gap != "blank" and prev and not prev.heading and not prev.ends:
            continue
        caps = upper and _is_caps(text) and len(text) <= _HEADING_MAX
        if caps and prev and prev.heading and item.gap == "none" and _is_caps(prev.text):
            item.heading = 2  # a title in capitals wrapped over two lines
            continue
        if not _heading_shape(text):
            continue
        if prev and prev.heading and QA_HEADING.match(prev.text):
            continue  # the question or answer under "Vraag 3" is no heading of its own
        nxt = items[k + 1] if k + 1 < len(items) else None
        if caps:
            if prev is None or not prev.text.endswith("-"):
                item.heading = 1
            continue
        # A line followed straight by more text may be the first line of a paragraph, so it must
        # be clearly short; a line standing alone between blank lines may be longer.
        limit = 0.75 * typical if nxt is None or nxt.gap == "none" else max(0.75 * typical, 60)
        if prev and prev.heading and item.gap == "none" and not _BULLET.match(text):
            limit = 0.85 * typical  # a subheading right under a heading ("Diversen" / "Europees
            # Fonds voor maritieme zaken, visserij en aquacultuur") may run longer
        if nxt is None or len(text) > limit:
            continue
        opens = item.gap == "blank" or prev is None or prev.heading or prev.ends
        if not opens:
            continue
        if _in_run_of_short_lines(text, nxt, typical) and not QA_HEADING.match(text):
            continue
        starts = nxt.text[:1]
        if nxt.gap != "none" or starts.isupper() or starts.isdigit() or starts in _BULLET_CHARS:
            item.heading = 1


def mark_strong_headings(items: list[Line]) -> None:
    """Headings where the layout shows the type (a debate's PDF, with its speaker labels): a run
    of lines in bold or large type that opens a block; its wrapped lines form one heading
    ("Begroting Landbouw, Natuur en Voed-" / "selkwaliteit 2024"). Bold words inside running
    text (the title of a bill after "het wetsvoorstel") do not open a block."""
    k = 0
    while k < len(items):
        item = items[k]
        prev = items[k - 1] if k else None
        if not item.strong or item.label or (prev and prev.label):
            k += 1
            continue
        j = k + 1
        while j < len(items) and j - k < 4 and items[j].gap == "none":
            if not items[j].strong or items[j].label:
                break
            j += 1
        joined = ""
        for i in range(k, j):
            text = items[i].text
            joined = joined[:-1] + text if joined.endswith("-") else f"{joined} {text}".strip()
        opens = prev is None or item.gap == "blank" or prev.heading or prev.ends
        if opens and _heading_shape(joined):
            item.heading = 1
            for i in range(k + 1, j):
                items[i].heading = 2
        k = j


def _in_run_of_short_lines(text: str, nxt: Line, typical: int) -> bool:
    """Names under a motion, an address block: short lines in a row are no headings, unless
    they are numbered ("2 Beleid" over "2.1 Doelen")."""
    following = nxt.text
    if (
        nxt.gap != "none"
        or len(following) > 0.75 * typical
        or not _heading_shape(following)
        or _is_caps(following)
    ):
        return False
    return not (text[:1].isdigit() and following[:1].isdigit())


def _separator(prev: Line, item: Line, typical: int, known: frozenset[str]) -> str:
    p, t = prev.text, item.text
    if item.label:
        return "\n\n"
    if prev.label:
        return "\n"  # "Minister Adema:" / the turn's words, as in VLOS minutes
    if item.heading == 2:
        return "join:" + (hyphens.decide(p, t, known) if p.endswith("-") else "space")
    if item.heading or prev.heading or item.gap == "blank":
        return "\n\n"
    # Body lines are never empty. Every rule up to the hyphen gives "\n", so their order is free:
    # the cheap tests on the first and last characters come first, as most lines pass them all.
    first, last, end = t[0], p[-1], t[-1]
    if (
        ((first in _BULLET_CHARS or t[1:2] in ".) " or first in "(0123456789") and _BULLET.match(t))
        or (first == "—" and t[1:2] == " " and t[2:3].isupper() and prev.ends)
        # "— De minister stuurt de Kamer ...", a chair's list of toezeggingen: an em dash opening
        # a line after a finished one is a list item; mid-sentence, an aside
        or (":" in t[:24] and _FIELD.match(t))
        or (last == "," and len(t) < 40 and _INITIALS.match(t))
        # "De Minister van Buitenlandse Zaken," / "A.B. Bakker"
        or (end.isdecimal() and _LETTER_DATE.match(t) and p[p.rfind(" ") + 1 :] not in _RUNS_ON)
        or (last.isdecimal() and _LETTER_DATE.match(p))
        # the date line of a letter keeps its line (unless the line before runs on: "in de
        # brief van de minister van" / "Financiën, 12 maart 2024" is one sentence)
    ):
        return "\n"
    if last == "-":
        return "join:" + hyphens.decide(p, t, known)
    if item.gap == "soft":
        return "\n\n" if prev.ends else " "
    if prev.ends and len(p) < 0.8 * typical:
        return "\n\n"
    if len(p) < 0.55 * typical or last == ";":
        return "\n"  # a signature, an address, a table cell, the clauses of a motion
    maybe_address = first.isdigit() or end.isdigit() or t.startswith(("Postbus", "www"))
    if maybe_address and len(t) <= 60 and letterhead.is_address(t):
        return "\n"  # "Postbus 20018" under the addressee's name keeps its line
    return " "


def emit(items: list[Line], out: Builder, typical: int, known: frozenset[str]) -> list[Heading]:
    """Write the body into ``out``; return the headings with their normalized spans."""
    headings: list[Heading] = []
    open_at: tuple[int, int] | None = None  # (normalized offset, index in out.parts)
    seps = [_separator(p, t, typical, known) for p, t in zip(items, items[1:], strict=False)]
    # Lines joined by a space that follow each other in the source, one line break apart, are
    # written as one slice (``Builder.spaced``): from ``joined`` (the end of the line before
    # them) to the end of the last. A footnote marker or a double space in a line makes it go
    # through ``Builder.line``.
    joined = -1
    marks, m = out.marker_starts, 0
    for k, item in enumerate(items):
        if k:
            prev, sep = items[k - 1], seps[k - 1]
            if item.heading == 0 and open_at is None and sep[0] != "j":
                start = item.start
                if sep == " " and start == prev.end + 1 and "  " not in item.text:
                    while m < len(marks) and marks[m] < start:
                        m += 1
                    if m == len(marks) or marks[m] >= item.end:
                        if joined < 0:
                            joined = prev.end
                        continue
                if joined >= 0:
                    out.spaced(joined, prev.end)
                    joined = -1
                out.synth_line(sep, prev.end, start, item.end)  # the common case
                continue
            if joined >= 0:
                out.spaced(joined, prev.end)
                joined = -1
            if sep == "join:space":
                out.synth(" ", prev.end)
            elif sep == "join:join":
                out.drop_last()
            elif sep[0] != "j":
                out.synth(sep, prev.end)
        if item.heading != 2 and open_at is not None:
            headings.append(_heading(out, open_at))
            open_at = None
        if item.heading == 1:
            open_at = (out.pos, len(out.parts))
        out.line(item.start, item.end)
    if joined >= 0:
        out.spaced(joined, items[-1].end)
    if open_at is not None:
        headings.append(_heading(out, open_at))
    return headings


def _heading(out: Builder, open_at: tuple[int, int]) -> Heading:
    start, index = open_at
    text = "".join(out.parts[index:]).rstrip()
    return Heading(text, start, start + len(text), _is_caps(text))

"""Cut raw text into lines that remember where they sit in the source.

A :class:`Line` keeps the offsets of its stripped content in ``RawDocument.text``, the page it
is on (PDF pages are separated by ``\\f``) and its indent: the seed letters were extracted by a
tool that starts each new page with one space, which is a useful page-break hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# One-for-one replacements, so offsets into the cleaned text equal offsets into the raw text.
# U+0002 is what PDFium reports for a hyphen it inserted at a line break.
_CLEAN = (
    ("\r", " "),
    ("\t", " "),
    ("\v", " "),
    ("\xa0", " "),
    ("\u2007", " "),
    ("\u2009", " "),
    ("\u202f", " "),
    ("\x02", "-"),
    ("\u00ad", "-"),
)
_CLOSERS = frozenset("»”’\"')]")
_SENTENCE_END = re.compile(r"[.!?][»”’\"')\]]*$|:$")
# The headings of answers to Kamervragen ("Vraag 4", "Antwoord op vraag 2 en 3"): always a
# heading when they open a block, never the tail of a footnote.
QA_HEADING = re.compile(
    r"^(?:Vraag|Vragen|Antwoord|Antwoorden)(?:\s+(?:op\s+(?:de\s+)?vragen?\s+)?\d{1,3}[a-z]?"
    r"(?:\s*(?:,|en|t/m|tot\s+en\s+met|-|–)\s*\d{1,3}[a-z]?)*)?\s*[:.]?$"
)


@dataclass(slots=True)
class Line:
    start: int  # offset of the first non-blank character in the raw text
    end: int  # offset just after the last non-blank character
    text: str  # the stripped content
    page: int
    indent: int
    first_on_page: bool = False
    kind: str = "body"  # body | blank | furniture | footnote
    label: bool = False  # a speaker label of a debate, known from the layout (bold name)
    strong: bool = False  # opens in bold or in type larger than the running text (PDF)
    # Set by the layout rules on body lines: what separates the line from the body line before
    # (none | blank | soft: a page break or removed furniture) and whether it is a heading (0 =
    # body; 1 = opens a heading; 2 = continues the heading before it).
    gap: str = "none"
    heading: int = 0
    ends: bool = False  # ends a sentence (:func:`ends_sentence`), set with ``gap``

    @property
    def blank(self) -> bool:
        return not self.text


def ends_sentence(text: str) -> bool:
    """A line that ends a sentence: a stop (after it closing quotes or brackets) or a colon."""
    last = text[-1:]
    if last in (".", "!", "?", ":"):
        return True
    return last in _CLOSERS and bool(_SENTENCE_END.search(text))


def clean(text: str) -> str:
    """Replace odd white space and PDF soft hyphens one-for-one (offsets stay valid)."""
    # str.replace per character beats str.translate with a table by ~10x on long texts.
    for old, new in _CLEAN:
        if old in text:
            text = text.replace(old, new)
    return text


def split_lines(text: str) -> list[Line]:
    """Split cleaned text at ``\\n`` and ``\\f`` into :class:`Line` objects."""
    # One str.split per page and the Line built inline: this runs on every line of every
    # document, where a regex match object and a helper call per line cost more than the rest.
    lines: list[Line] = []
    append = lines.append
    pos = 0
    for page, sheet in enumerate(text.split("\f")):
        new_page = True
        for raw in sheet.split("\n"):
            size = len(raw)
            if size and raw[0] != " " and raw[-1] != " ":  # most lines: nothing to strip
                append(Line(pos, pos + size, raw, page, 0, new_page))
            elif not (body := raw.strip(" ")):
                append(Line(pos, pos, "", page, 0, new_page, "blank"))
            else:
                start = pos + size - len(raw.lstrip(" "))
                append(Line(start, start + len(body), body, page, start - pos, new_page))
            pos += size + 1
            new_page = False
    return lines


def typical_length(lines: list[Line]) -> int:
    """The length of a full line of running text: the 80th percentile of line lengths."""
    lengths = sorted([len(ln.text) for ln in lines if ln.kind == "body"])
    if not lengths:
        return 80
    found = lengths[-1] if len(lengths) < 5 else lengths[int(len(lengths) * 0.8)]
    # A page of running text has lines of 60 characters or more; a short text full of short
    # lines (a list, an address block) must not make every line look "full".
    return max(found, 60)

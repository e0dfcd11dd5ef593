"""Write structured text: paragraphs separated by a blank line, headings, lifted footnotes.

The markup readers (XML publications, VLOS minutes, HTML) all produce the same shape of
``RawDocument.text``; this writer keeps the offsets of headings and footnote markers right while
the text grows. A footnote's place in a paragraph is held by :data:`NOTE_MARK` until the
paragraph's white space is tidied, then replaced by the note number in superscript digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kamerlens.ingest import RawNote

NOTE_MARK = "\ue000"  # private-use character: never in real text
_SPACE = re.compile(r"[ \t\r\n\f\v\xa0\u2000-\u200a\u202f\u205f\u3000]+")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def tidy(text: str) -> str:
    """Collapse runs of white space into one space and strip the ends."""
    return _SPACE.sub(" ", text).strip()


def superscript(number: str) -> str:
    """Superscript digits for a note number ("12" -> "¹²"); other characters stay as they are."""
    return number.translate(_SUPERSCRIPT)


@dataclass
class Writer:
    parts: list[str] = field(default_factory=list)
    pos: int = 0
    headings: list[str] = field(default_factory=list)
    notes: list[RawNote] = field(default_factory=list)

    def _block(self, text: str, sep: str = "\n\n") -> int:
        if self.parts:
            self.parts.append(sep)
            self.pos += len(sep)
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        return start

    def para(
        self, text: str, notes: list[tuple[str, str]] | None = None, sep: str = "\n\n"
    ) -> None:
        """Add a paragraph; ``notes`` hold (number, text) for each NOTE_MARK in ``text``."""
        text = tidy(text)
        notes = notes or []
        if not text.replace(NOTE_MARK, "").strip():
            for number, note in notes:  # a note hanging on an empty paragraph: keep the note
                self.notes.append(RawNote(number, note, None))
            return
        pieces = text.split(NOTE_MARK)
        out = [pieces[0]]
        offsets = []
        length = len(pieces[0])
        for k, piece in enumerate(pieces[1:]):
            number = notes[k][0] if k < len(notes) else str(len(self.notes) + k + 1)
            offsets.append(length)
            mark = superscript(number)
            out.append(mark)
            out.append(piece)
            length += len(mark) + len(piece)
        start = self._block("".join(out), sep)
        for k, (number, note) in enumerate(notes):
            at = start + offsets[k] if k < len(offsets) else None
            self.notes.append(RawNote(number, tidy(note), at))

    def heading(self, text: str) -> None:
        text = tidy(text.replace(NOTE_MARK, ""))
        if text:
            self._block(text)
            self.headings.append(text)

    def lines(self, lines: list[str]) -> None:
        """A block of short lines kept apart (a signature, an address)."""
        kept = [tidy(line) for line in lines if tidy(line)]
        if kept:
            self._block("\n".join(kept))

    def mark(self) -> int:
        """A bookmark for :meth:`since`."""
        return len(self.parts)

    def since(self, mark: int) -> str:
        """The text written after ``mark``."""
        return "".join(self.parts[mark:])

    def text(self) -> str:
        return "".join(self.parts)

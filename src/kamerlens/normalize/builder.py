"""Assemble normalized text from slices of the source, keeping the offset map as it grows.

Everything written is either a slice of the raw text (``raw``) or a short piece of new text
(``synth``: a space or line break that replaces a line end, a superscript footnote marker) tied
to one raw offset. The map is stored as runs, and a run only starts where the correspondence
jumps, so a long paragraph copied line by line costs one run per line at most.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_GAPS = re.compile(r" {2,}")


def superscript(digits: str) -> str:
    return digits.translate(_SUPERSCRIPT)


class Builder:
    def __init__(self, src: str, markers: list[tuple[int, int]] | None = None) -> None:
        self.src = src
        self.parts: list[str] = []
        self.pos = 0
        self.norm_starts: list[int] = []
        self.raw_starts: list[int] = []
        self.markers = sorted(markers or [])
        self.marker_starts = [s for s, _ in self.markers]
        self.marker_at: dict[int, int] = {}  # raw marker start -> normalized offset

    def _run(self, raw_pos: int) -> None:
        if self.norm_starts:
            if self.pos - self.norm_starts[-1] == raw_pos - self.raw_starts[-1]:
                return
            if self.norm_starts[-1] == self.pos:
                self.raw_starts[-1] = raw_pos
                return
        self.norm_starts.append(self.pos)
        self.raw_starts.append(raw_pos)

    def raw(self, s: int, e: int) -> None:
        """Copy ``src[s:e]``, turning footnote markers into superscript digits."""
        i = bisect_left(self.marker_starts, s)
        while i < len(self.markers) and self.markers[i][0] < e:
            ms, me = self.markers[i]
            self._copy(s, ms)
            self.marker_at[ms] = self.pos
            self.synth(superscript(self.src[ms:me]), ms)
            s = me
            i += 1
        self._copy(s, e)

    def _copy(self, s: int, e: int) -> None:
        if e <= s:
            return
        self._run(s)
        self.parts.append(self.src[s:e])
        self.pos += e - s

    def line(self, s: int, e: int) -> None:
        """Copy one line's content, collapsing runs of spaces inside it."""
        chunk = self.src[s:e]
        if "  " not in chunk:
            i = bisect_left(self.marker_starts, s)
            if e > s and (i == len(self.marker_starts) or self.marker_starts[i] >= e):
                # The common case, inlined (once per line of every document): no footnote
                # marker inside, one slice copied.
                self._run(s)
                self.parts.append(chunk)
                self.pos += e - s
                return
            self.raw(s, e)
            return
        last = s
        for m in _GAPS.finditer(chunk):
            self.raw(last, s + m.start())
            self.synth(" ", s + m.start())
            last = s + m.end()
        self.raw(last, e)

    def synth_line(self, text: str, at: int, s: int, e: int) -> None:
        """``synth(text, at)`` then ``line(s, e)``, the common case inlined: this runs once per
        line of every document (a separator, then a line without a marker or double space)."""
        chunk = self.src[s:e]
        starts = self.marker_starts
        i = bisect_left(starts, s) if starts else 0
        norm = self.norm_starts
        if not text or not norm or e <= s or "  " in chunk or (i < len(starts) and starts[i] < e):
            self.synth(text, at)
            self.line(s, e)
            return
        raw, pos = self.raw_starts, self.pos
        # _run(at): the separator
        if pos - norm[-1] != at - raw[-1]:
            if norm[-1] == pos:
                raw[-1] = at
            else:
                norm.append(pos)
                raw.append(at)
        self.parts.append(text)
        pos += len(text)
        # _run(s): the line (norm is not empty now)
        if pos - norm[-1] != s - raw[-1]:
            if norm[-1] == pos:
                raw[-1] = s
            else:
                norm.append(pos)
                raw.append(s)
        self.parts.append(chunk)
        self.pos = pos + e - s

    def spaced(self, s: int, e: int) -> None:
        """Copy ``src[s:e]``, whole lines one line break apart, with a space for each break, as
        ``synth(" ", ...)`` and ``line(...)`` line by line would. The caller makes sure they hold
        no footnote marker and no double space, and that what was written last ends at ``s``
        (so the offsets run on: no run starts)."""
        chunk = self.src[s:e].replace("\n", " ")
        if "\f" in chunk:  # a page break inside a sentence
            chunk = chunk.replace("\f", " ")
        self._run(s)
        self.parts.append(chunk)
        self.pos += e - s

    def synth(self, text: str, at: int) -> None:
        """Write ``text`` that is not in the source, mapped to raw offset ``at``."""
        if not text:
            return
        self._run(at)
        self.parts.append(text)
        self.pos += len(text)

    def drop_last(self) -> None:
        """Take back the last character written (a line-end hyphen that splits a word)."""
        while self.parts and not self.parts[-1]:
            self.parts.pop()
        if not self.parts:
            return
        self.parts[-1] = self.parts[-1][:-1]
        self.pos -= 1
        if self.norm_starts and self.norm_starts[-1] > self.pos:
            self.norm_starts.pop()
            self.raw_starts.pop()

    def text(self) -> str:
        return "".join(self.parts)

    def runs(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        if not self.norm_starts:
            return (0,), (0,)
        return tuple(self.norm_starts), tuple(self.raw_starts)

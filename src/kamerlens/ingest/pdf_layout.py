"""Reading order of one PDF page from PDFium's character boxes: columns, page zones, speaker labels.

PDFium gives a page's text in the order of its content stream, ``\\r\\n`` where a new line starts
and U+FFFE where it took out a line break after a hyphen. Most producers write a page column by
column, but nothing in PDF requires it. Here the lines are placed by their boxes:

- a **gutter** is a vertical band near the middle of the page that no line crosses, with lines
  of running text (a quarter of the page wide or more) on both sides. On such a page the lines
  are read left column, then right column, band by band: a line that spans both columns (a
  title over the full width) closes a band. A line that runs across the gutter, text of both
  columns written in one row, is cut at the gutter.
- the **page zones**: lines in the top or bottom sixth of the page set apart from the columns by
  an empty band (the running head, the footer "Tweede Kamer ... TK 37 ... 37-4-1", the page
  number) are read before or after the columns, never between them, so the running text of
  the left column goes on straight into the right one. They stay in the text: normalization
  marks them as furniture and the document component reads the identity they give.
- on a page in two columns, an empty band between two lines of a column (more than one and a
  half line pitches) is a paragraph break and is written as a blank line.
- a **speaker label** of a debate ("De voorzitter:", "Minister Adema:", "Mevrouw Van der Plas
  (BBB):") is a short line with the form of one (the vocabulary extract reads turns with,
  :mod:`kamerlens.labels`), part of it set in bold: the Handelingen print
  the speaker's name in bold. Its offset is returned so normalization starts a turn there; a
  line of running speech ending in a colon ("De heer Van Campen zei:") is not bold.

A page without a gutter keeps PDFium's order exactly: letters, decision lists and tables are
read as before.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kamerlens.labels import is_label_line

_SEPARATOR = re.compile(r"\r\n|\r|\n|(?<=\ufffe)")
_BOLD_NAMES = (b"bold", b"black", b"heavy", b"demi", b"semibold")
_FORCE_BOLD = 0x40000  # PDF font descriptor flag
_MIDDLE = (0.35, 0.65)  # where a gutter may lie, as parts of the page width
_RUNS_ON = ".,;:-–—(/&+\ufffe"  # a line ending so is running text, never a heading
_GAP = 8.0  # points: wider than the space between two words, narrower than a gutter
_ZONE = 1 / 6  # how far from the top or bottom edge a running head or footer may reach


@dataclass(slots=True)
class PageLine:
    text: str  # as PDFium gives it, U+FFFE at a hyphenated end
    first: int  # index of the first character on the page
    index: int = 0  # which of PDFium's lines (pieces) it is
    x0: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0
    top: float = 0.0
    base: float = 0.0  # baseline of the first character
    size: float = 0.0  # font size of the first character
    label: bool = False
    strong: bool = False  # opens in bold or in type larger than the running text
    joins: str | None = None  # goes on the line before, after this separator ("" or " ")


@dataclass(frozen=True)
class PageText:
    text: str  # lines joined by "\n", a hyphen put back where PDFium took a break out
    labels: tuple[int, ...] = ()  # offsets in ``text`` where a speaker label line starts
    strong: tuple[int, ...] = ()  # offsets in ``text`` of lines that open in bold or large type
    columns: bool = False  # read as two columns


class _Boxes:
    """Character boxes and fonts of one text page, through PDFium's C API (one call each)."""

    def __init__(self, textpage: pdfium.PdfTextPage) -> None:
        self.raw = textpage.raw
        self._l, self._r, self._b, self._t = (ctypes.c_double() for _ in range(4))
        self._refs = tuple(ctypes.byref(v) for v in (self._l, self._r, self._b, self._t))
        self._x, self._y = ctypes.c_double(), ctypes.c_double()
        self._origin = (ctypes.byref(self._x), ctypes.byref(self._y))
        self._name = ctypes.create_string_buffer(128)
        self._flags = ctypes.c_int()

    def box(self, index: int) -> tuple[float, float, float, float]:
        """(left, right, bottom, top) of one character."""
        pdfium_c.FPDFText_GetCharBox(self.raw, index, *self._refs)
        return self._l.value, self._r.value, self._b.value, self._t.value

    def baseline(self, index: int) -> float:
        pdfium_c.FPDFText_GetCharOrigin(self.raw, index, self._origin[0], self._origin[1])
        return self._y.value

    def size(self, index: int) -> float:
        return float(pdfium_c.FPDFText_GetFontSize(self.raw, index))

    def bold(self, index: int) -> bool:
        if pdfium_c.FPDFText_GetFontWeight(self.raw, index) >= 600:
            return True
        got = pdfium_c.FPDFText_GetFontInfo(
            self.raw, index, self._name, len(self._name), ctypes.byref(self._flags)
        )
        if got and self._flags.value & _FORCE_BOLD:
            return True
        name = self._name.value.lower()
        return any(word in name for word in _BOLD_NAMES)


def read_page(page: pdfium.PdfPage) -> PageText:
    """The text of one page in reading order, with the offsets of its speaker labels."""
    textpage = page.get_textpage()
    try:
        full = textpage.get_text_range()
        lines = _pieces(full)
        if len(full) != textpage.count_chars():
            # Text units and characters do not line up (characters outside the BMP): no boxes.
            return _write(lines)
        width, height = page.get_size()
        return _arrange(lines, _Boxes(textpage), width, height)
    finally:
        textpage.close()


def _pieces(full: str) -> list[PageLine]:
    """PDFium's lines with the index of their first character; a break after each U+FFFE."""
    out: list[PageLine] = []
    pos = 0
    for m in _SEPARATOR.finditer(full):
        out.append(PageLine(full[pos : m.start()], pos, len(out)))
        pos = m.end()
    out.append(PageLine(full[pos:], pos, len(out)))
    return out


def _measure(pieces: list[PageLine], boxes: _Boxes) -> list[PageLine]:
    """Boxes, baseline, size and weight of the lines that hold text."""
    lines: list[PageLine] = []
    for line in pieces:
        text = line.text
        if not text.strip():
            continue
        a = line.first + len(text) - len(text.lstrip())
        z = line.first + len(text.rstrip()) - 1
        la, ra, ba, ta = boxes.box(a)
        lz, rz, bz, tz = boxes.box(z)
        line.x0, line.x1, line.bottom, line.top = min(la, lz), max(ra, rz), min(ba, bz), max(ta, tz)
        if lines:
            line.joins = _joins(lines[-1], line)
        lines.append(line)
    return lines


def _type(lines: list[PageLine], boxes: _Boxes, *, weight: bool) -> None:
    """Baseline and font size of each line's first character; with ``weight``, whether the
    line opens in bold or in type larger than the page's usual. Asked only where it is used
    (a page in columns, a page with speaker labels): each is one more call per line."""
    for line in lines:
        a = line.first + len(line.text) - len(line.text.lstrip())
        line.base, line.size = boxes.baseline(a), boxes.size(a)
    if not weight or not lines:
        return
    usual = _median([line.size for line in lines])
    prev = None
    for line in lines:
        a = line.first + len(line.text) - len(line.text.lstrip())
        body = line.text.strip()
        # the weight is asked only of lines that may open a heading or go on one
        may = (body[0].isupper() or body[0].isdigit()) and body[-1] not in _RUNS_ON
        line.strong = line.size > 1.15 * usual or (
            (may or (prev is not None and prev.strong)) and boxes.bold(a)
        )
        prev = line


def _joins(prev: PageLine, line: PageLine) -> str | None:
    """How ``line`` goes on from ``prev`` when PDFium broke one printed line where its baseline
    shifts ("CO" + subscript "2" + "-uit-"): right after it, beside it. None: a new line."""
    if line.index != prev.index + 1 or prev.text.endswith("\ufffe"):
        return None
    height = min(prev.top - prev.bottom, line.top - line.bottom)
    overlap = min(prev.top, line.top) - max(prev.bottom, line.bottom)
    gap = line.x0 - prev.x1
    size = max(height, 1.0)  # the glyphs' height stands in for the font size
    if height <= 0 or overlap < 0.3 * height or not -1 <= gap <= 0.6 * size:
        return None
    return "" if gap <= 0.25 * size or prev.text.endswith(" ") else " "


def _arrange(pieces: list[PageLine], boxes: _Boxes, width: float, height: float) -> PageText:
    lines = _measure(pieces, boxes)
    gutter = _gutter(lines, width)
    if gutter is None and (band := _interleaved(lines, boxes, width)) is not None:
        cut = [part for line in lines for part in _cut(line, band[0], band[1], boxes)]
        if (gutter := _gutter(cut, width)) is not None:
            lines = cut
    if gutter is None:
        if _find_labels(lines, boxes):
            _type(lines, boxes, weight=True)
        return _write(pieces)  # PDFium's order, every line as it gave it
    _type(lines, boxes, weight=False)
    ordered = _columns(lines, gutter, boxes, height)
    final = [line for line in ordered if line is not None]
    if _find_labels(final, boxes):
        _type(final, boxes, weight=True)
    return _write(ordered, columns=True)


def _find_labels(lines: list[PageLine], boxes: _Boxes) -> bool:
    """Mark the speaker labels; whether there is one."""
    found = False
    for line in lines:
        body = line.text.strip()
        if len(body) <= 90 and body.endswith(":") and is_label_line(body):
            line.label = _has_bold(line, boxes)
            found = found or line.label
    return found


def _has_bold(line: PageLine, boxes: _Boxes) -> bool:
    start = line.first + len(line.text) - len(line.text.lstrip())
    end = line.first + len(line.text.rstrip())
    return any(boxes.bold(i) for i in range(start, end) if not line.text[i - line.first].isspace())


def _gutter(lines: list[PageLine], width: float) -> tuple[float, float] | None:
    """The widest band near the middle that (almost) no line crosses, or None."""
    if len(lines) < 12:
        return None
    lo = int(width * _MIDDLE[0])
    hi = int(width * _MIDDLE[1])
    diff = [0] * (hi - lo + 2)
    for line in lines:
        a = max(int(line.x0) + 1, lo)
        b = min(int(line.x1), hi)
        if a <= b:
            diff[a - lo] += 1
            diff[b - lo + 1] -= 1
    allowed = max(1, len(lines) // 30)  # a title over the full width, a wide table row
    best: tuple[int, int] | None = None
    run_start = None
    cover = 0
    for k in range(hi - lo + 1):
        cover += diff[k]
        if cover <= allowed:
            run_start = k if run_start is None else run_start
            if best is None or k - run_start > best[1] - best[0]:
                best = (run_start, k)
        else:
            run_start = None
    if best is None or best[1] - best[0] < 6:
        return None
    g0, g1 = lo + best[0], lo + best[1] + 1
    left = [ln.x1 - ln.x0 for ln in lines if ln.x1 <= g0 + 1]
    right = [ln.x1 - ln.x0 for ln in lines if ln.x0 >= g1 - 1]
    if min(len(left), len(right)) < 5:
        return None
    if min(_median(left), _median(right)) < 0.25 * width:
        return None  # a column of labels or short cells: a form or a table, not running text
    return float(g0), float(g1)


def _interleaved(lines: list[PageLine], boxes: _Boxes, width: float) -> tuple[float, float] | None:
    """The gutter of a page whose content stream writes both columns row by row, so that PDFium
    joins the two halves of each row into one line: an empty band at the same place in the
    middle of most of the wide lines. Only a sample of lines is measured character by
    character, so a page of running text in one column costs a few hundred box look-ups."""
    lo, hi = width * _MIDDLE[0], width * _MIDDLE[1]
    wide = [ln for ln in lines if ln.x0 < lo and ln.x1 > hi]
    if len(wide) < max(6, len(lines) // 3):
        return None
    sample = wide[:: max(1, len(wide) // 8)][:8]
    # First one look-up per line: is there a glyph at the middle of the page? On a page in one
    # column almost every line has one, and the page is done after a few lines.
    misses = 0
    for line in sample:
        if _glyph_at(line, boxes, width / 2):
            misses += 1
            if misses > len(sample) // 4:
                return None
    gaps = [gap for line in sample if (gap := _middle_gap(line, boxes, lo, hi)) is not None]
    if len(gaps) < 0.75 * len(sample):
        return None
    g0, g1 = max(a for a, _ in gaps), min(b for _, b in gaps)
    return (g0, g1) if g1 - g0 >= 4 else None


def _first_reaching(line: PageLine, boxes: _Boxes, x: float) -> int:
    """Index in ``line.text`` of the first character whose box reaches ``x`` (glyphs run left
    to right): a binary search, a handful of box look-ups."""
    a, b = 0, len(line.text) - 1
    while a < b:
        mid = (a + b) // 2
        if boxes.box(line.first + mid)[1] < x:
            a = mid + 1
        else:
            b = mid
    return a


def _glyph_at(line: PageLine, boxes: _Boxes, x: float) -> bool:
    """Whether a glyph of ``line`` covers ``x``, or stands closer to it than an empty stretch."""
    k = _first_reaching(line, boxes, x)
    while k < len(line.text) - 1 and line.text[k].isspace():
        k += 1
    left, right, _, _ = boxes.box(line.first + k)
    if left <= x <= right:
        return True
    j = k - 1
    while j > 0 and line.text[j].isspace():
        j -= 1
    return j < 0 or left - boxes.box(line.first + j)[1] < _GAP


def _middle_gap(line: PageLine, boxes: _Boxes, lo: float, hi: float) -> tuple[float, float] | None:
    """The widest empty stretch (``_GAP`` points or more) between two glyphs of ``line`` that
    lies in the band [lo, hi]."""
    text = line.text
    a = _first_reaching(line, boxes, lo) - 1
    while a > 0 and text[a].isspace():
        a -= 1  # the glyph before the band: where an empty stretch into the band starts
    best: tuple[float, float] | None = None
    prev_right: float | None = None
    for k in range(max(a, 0), len(text)):
        if text[k].isspace():
            continue
        left, right, _, _ = boxes.box(line.first + k)
        if prev_right is not None:
            gap = left - prev_right
            fits = gap >= _GAP and prev_right < hi and left > lo
            if fits and (best is None or gap > best[1] - best[0]):
                best = (prev_right, left)
        if left > hi:
            break
        prev_right = right
    return best


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def _columns(
    lines: list[PageLine], gutter: tuple[float, float], boxes: _Boxes, height: float
) -> list[PageLine | None]:
    """Lines in reading order; None where a paragraph break (an empty band) lies."""
    g0, g1 = gutter
    split: list[PageLine] = []
    for line in lines:
        if line.x0 < g0 and line.x1 > g1:
            split.extend(_cut(line, g0, g1, boxes))
        else:
            split.append(line)
    pitch = _pitch([ln for ln in split if ln.x1 <= g1])
    head, body, foot = _zones(split, height, pitch)
    spans = sorted((ln for ln in body if ln.x0 < g0 and ln.x1 > g1), key=lambda ln: -ln.top)
    bands: list[tuple[list[PageLine], list[PageLine]]] = [([], []) for _ in range(len(spans) + 1)]
    for line in body:
        if line.x0 < g0 and line.x1 > g1:
            continue
        band = sum(1 for span in spans if span.bottom >= line.top - 1)
        bands[band][0 if line.x1 <= (g0 + g1) / 2 else 1].append(line)
    out: list[PageLine | None] = list(head)
    for k, (left, right) in enumerate(bands):
        for column in (left, right):
            out.extend(_with_breaks(column, pitch))
        if k < len(spans):
            out.append(spans[k])
    out.extend(foot)
    return out


def _cut(line: PageLine, g0: float, g1: float, boxes: _Boxes) -> list[PageLine]:
    """Cut a line that runs across the gutter into its left and right parts."""
    text = line.text
    prev_right = None
    for k, ch in enumerate(text):
        if ch.isspace():
            continue
        left, right, bottom, top = boxes.box(line.first + k)
        # the right column's text starts at the gutter's right edge, after an empty stretch
        # wider than any space between two words
        if prev_right is not None and left >= g1 - 2 and left - prev_right >= _GAP:
            first = replace(line, text=text[:k].rstrip(), x1=prev_right, label=False)
            rest = replace(line, text=text[k:], first=line.first + k, x0=left, joins=None)
            rest.base, rest.size, rest.label = (
                boxes.baseline(rest.first),
                boxes.size(rest.first),
                False,
            )
            return [first, rest]
        prev_right = right
    return [line]


def _pitch(column: list[PageLine]) -> float:
    """The usual distance between the baselines of two lines in a column."""
    steps = [a.base - b.base for a, b in zip(column, column[1:], strict=False)]
    steps = [step for step in steps if 0 < step < 40]
    return _median(steps) if len(steps) >= 3 else 12.0


def _zones(
    lines: list[PageLine], height: float, pitch: float
) -> tuple[list[PageLine], list[PageLine], list[PageLine]]:
    """Split off the lines near the top and bottom edges that an empty band sets apart."""
    gap = 1.8 * pitch
    rising = sorted(lines, key=lambda ln: ln.bottom)
    foot_n = 0
    reach = float("-inf")
    for k, line in enumerate(rising[:-1]):
        reach = max(reach, line.top)
        if reach > height * _ZONE:
            break
        if rising[k + 1].bottom - reach >= gap:
            foot_n = k + 1
    falling = sorted(lines, key=lambda ln: -ln.top)
    head_n = 0
    reach = float("inf")
    for k, line in enumerate(falling[:-1]):
        reach = min(reach, line.bottom)
        if reach < height * (1 - _ZONE):
            break
        if reach - falling[k + 1].top >= gap:
            head_n = k + 1
    foot_ids = {id(ln) for ln in rising[:foot_n]}
    head_ids = {id(ln) for ln in falling[:head_n]} - foot_ids
    head = [ln for ln in lines if id(ln) in head_ids]
    foot = [ln for ln in lines if id(ln) in foot_ids]
    body = [ln for ln in lines if id(ln) not in head_ids and id(ln) not in foot_ids]
    return head, body, foot


def _with_breaks(column: list[PageLine], pitch: float) -> list[PageLine | None]:
    out: list[PageLine | None] = []
    for k, line in enumerate(column):
        if k:
            prev = column[k - 1]
            step = prev.base - line.base
            if step > 1.5 * pitch and step > 1.6 * min(prev.size, line.size):
                out.append(None)
        out.append(line)
    return out


def _write(ordered: list[PageLine] | list[PageLine | None], columns: bool = False) -> PageText:
    """Lines joined by "\\n" (or by what :func:`_joins` found), a blank line for each None (a
    paragraph break); the offsets of the labels and of the lines in bold or large type."""
    parts: list[str] = []
    labels: list[int] = []
    strong: list[int] = []
    pos = 0
    prev: PageLine | None = None
    pending = False
    for line in ordered:
        if line is None:
            pending = bool(parts)  # no blank line at the top of the page, nor two in a row
            continue
        text = line.text.replace("\ufffe", "-")
        if parts:
            goes_on = line.joins is not None and prev is not None and line.index == prev.index + 1
            sep = "\n\n" if pending else line.joins if goes_on else "\n"
            parts.append(sep or "")
            pos += len(sep or "")
        pending = False
        at = pos + len(text) - len(text.lstrip())
        if line.label:
            labels.append(at)
        if line.strong:
            strong.append(at)
        parts.append(text)
        pos += len(text)
        prev = line
    return PageText("".join(parts), tuple(labels), tuple(strong), columns=columns)

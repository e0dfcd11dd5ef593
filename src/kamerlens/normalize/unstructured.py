"""Normalize layout text (plain text, PDF): furniture, footnotes, hyphens, paragraphs, headings."""

from __future__ import annotations

from kamerlens.ingest import RawDocument
from kamerlens.models import Footnote, Mention, Section
from kamerlens.normalize import NormalizedText, OffsetMap, furniture, hyphens, layout
from kamerlens.normalize.builder import Builder
from kamerlens.normalize.footnotes import FoundNote, find
from kamerlens.normalize.lines import Line, clean, split_lines, typical_length


def normalize_layout(raw: RawDocument) -> NormalizedText:
    src = clean(raw.text)
    lines = split_lines(src)
    if raw.labels:
        _mark(lines, raw.labels, raw.strong)
    pages = (raw.pages or 0) or src.count("\f") + 1
    removed = furniture.mark(lines, pages)
    typical = typical_length(lines)
    notes = find(src, lines, typical)
    known = hyphens.hyphenated_words(src)

    out = Builder(src, [(n.marker_start, n.marker_end) for n in notes])
    items = layout.items_of(lines, typical)
    if raw.labels:
        layout.mark_strong_headings(items)  # a debate's PDF shows its headings by their type
    else:
        layout.mark_headings(items, typical)
    heads = layout.emit(items, out, typical, known)
    body_len = out.pos

    footnotes: list[Footnote] = []
    body_end = body_len
    if notes:
        out.synth("\n\n", lines[notes[0].lines[0]].start)
        body_end = out.pos
        for k, note in enumerate(notes):
            if k:
                out.synth("\n", lines[note.lines[0]].start)
            footnotes.append(_emit_note(note, lines, out, known))
    text = out.text()
    title, title_span, sections = _sections(heads, text, body_len)
    norm, rawpos = out.runs()
    return NormalizedText(
        text=text,
        body_end=body_end,
        footnotes=tuple(footnotes),
        sections=sections,
        offsets=OffsetMap(norm, rawpos),
        title=title,
        title_span=title_span,
        furniture=tuple(removed),
    )


def _mark(lines: list[Line], labels: tuple[int, ...], strong: tuple[int, ...]) -> None:
    """Flag the speaker labels and the lines in bold or large type the layout showed."""
    at, bold = set(labels), set(strong)
    for line in lines:
        line.label = line.start in at
        line.strong = line.start in bold


def _emit_note(note: FoundNote, lines: list[Line], out: Builder, known: frozenset[str]) -> Footnote:
    first = lines[note.lines[0]]
    digits = len(note.number)
    out.raw(first.start, first.start + digits)
    out.synth(" ", first.start + digits)
    after = first.text[digits:]
    text_start = first.start + digits + len(after) - len(after.lstrip())
    start, index = out.pos, len(out.parts)
    out.line(text_start, first.end)
    prev = first
    for j in note.lines[1:]:
        line = lines[j]
        if prev.text.endswith("-"):
            how = hyphens.decide(prev.text, line.text, known)
            if how == "join":
                out.drop_last()
            elif how == "space":
                out.synth(" ", prev.end)
        else:
            out.synth(" ", prev.end)
        out.line(line.start, line.end)
        prev = line
    marker_pos = out.marker_at.get(note.marker_start)
    marker = None
    if marker_pos is not None:
        marker = Mention(marker_pos, marker_pos + note.marker_end - note.marker_start)
    text = "".join(out.parts[index:])
    return Footnote(number=note.number, text=text, start=start, end=out.pos, marker=marker)


def _sections(
    heads: list[layout.Heading], text: str, body_len: int
) -> tuple[str | None, tuple[int, int] | None, tuple[Section, ...]]:
    """Pick the title (a capital heading near the top) and turn the other headings into sections."""
    title_head = None
    if heads and (heads[0].caps or heads[0].start == 0):
        title_head = heads[0]
    rest = [h for h in heads if h is not title_head]
    sections = []
    for k, head in enumerate(rest):
        end = rest[k + 1].start if k + 1 < len(rest) else body_len
        end = head.start + len(text[head.start : end].rstrip())
        sections.append(Section(title=head.text, start=head.start, end=end))
    if title_head is None:
        return None, None, tuple(sections)
    return title_head.text, (title_head.start, title_head.end), tuple(sections)

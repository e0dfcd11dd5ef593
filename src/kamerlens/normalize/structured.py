"""Normalize text whose paragraphs, headings and notes come from markup (XML, HTML, VLOS).

The parser already wrote clean paragraphs and left each footnote marker (superscript digits) in
the text, so the body is kept as given; the notes are appended after it, one per line, exactly
as for layout text, and the headings become sections.
"""

from __future__ import annotations

from kamerlens.ingest import RawDocument
from kamerlens.models import Footnote, Mention, Section
from kamerlens.normalize import NormalizedText, OffsetMap


def normalize_structured(raw: RawDocument) -> NormalizedText:
    body = raw.text.rstrip()
    parts = [body]
    norm_starts, raw_starts = [0], [0]
    pos = len(body)
    footnotes: list[Footnote] = []
    body_end = pos
    if raw.notes:
        parts.append("\n\n")
        pos += 2
        body_end = pos
    for k, note in enumerate(raw.notes):
        text = " ".join(note.text.split())
        prefix = ("\n" if k else "") + f"{note.number} "
        anchor = note.marker_start if note.marker_start is not None else len(body)
        norm_starts.append(pos)
        raw_starts.append(anchor)
        parts.append(prefix + text)
        start = pos + len(prefix)
        pos = start + len(text)
        marker = None
        if note.marker_start is not None and note.marker_start < len(body):
            marker = Mention(note.marker_start, note.marker_start + len(note.number))
        footnotes.append(Footnote(note.number, text, start, pos, marker))
    # A note's text is not in RawDocument.text (the parser lifted it into RawDocument.notes):
    # its run in the offset map points at the note's marker instead.
    text = "".join(parts)
    return NormalizedText(
        text=text,
        body_end=body_end,
        footnotes=tuple(footnotes),
        sections=_sections(body, raw.headings),
        offsets=OffsetMap(tuple(norm_starts), tuple(raw_starts)),
        title=raw.meta.get("title") or None,
        title_span=_find(body, raw.meta.get("title")),
    )


def _find(body: str, text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    at = body.find(text)
    return None if at < 0 else (at, at + len(text))


def _sections(body: str, headings: tuple[str, ...]) -> tuple[Section, ...]:
    """Locate each heading as a line of the body, in order, and span it to the next one."""
    found: list[tuple[int, str]] = []
    pos = 0
    for head in headings:
        at = _line_at(body, head, pos)
        if at is None:
            continue
        found.append((at, head))
        pos = at + len(head)
    sections = []
    for k, (at, head) in enumerate(found):
        end = found[k + 1][0] if k + 1 < len(found) else len(body)
        end = at + len(body[at:end].rstrip())
        sections.append(Section(title=head, start=at, end=end))
    return tuple(sections)


def _line_at(body: str, head: str, pos: int) -> int | None:
    at = body.find(head, pos)
    while at >= 0:
        if (at == 0 or body[at - 1] == "\n") and body.startswith(head, at):
            end = at + len(head)
            if end == len(body) or body[end] == "\n":
                return at
        at = body.find(head, at + 1)
    return None

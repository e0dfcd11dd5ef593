"""The document page: the normalized text as HTML with every extracted item highlighted.

Items overlap (a date inside a commitment inside a motion's mention), so the HTML is built from
the offsets alone: every start and end becomes a boundary, the text between two boundaries is
escaped on its own, and a span that would cross another one is closed and reopened (a
*continuation* fragment that shares the item's ``data-item``). The result is always well nested
and never contains a character of document text that was not escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from kamerlens.serve.text import cut, money, speaker_name, speaker_side

# Panel order and the words people see; the colour of each kind lives in static/app.css.
KIND_LABELS: dict[str, str] = {
    "findings": "Findings",
    "commitments": "Commitments",
    "fulfilments": "Fulfilments",
    "motions": "Motions",
    "amounts": "Money",
    "percentages": "Percentages",
    "references": "References",
    "events": "Events",
    "dates": "Dates",
    "positions": "Positions",
    "entities": "Entities",
    "footnotes": "Footnotes",
}
# Sentence-long kinds sit outside the short ones when both start at the same place; a speaker's
# turn holds everything said in it.
_OUTER_FIRST = {
    "turn": -2,
    "turn-label": -1,
    "findings": 0,
    "motions": 1,
    "commitments": 2,
    "fulfilments": 3,
    "positions": 4,
}
# What an item's badge says in the side panel: a commitment's kind, a motion's appreciation.
_BADGES = {"commitments": "kind", "motions": "appreciation"}


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str
    item: str  # data-item: the id shared by every fragment of one item
    elem_id: str | None = None  # the id of the first fragment (the anchor)
    title: str = ""
    tag: str = "span"
    href: str | None = None
    after: str = ""  # trusted HTML written after the last fragment (footnote back link)
    cls: str = ""  # the class, when it is not a highlight ("turn sp-gov")
    data: tuple[tuple[str, str], ...] = ()  # more data-* attributes: (name, value)

    def open_tag(self, first: bool) -> str:
        cls = (self.cls or f"hl k-{self.kind}") + ("" if first else " cont")
        attrs = [f'class="{cls}"', f'data-item="{escape(self.item)}"']
        attrs += [f'data-{name}="{escape(value)}"' for name, value in self.data]
        if first and self.elem_id:
            attrs.append(f'id="{escape(self.elem_id)}"')
        if self.title:
            attrs.append(f'title="{escape(self.title)}"')
        if self.href:
            attrs.append(f'href="{escape(self.href)}"')
        return f"<{self.tag} {' '.join(attrs)}>"

    def close_tag(self) -> str:
        return f"</{self.tag}>"


@dataclass
class PanelItem:
    anchor: str
    label: str
    detail: str = ""
    link: str | None = None  # a page elsewhere (a dossier), besides the anchor
    speaker: str = ""  # in a debate: who says it ("Minister Adema")
    side: str = ""  # gov | chair | member: the speaker's colour
    badge: str = ""  # a commitment's kind, a motion's appreciation


@dataclass
class Rendered:
    html: Markup
    panel: list[tuple[str, str, list[PanelItem]]] = field(default_factory=list)
    findings: list[PanelItem] = field(default_factory=list)
    sections: list[PanelItem] = field(default_factory=list)
    speakers: list[PanelItem] = field(default_factory=list)  # who speaks, how often, first turn


def _span_ok(item: dict[str, Any], size: int) -> tuple[int, int] | None:
    start, end = item.get("start"), item.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    start, end = max(0, start), min(size, end)
    return (start, end) if start <= end else None


def _label(kind: str, it: dict[str, Any]) -> tuple[str, str, str | None]:
    """(label, detail, link) of one item in the side panel."""
    text = cut(it.get("text") or "", 140)
    if kind == "references":
        nr = f", nr. {it['number']}" if it.get("number") else ""
        link = f"/dossier/{it['dossier']}" if it.get("dossier") else None
        return it.get("text") or "", f"{it.get('kind') or ''} {it.get('dossier') or ''}{nr}", link
    if kind == "motions":
        who = ", ".join(it.get("members") or ()) + (" c.s." if it.get("cs") else "")
        nr = (
            f" ({it['dossier']}, nr. {it['number']})"
            if it.get("dossier") and it.get("number")
            else ""
        )
        link = f"/dossier/{it['dossier']}" if it.get("dossier") else None
        label = f"Motie {who}".strip() + (f", {it['date']}" if it.get("date") else "")
        return label, cut(it.get("subject") or "", 140) + nr, link
    if kind == "amounts":
        extra = " · ".join(f"{k}: {it[k]}" for k in ("purpose", "donor", "recipient") if it.get(k))
        return (
            money(it.get("value"), it.get("currency")),
            f"«{it.get('text')}» {extra}".strip(),
            None,
        )
    if kind == "percentages":
        of = f" of {it['of']}" if it.get("of") else ""
        return f"{it.get('value'):g}%{of}", f"«{it.get('text')}»", None
    if kind == "dates":
        when = it.get("start_date") or "?"
        if it.get("end_date") and it.get("end_date") != it.get("start_date"):
            when += f" – {it['end_date']}"
        return (
            when,
            f"«{it.get('text')}»" + (f" · {it['relation']}" if it.get("relation") else ""),
            None,
        )
    if kind == "events":
        when = it.get("start_date") or "date unknown"
        place = f" ({it['place']})" if it.get("place") else ""
        return f"{it.get('name')}{place}", f"{when} · {it.get('relation') or ''}".strip(" ·"), None
    if kind == "commitments":
        head = f"{it.get('actor') or 'Someone'}: {it.get('action') or 'commits'}"
        due = it.get("deadline") or it.get("deadline_text")
        return head + (f" (by {due})" if due else ""), text, None
    if kind == "fulfilments":
        made = it.get("made_in") or {}
        where = ""
        if made.get("dossier"):
            where = f" (made in {made['dossier']}" + (
                f", nr. {made['number']})" if made.get("number") else ")"
            )
        return "Keeps a commitment" + where, text, None
    if kind == "positions":
        return f"{it.get('actor')} {it.get('verb')}", text, None
    if kind == "findings":
        return it.get("kind") or "finding", it.get("message") or "", None
    if kind == "footnotes":
        return f"Footnote {it.get('number')}", text, None
    return text, "", None


def _collect(record: dict[str, Any]) -> tuple[list[_Span], list[tuple[int, str]], Rendered]:
    """Spans to draw, point anchors (sections) and the side panel of one record."""
    size = len(record.get("text") or "")
    spans: list[_Span] = []
    out = Rendered(html=Markup(""))
    for kind, title in KIND_LABELS.items():
        rows: list[PanelItem] = []
        for i, it in enumerate(record.get(kind) or ()):
            item_id = f"item-{kind}-{i}"
            label, detail, link = _label(kind, it)
            if kind == "entities":
                label = it.get("name") or "?"
                detail = f"{it.get('type') or ''}{' · ' + it['code'] if it.get('code') else ''}"
                detail += f" · {len(it.get('mentions') or ())}×"
            anchor = _item_spans(kind, it, i, item_id, label, size, spans)
            row = PanelItem(anchor=anchor or "", label=label, detail=detail, link=link)
            row.speaker, row.side = speaker_name(it.get("speaker")), speaker_side(it.get("speaker"))
            row.badge = str(it.get(_BADGES.get(kind, "")) or "")
            rows.append(row)
        if kind == "findings":
            out.findings = rows
        elif rows:
            out.panel.append((kind, title, rows))
    out.speakers = _turn_spans(record, size, spans)
    points: list[tuple[int, str]] = []
    for i, sec in enumerate(record.get("sections") or ()):
        ok = _span_ok(sec, size)
        if ok:
            points.append((ok[0], f"sec-{i}"))
            title = sec.get("title") or ""
            out.sections.append(PanelItem(anchor=f"sec-{i}", label=title))
            at = _heading_at(record.get("text") or "", ok[0], title)
            if at is not None:
                spans.append(_Span(at, at + len(title), "heading", f"sec-{i}"))
    return spans, points, out


def _turn_spans(record: dict[str, Any], size: int, spans: list[_Span]) -> list[PanelItem]:
    """A span for each speaker's turn (its speaker in the margin) and one for its label; the
    speakers in order of their first turn, with how many turns each has."""
    text = record.get("text") or ""
    speakers: dict[str, PanelItem] = {}
    counts: dict[str, int] = {}
    for i, turn in enumerate(record.get("turns") or ()):
        ok = _span_ok(turn, size)
        if not ok:
            continue
        start, end = ok
        # the turn's block holds the blank line after it, so turns stand one blank line apart
        end += len(text[end:]) - len(text[end:].lstrip()) if end < size else 0
        who = speaker_name(turn.get("speaker")) or "?"
        side = speaker_side(turn.get("speaker"))
        ident = f"turn-{i}"
        spans.append(
            _Span(
                start,
                end,
                "turn",
                ident,
                ident,
                who,
                cls=f"turn sp-{side}",
                data=(("speaker", who),),
            )
        )
        label_end = turn.get("label_end")
        if isinstance(label_end, int) and start < label_end <= end:
            spans.append(
                _Span(start, label_end, "turn-label", f"{ident}-label", cls="turn-label", title=who)
            )
        counts[who] = counts.get(who, 0) + 1
        if who not in speakers:
            speakers[who] = PanelItem(anchor=ident, label=who, side=side)
    for who, row in speakers.items():
        row.detail = f"{counts[who]} turn{'' if counts[who] == 1 else 's'}"
    return list(speakers.values())


def _heading_at(text: str, start: int, title: str) -> int | None:
    """Where a section's title is written, when it opens the section (then it is set bold)."""
    if not title:
        return None
    at = text.find(title, start, start + len(title) + 8)
    return at if at >= 0 else None


def _item_spans(
    kind: str, it: dict[str, Any], i: int, item_id: str, label: str, size: int, spans: list[_Span]
) -> str | None:
    """Append the spans of one item; return the anchor id the panel links to."""
    anchor: str | None = None
    if kind == "footnotes":
        number = str(it.get("number") or i)
        ok = _span_ok(it, size)
        back = ""
        marker = it.get("marker")
        mk = _span_ok(marker, size) if isinstance(marker, dict) else None
        if mk and mk[0] < mk[1]:
            spans.append(
                _Span(
                    *mk,
                    "fnref",
                    f"fnref-{number}",
                    f"fnref-{number}",
                    f"Footnote {number}",
                    tag="a",
                    href=f"#fn-{number}",
                )
            )
            back = (
                f' <a class="fnback" href="#fnref-{escape(number)}" '
                f'aria-label="Back to the text">↩</a>'
            )
        if ok:
            spans.append(_Span(*ok, kind, f"fn-{number}", f"fn-{number}", label, after=back))
            anchor = f"fn-{number}"
        return anchor
    ok = _span_ok(it, size) if kind != "entities" else None
    if ok:
        spans.append(_Span(*ok, kind, item_id, item_id, label))
        anchor = item_id
    for j, m in enumerate(it.get("mentions") or ()):
        mk = _span_ok(m, size)
        if not mk:
            continue
        mention_id = f"{item_id}-m{j}"
        spans.append(_Span(*mk, kind, item_id, mention_id, label))
        if anchor is None:
            anchor = mention_id
    return anchor


def _order(span: _Span) -> tuple[int, int, int]:
    return (-span.end, _OUTER_FIRST.get(span.kind, 9), 0 if span.tag == "span" else 1)


def render_spans(text: str, spans: Iterable[_Span], points: Iterable[tuple[int, str]] = ()) -> str:
    """Well-nested HTML of ``text`` with ``spans``; overlapping spans are split, not crossed."""
    starts: dict[int, list[_Span]] = {}
    ends: set[int] = {0, len(text)}
    for sp in spans:
        if sp.start < sp.end:
            starts.setdefault(sp.start, []).append(sp)
            ends.add(sp.start)
            ends.add(sp.end)
    anchors: dict[int, list[str]] = {}
    for pos, ident in points:
        anchors.setdefault(pos, []).append(ident)
        ends.add(pos)
    bounds = sorted(ends)
    parts: list[str] = []
    stack: list[_Span] = []
    for n, pos in enumerate(bounds):
        if any(sp.end == pos for sp in stack):
            depth = min(k for k, sp in enumerate(stack) if sp.end == pos)
            reopen = [sp for sp in stack[depth:] if sp.end != pos]
            for sp in reversed(stack[depth:]):
                parts.append(sp.close_tag())
                if sp.end == pos and sp.after:
                    parts.append(sp.after)
            del stack[depth:]
            for sp in reopen:
                parts.append(sp.open_tag(first=False))
                stack.append(sp)
        for ident in anchors.get(pos, ()):
            parts.append(f'<span class="sec-anchor" id="{escape(ident)}"></span>')
        for sp in sorted(starts.get(pos, ()), key=_order):
            parts.append(sp.open_tag(first=True))
            stack.append(sp)
        if n + 1 < len(bounds):
            parts.append(str(escape(text[pos : bounds[n + 1]])))
    for sp in reversed(stack):  # only spans ending past the text (clamped away) remain
        parts.append(sp.close_tag())
    return "".join(parts)


def render_record(record: dict[str, Any]) -> Rendered:
    """The highlighted text, the side panel and the findings of one stored record."""
    spans, points, out = _collect(record)
    out.html = Markup(render_spans(record.get("text") or "", spans, points))
    return out

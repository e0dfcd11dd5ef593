"""A readable plain-text summary of one record, for people (``extract --format text``)."""

from __future__ import annotations

from kamerlens.models import Record


def _cut(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _kamerstuk(dossier: str | None, number: str | None) -> str:
    return f"{dossier or ''}{', nr. ' + number if number else ''}"


def _period(start: str | None, end: str | None) -> str:
    return f"{start or '?'}{'..' + end if end and end != start else ''}"


def summary(record: Record) -> str:
    d = record.document
    date = d.date or "unknown"
    if d.date_estimated and d.date_range:
        date = f"{d.date} (estimated, between {d.date_range[0]} and {d.date_range[1]})"
    elif d.date_estimated:
        date = f"{d.date} (estimated)"
    lines = [
        f"{d.source}",
        f"  title:  {d.title or '-'}",
        f"  kind:   {d.kind or '-'}   id: {d.identifier or '-'}   date: {date}",
    ]
    if d.signer.name or d.signer.role:
        lines.append(f"  signer: {d.signer.name or '-'}, {d.signer.role or '-'}")
    for f in record.findings:
        lines.append(f"  ! {f.kind}: {f.message}")

    def block(title: str, rows: list[str]) -> None:
        if rows:
            lines.append(f"\n{title} ({len(rows)})")
            lines.extend(f"  - {row}" for row in rows)

    block(
        "References",
        [
            f"{r.kind} {_kamerstuk(r.dossier, r.number)}  «{r.text}»"
            for r in record.references
        ],
    )
    block(
        "Motions",
        [
            f"{', '.join(m.members)}{' c.s.' if m.cs else ''} {m.date or ''} "
            f"{_kamerstuk(m.dossier, m.number)}: {_cut(m.subject or '', 70)}"
            for m in record.motions
        ],
    )
    block(
        "Money",
        [
            f"{a.currency} {a.value:,.0f}  «{a.text}»"
            + (f" for {a.purpose}" if a.purpose else "")
            + (f" to {a.recipient}" if a.recipient else "")
            for a in record.amounts
        ],
    )
    block("Percentages", [f"{p.value:g}% of {p.of or '?'}  «{p.text}»" for p in record.percentages])
    block(
        "Events",
        [
            f"{_period(e.start_date, e.end_date)} {e.name}"
            f"{' (' + e.place + ')' if e.place else ''} [{e.relation or '?'}]"
            for e in record.events
        ],
    )
    block(
        "Commitments",
        [
            f"[{c.deadline or c.deadline_text or 'no deadline'}]"
            f" {c.actor or '?'} / {c.action or '?'}: {_cut(c.text)}"
            for c in record.commitments
        ],
    )
    block("Fulfilments", [_cut(f.text) for f in record.fulfilments])
    block("Positions", [f"{p.actor} {p.verb}: {_cut(p.text, 90)}" for p in record.positions])
    block(
        "Entities",
        [
            f"{e.type}: {e.name}{' (' + e.code + ')' if e.code else ''} x{len(e.mentions)}"
            for e in record.entities
        ],
    )
    return "\n".join(lines)

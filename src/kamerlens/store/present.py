"""Answers as a rich table, JSON or CSV: the one output path of every store command."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from kamerlens.errors import QueryError

FORMATS = ("table", "json", "csv")
Column = tuple[str, Callable[[dict[str, Any]], Any]]  # (header, value of a row)


def check_format(fmt: str, allowed: Sequence[str] = FORMATS) -> str:
    if fmt not in allowed:
        raise QueryError(
            f"--format must be {', '.join(allowed[:-1])} or {allowed[-1]}, not {fmt!r}"
        )
    return fmt


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value >= 1000 else f"{value:g}"
    if isinstance(value, list | tuple):
        return ", ".join(cell(v) for v in value)
    return " ".join(str(value).split())


def emit(
    console: Console,
    data: Any,
    rows: list[dict[str, Any]],
    columns: Sequence[Column],
    fmt: str,
    *,
    title: str | None = None,
) -> None:
    """Print ``data`` as JSON, or ``rows`` through ``columns`` as a table or CSV."""
    if fmt == "json":
        console.file.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([header for header, _ in columns])
        for row in rows:
            writer.writerow([cell(get(row)) for _, get in columns])
        console.file.write(buffer.getvalue())
        return
    table = Table(title=title, show_lines=False, expand=False, title_justify="left")
    for header, _ in columns:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*(cell(get(row)) for _, get in columns))
    console.print(table)
    if not rows:
        console.print("[dim](nothing)[/dim]")


def money(value: float | None, currency: str | None) -> str:
    if value is None:
        return ""
    for size, word in ((1e9, "mld"), (1e6, "mln")):
        if value >= size:
            return f"{currency or ''} {value / size:g} {word}".strip()
    return f"{currency or ''} {value:,.0f}".strip()


def cut(text: str | None, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def evidence(row: dict[str, Any]) -> str:
    """The fulfilment links of a commitment, strongest first: doc, confidence, why."""
    parts = [
        f"{e['doc_id']} ({e['confidence']:.2f}{', deels' if e.get('partial') else ''}):"
        f" {cut(e['evidence'], 120)}"
        for e in row.get("fulfilments", [])
    ]
    return "; ".join(parts)


COMMITMENT_COLUMNS: list[Column] = [
    ("status", lambda r: r["status_nl"]),
    ("deadline", lambda r: r["deadline"] or r["deadline_text"]),
    ("actor", lambda r: r["actor"]),
    ("commitment", lambda r: cut(r["text"], 110)),
    ("made in", lambda r: f"{r['doc_id']} ({r['doc_date'] or '?'})"),
    ("evidence", evidence),
]

PLEDGE_COLUMNS: list[Column] = [
    ("recipient", lambda r: r["recipient"]),
    ("date", lambda r: (r["date"] or "?") + (" (est.)" if r["date_estimated"] else "")),
    ("amount", lambda r: money(r["value"], r["currency"])),
    ("as written", lambda r: r["text"]),
    ("named as", lambda r: cut(r["name"], 60)),
    ("document", lambda r: r["doc_id"]),
    ("confidence", lambda r: r["confidence"]),
]


# In a terminal the size of each amount is drawn as a bar on a log scale (a picture reads faster
# than "EUR 25 mln" beside "EUR 1.6 mld"); csv and json keep the numbers only.
PLEDGE_BAR: Column = ("", lambda r: r["bar"])


def pledge_rows(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = [
        {**p, "recipient": g["recipient"], "name": p["recipient"]}
        for g in groups
        for p in g["pledges"]
    ]
    values = [math.log10(r["value"]) for r in rows if r.get("value") and r["value"] > 0]
    low, high = (min(values), max(values)) if values else (0.0, 0.0)
    for r in rows:
        v = r.get("value") or 0
        share = (math.log10(v) - low) / (high - low) if v > 0 and high > low else 1.0
        r["bar"] = "█" * (1 + round(share * 11)) if v > 0 else ""
    return rows


def dashboard(console: Console, store: Any, as_of: str, *, latest: int = 8) -> None:
    """The demo's overview: counts, open and overdue commitments, pledges, latest documents."""
    from rich.panel import Panel

    stats = store.stats()
    counts = ", ".join(
        f"{stats[k]} {k}" for k in ("references", "commitments", "amounts", "events", "motions")
    )
    console.print(
        Panel.fit(
            f"[bold]{stats['documents']} documents[/bold] ({counts});"
            f" catalogue {stats['catalogue']}"
            f" Kamerstukken; store {stats['size_bytes'] / 1e6:.1f} MB at {stats['path']}",
            title="kamerlens",
            subtitle=f"as of {as_of}",
        )
    )
    pending = [
        c for c in store.commitments(as_of=as_of) if c["status"] in ("open", "overdue", "partial")
    ]
    emit(
        console,
        pending,
        pending,
        COMMITMENT_COLUMNS[:5],
        "table",
        title=f"Open and overdue commitments ({len(pending)})",
    )
    groups = store.pledges()
    emit(
        console,
        groups,
        pledge_rows(groups),
        [*PLEDGE_COLUMNS[:5], PLEDGE_BAR],
        "table",
        title="Pledges over time",
    )
    docs = store.documents(limit=latest)
    emit(
        console,
        docs,
        docs,
        [
            ("date", lambda r: (r["date"] or "?") + (" (est.)" if r["date_estimated"] else "")),
            ("document", lambda r: r["doc_id"]),
            ("kind", lambda r: r["kind"]),
            ("title", lambda r: cut(r["title"] or r["source"], 90)),
        ],
        "table",
        title="Latest documents",
    )


def show_text(console: Console, record: dict[str, Any]) -> None:
    """One stored document for people: its facts, its items per kind and its links."""
    d = record["document"]
    date_text = (d["date"] or "?") + (" (estimated)" if d["date_estimated"] else "")
    console.print(f"[bold]{record['doc_id']}[/bold]  {d['title'] or '-'}")
    console.print(
        f"  kind {d['kind'] or '-'}, date {date_text}, dossier {d['dossier'] or '-'}"
        f" nr. {d['number'] or '-'}, signer {d['signer']['name'] or '-'}"
        f" ({d['signer']['role'] or '-'}), source {d['source']}",
        markup=False,
    )
    lines = {
        "references": lambda r: f"{r['dossier']}, nr. {r['number']}  «{cut(r['text'], 60)}»",
        "motions": lambda r: (
            f"{', '.join(r['members'])} {r['date'] or ''}: {cut(r['subject'], 70)}"
        ),
        "amounts": lambda r: f"{money(r['value'], r['currency'])} to {r['recipient'] or '?'}",
        "events": lambda r: f"{r['start_date'] or '?'} {r['name']} ({r['place'] or '-'})",
        "commitments": lambda r: f"[{r['deadline'] or '-'}] {cut(r['text'], 100)}",
        "fulfilments": lambda r: cut(r["text"], 100),
        "positions": lambda r: f"{r['actor']} {r['verb']}: {cut(r['text'], 80)}",
        "entities": lambda r: f"{r['type']}: {r['name']}",
        "findings": lambda r: f"{r['kind']}: {r['message']}",
    }
    for kind, line in lines.items():
        items = record.get(kind) or []
        if items:
            console.print(f"\n[bold]{kind}[/bold] ({len(items)})")
            for item in items:
                console.print("  - " + line(item), markup=False)
    links = record.get("links", {})
    cites = [c for c in links.get("cites", []) if c["resolves_to"] or c["catalogue_title"]]
    for c in cites:
        target = c["resolves_to"] or "catalogue"
        console.print(
            f"  cites {c['dossier']}, nr. {c['number']} -> {target}:"
            f" {cut(c['catalogue_title'], 70)}",
            markup=False,
        )
    for c in links.get("cited_by", []):
        console.print(f"  cited by {c['doc_id']} ({c['date'] or '?'})", markup=False)


__all__ = [
    "COMMITMENT_COLUMNS",
    "FORMATS",
    "PLEDGE_COLUMNS",
    "check_format",
    "cut",
    "dashboard",
    "emit",
    "money",
    "pledge_rows",
    "show_text",
]

"""The store's questions and upkeep: ``search``, ``show``, ``commitments``, ``pledges``, ``refs``,
``events``, ``motions``, ``export``, ``reindex``, ``stats`` (kamerlens.store, kamerlens.link)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from kamerlens.cli._app import DbOption, console, dump_json, err, open_db, store_call
from kamerlens.errors import QueryError, StoreError

FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")]


def search(
    query: Annotated[str, typer.Argument(help='Words, "phrases", AND/OR/NOT, NEAR, prefix*.')],
    db: DbOption = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="Document kind (brief, verslag ...).")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="From this date (YYYY-MM-DD).")
    ] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this date.")] = None,
    dossier: Annotated[
        str | None, typer.Option("--dossier", help="Dossier number, e.g. 21501-02.")
    ] = None,
    entity: Annotated[
        str | None, typer.Option("--entity", help="Entity name or code (NAVO, UA).")
    ] = None,
    sort: Annotated[str, typer.Option("--sort", help="relevance or date.")] = "relevance",
    limit: Annotated[int, typer.Option("--limit", "-n", help="Hits to show.")] = 20,
    format: FormatOption = "table",
) -> None:
    """Full-text search with snippets (hits marked)."""
    from kamerlens.store import SearchQuery
    from kamerlens.store.present import check_format, emit

    def body() -> None:
        check_format(format)
        q = SearchQuery(
            query,
            kind=kind,
            since=since,
            until=until,
            dossier=dossier,
            entity=entity,
            sort=sort,  # type: ignore[arg-type]  # checked by the store
            limit=limit,
        )
        with open_db(db) as store:
            result = store.search(q)
        hits = result.hits
        if format == "table":
            hits = [
                {
                    **h,
                    "snippet": _terminal_snippet(h["snippet"]),
                }
                for h in hits
            ]
        emit(
            console,
            {"total": result.total, "hits": result.hits},
            hits,
            [
                ("document", lambda r: r["doc_id"]),
                ("date", lambda r: r["date"]),
                ("kind", lambda r: r["kind"]),
                ("title", lambda r: (r["title"] or "")[:70]),
                ("snippet", lambda r: r["snippet"]),
                ("score", lambda r: r["score"]),
            ],
            format,
            title=f"{result.total} documents match {query!r}",
        )

    store_call(body)


def _terminal_snippet(snippet: str) -> str:
    """An HTML snippet (hits in <mark>, the rest escaped) as rich markup for the terminal."""
    import html
    import re

    from rich.markup import escape

    out = []
    for part in re.split(r"(</?mark>)", snippet):
        if part == "<mark>":
            out.append("[bold yellow]")
        elif part == "</mark>":
            out.append("[/bold yellow]")
        else:
            out.append(escape(html.unescape(part)))
    return "".join(out)


def show(
    doc: Annotated[str, typer.Argument(help="doc_id, KOOP identifier or sha256 prefix.")],
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """One stored document's record (and its links)."""

    def body() -> None:
        with open_db(db) as store:
            record = store.document(doc)
        if format == "json":
            sys.stdout.write(dump_json(record) + "\n")
            return
        if format != "text":
            raise QueryError(f"--format must be text or json, not {format!r}")
        from kamerlens.store.present import show_text

        show_text(console, record)

    store_call(body)


def commitments(
    db: DbOption = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="open, overdue, fulfilled, partial; or Openstaand, Voldaan, 'Deels voldaan'.",
        ),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Status on this date (default today).")
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Who must keep it (substring).")
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help="toezegging (a promise to the Kamer) or voornemen."),
    ] = None,
    source: Annotated[
        str,
        typer.Option(
            "--source",
            help="text (found in the documents), register (the Kamer's register of"
            " toezeggingen, after sync) or both.",
        ),
    ] = "text",
    format: FormatOption = "table",
) -> None:
    """Every commitment with its status, and the evidence and confidence of each fulfilment."""
    from kamerlens.models import COMMITMENT_KINDS
    from kamerlens.store.present import COMMITMENT_COLUMNS, check_format, emit

    def body() -> None:
        check_format(format)
        if kind is not None and kind not in COMMITMENT_KINDS:
            raise QueryError(f"--kind: {kind!r} is not one of {', '.join(COMMITMENT_KINDS)}")
        if source not in ("text", "register", "both"):
            raise QueryError(f"--source must be text, register or both, not {source!r}")
        with open_db(db) as store:
            if source != "text":
                from kamerlens.store.od_questions import commitments_by_source

                rows, columns = commitments_by_source(store, source, status, as_of, actor)
                rows = [r for r in rows if kind is None or _kind_of(r) == kind]
                emit(console, rows, rows, columns, format, title=f"Commitments ({len(rows)})")
                return
            rows = store.commitments(status=status, as_of=as_of, actor=actor)  # type: ignore[arg-type]
        rows = [r for r in rows if kind is None or _kind_of(r) == kind]
        columns = [
            *COMMITMENT_COLUMNS[:3],
            ("kind", lambda r: r.get("kind")),
            *COMMITMENT_COLUMNS[3:],
        ]
        emit(console, rows, rows, columns, format, title=f"Commitments ({len(rows)})")

    store_call(body)


def _kind_of(row: dict[str, Any]) -> str | None:
    """A commitment's kind; what the Kamer's register holds are toezeggingen, all of them."""
    if row.get("source") == "register":
        return "toezegging"
    return row.get("kind")  # type: ignore[no-any-return]


def pledges(
    db: DbOption = None,
    recipient: Annotated[
        str | None, typer.Option("--recipient", help="Fund or organisation.")
    ] = None,
    format: FormatOption = "table",
) -> None:
    """Money over time per recipient or fund, in date order, with the documents."""
    from kamerlens.store.present import (
        PLEDGE_BAR,
        PLEDGE_COLUMNS,
        check_format,
        emit,
        pledge_rows,
    )

    def body() -> None:
        check_format(format)
        with open_db(db) as store:
            groups = store.pledges(recipient=recipient)
        columns = [*PLEDGE_COLUMNS, PLEDGE_BAR] if format == "table" else PLEDGE_COLUMNS
        emit(console, groups, pledge_rows(groups), columns, format, title="Pledges over time")

    store_call(body)


def refs(
    target: Annotated[str, typer.Argument(help="DOSSIER[/NR], e.g. 36180/42 or 21501-02.")],
    db: DbOption = None,
    format: FormatOption = "table",
) -> None:
    """Which documents cite a dossier (or one Kamerstuk), and what each citation resolves to."""
    from kamerlens.store.ids import parse_target
    from kamerlens.store.present import check_format, cut, emit

    def body() -> None:
        check_format(format)
        dossier, number = parse_target(target)
        if dossier is None:
            raise QueryError(f"not a dossier number: {target!r} (try 36180 or 36180/42)")
        with open_db(db) as store:
            data = store.refs(dossier, number)
        emit(
            console,
            data,
            data["cited_by"],
            [
                ("cited", lambda r: f"{r['dossier']}, nr. {r['number']}"),
                ("resolves to", lambda r: r["resolves_to"] or "(not stored)"),
                ("title", lambda r: cut(r["catalogue_title"], 60)),
                ("cited by", lambda r: f"{r['doc_id']} ({r['doc_date'] or '?'})"),
                ("as written", lambda r: r["text"]),
            ],
            format,
            title=f"Citations of {dossier}{', nr. ' + number if number else ''}",
        )

    store_call(body)


def events(
    db: DbOption = None,
    upcoming: Annotated[
        bool, typer.Option("--upcoming", help="Only from --as-of (today) on.")
    ] = False,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Today, for --upcoming.")] = None,
    ics: Annotated[Path | None, typer.Option("--ics", help="Also write an iCalendar file.")] = None,
    format: FormatOption = "table",
) -> None:
    """Meetings and commitment deadlines as a calendar (exportable as iCalendar)."""
    from kamerlens.store.ics import calendar
    from kamerlens.store.present import check_format, emit

    def body() -> None:
        check_format(format)
        with open_db(db) as store:
            rows = store.events(upcoming=upcoming, as_of=as_of)
        if ics is not None:
            try:
                ics.write_bytes(calendar(rows).encode("utf-8"))
            except OSError as exc:
                raise StoreError(f"cannot write ({exc.strerror})", source=str(ics)) from exc
        emit(
            console,
            rows,
            rows,
            [
                (
                    "date",
                    lambda r: (
                        r["start_date"]
                        if r["end_date"] in (None, r["start_date"])
                        else f"{r['start_date']}..{r['end_date']}"
                    ),
                ),
                ("what", lambda r: r["name"]),
                ("where", lambda r: r["place"]),
                ("type", lambda r: r["type"]),
                ("documents", lambda r: sorted({s["doc_id"] for s in r["sources"]})),
            ],
            format,
            title=f"Events and deadlines ({len(rows)})",
        )

    store_call(body)


def motions(db: DbOption = None, format: FormatOption = "table") -> None:
    """Motions cited in the documents, with the documents that report on them."""
    from kamerlens.store.present import check_format, cut, emit

    def body() -> None:
        check_format(format)
        with open_db(db) as store:
            rows = store.motions()
        emit(
            console,
            rows,
            rows,
            [
                ("motion", lambda r: f"{r['dossier'] or '?'}, nr. {r['number'] or '?'}"),
                ("members", lambda r: ", ".join(r["members"]) + (" c.s." if r["cs"] else "")),
                ("date", lambda r: r["date"]),
                ("subject", lambda r: cut(r["subject"], 70)),
                ("appreciation", lambda r: r.get("appreciation")),
                ("reported in", lambda r: sorted({c["doc_id"] for c in r["cited_in"]})),
                ("fate", lambda r: (r.get("fate") or {}).get("outcome")),
                ("votes", _vote_line),
            ],
            format,
            title=f"Motions ({len(rows)})",
        )

    store_call(body)


def _vote_line(row: dict[str, Any]) -> str | None:
    """"voor 81 (PVV, VVD, NSC) / tegen 25 (GroenLinks-PvdA)" from a synced motion's votes."""
    fate = row.get("fate") or {}
    if not fate.get("votes"):
        return None
    sides = []
    for side in ("Voor", "Tegen"):
        names = [str(v["fractie"]) for v in fate["votes"] if v["vote"] == side]
        sides.append(f"{side.lower()} {fate[side.lower()]} ({', '.join(names)})")
    return " / ".join(sides)


def export_store(
    directory: Annotated[Path, typer.Argument(help="Folder for one file per table.")],
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="csv, json or parquet.")] = "csv",
) -> None:
    """Export every table (documents, texts, items, links, catalogue) as csv, json or parquet."""

    def body() -> None:
        with open_db(db) as store:
            written = store.export(str(directory), format=format)
        err.print(f"wrote {len(written)} files to {directory}", markup=False)

    store_call(body)


def reindex(db: DbOption = None) -> None:
    """Rebuild the search index (<db>.tantivy/) from the store; SQLite is the store of record."""

    def body() -> None:
        import time

        started = time.perf_counter()
        with open_db(db) as store:
            n = store.reindex()
        err.print(f"indexed {n} documents in {time.perf_counter() - started:.1f} s", markup=False)

    store_call(body)


def stats(db: DbOption = None, format: FormatOption = "table") -> None:
    """How many documents and items of each kind the store holds, and its size."""
    from kamerlens.store.present import check_format, emit

    def body() -> None:
        check_format(format)
        with open_db(db) as store:
            data = store.stats()
        rows = [{"what": k, "count": v} for k, v in data.items() if isinstance(v, int)]
        emit(
            console,
            data,
            rows,
            [("what", lambda r: r["what"]), ("count", lambda r: r["count"])],
            format,
            title="kamerlens store",
        )

    store_call(body)

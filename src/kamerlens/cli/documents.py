"""Commands over document files, no store: ``extract`` and ``evaluate``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from kamerlens.cli._app import MaxSizeOption, dump_json, fail, set_max_size
from kamerlens.errors import KamerlensError, QueryError


def _out_folder(out: Path) -> None:
    """Make the ``--out`` folder; a file in its place is one line, exit code 2."""
    if out.exists() and not out.is_dir():
        fail(f"--out {out}: not a folder")
        raise typer.Exit(2)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(f"--out {out}: cannot be made a folder ({exc.strerror or exc})")
        raise typer.Exit(2) from None


def extract(
    paths: Annotated[list[str], typer.Argument(help="Files to read; '-' reads standard input.")],
    format: Annotated[str, typer.Option("--format", "-f", help="json, jsonl or text.")] = "json",
    out: Annotated[
        Path | None, typer.Option("--out", help="Write DIR/<input stem>.json for each input.")
    ] = None,
    include_text: Annotated[
        bool, typer.Option("--text/--no-text", help="Include the normalized text in JSON.")
    ] = True,
    max_size: MaxSizeOption = None,
) -> None:
    """Extract the record of each document: references, motions, money, dates, commitments ..."""
    from kamerlens.extract import extract as run_extract
    from kamerlens.render import summary

    if format not in ("json", "jsonl", "text"):
        fail(f"--format must be json, jsonl or text, not {format!r}")
        raise typer.Exit(2)
    try:
        set_max_size(max_size)
    except QueryError as exc:
        fail(exc)
        raise typer.Exit(2) from None
    if out is not None:
        _out_folder(out)
    records: list[dict[str, Any]] = []
    failed = 0
    for path in paths:
        try:
            record = run_extract(path)
        except KamerlensError as exc:
            fail(exc)
            failed += 1
            continue
        data = record.to_dict(include_text=include_text)
        if out is not None:
            target = out / f"{'stdin' if path == '-' else Path(path).stem}.json"
            try:
                target.write_text(dump_json(data) + "\n", encoding="utf-8")
            except OSError as exc:
                fail(f"{target}: cannot be written ({exc.strerror or exc})")
                failed += 1
        elif format == "jsonl":
            sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        elif format == "text":
            sys.stdout.write(summary(record) + "\n")
        else:
            records.append(data)
    if out is None and format == "json" and (records or not failed):
        payload: Any = records[0] if len(paths) == 1 and records else records
        sys.stdout.write(dump_json(payload) + "\n")
    if failed:
        raise typer.Exit(1)


def evaluate(
    gold_dir: Annotated[
        Path,
        typer.Argument(
            help="A real set (docs/, gold/, gold2/, split.toml) or a folder of gold files."
        ),
    ],
    part: Annotated[
        str | None,
        typer.Option("--part", help="Real set: dev, test or all, as split.toml gives them."),
    ] = None,
    predictions: Annotated[
        Path | None,
        typer.Option(
            "--predictions",
            help="Real set: score DIR/<name>.json of `kamerlens extract --out DIR` instead.",
        ),
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    kinds: Annotated[
        list[str] | None,
        typer.Option("--kinds", "-k", help="Kinds (or types) to score (repeat or comma-separate)."),
    ] = None,
    details: Annotated[
        bool, typer.Option("--details/--no-details", help="List what was missed and invented.")
    ] = True,
) -> None:
    """Score extraction against hand-made gold: P, R, F1 per type, what was missed or invented."""
    from kamerlens import evaluate as ev

    if format not in ("table", "json"):
        fail(f"--format must be table or json, not {format!r}")
        raise typer.Exit(2)
    chosen = [k.strip() for item in kinds or [] for k in item.split(",") if k.strip()]
    try:
        if ev.is_real_set(gold_dir):
            real = ev.evaluate_real(
                gold_dir, part=part or "dev", predictions=predictions, types=chosen or None
            )
            if format == "json":
                shown = dump_json(real.to_dict())
            else:
                shown = ev.render_table(real, details=details)
        elif part is not None or predictions is not None:
            raise KamerlensError(
                "--part and --predictions apply to a real set (docs/, gold/, split.toml)",
                source=str(gold_dir),
            )
        else:
            report = ev.evaluate(gold_dir, kinds=chosen or None)
            if format == "json":
                shown = dump_json(report.to_dict())
            else:
                shown = ev.render_table(report, details=details)
    except KamerlensError as exc:
        fail(exc)
        raise typer.Exit(exc.exit_code) from None
    sys.stdout.write(shown + "\n")

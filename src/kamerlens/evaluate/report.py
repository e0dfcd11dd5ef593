"""Plain-text reports of an evaluation: scores per kind or type, then what went wrong."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kamerlens.evaluate.scores import DocScore, Report, Score, Style


def _pct(value: float | None) -> str:
    return "    -" if value is None else f"{100 * value:5.1f}"


def _fraction(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def _real_intro(report: Report) -> list[str]:
    count = len(report.documents)
    lines = [f"real set {report.root}, part {report.part}: {count} documents"]
    if report.not_annotated:
        lines.append(f"not yet annotated (not scored): {', '.join(report.not_annotated)}")
    if report.outside_split:
        lines.append(f"gold outside split.toml (not scored): {', '.join(report.outside_split)}")
    return [*lines, ""]


@dataclass(frozen=True)
class _Columns:
    """What the table of a style shows: the lines before it, the counts (heading, attribute of
    :class:`Score`), how P, R and F1 are written, whether the field checks and a row of the
    micro average follow, the head of the list of failed documents, and each document's head.
    """

    intro: Callable[[Report], list[str]]
    label: str
    counts: tuple[tuple[str, str], ...]
    figure: Callable[[float | None], str]
    fields: bool
    overall: bool
    failed: str
    heading: Callable[[DocScore], str]


_COLUMNS: dict[Style, _Columns] = {
    # The written format counts found and right as one (gold is tp + fn, pred tp + fp).
    "written": _Columns(
        intro=lambda report: [],
        label="kind",
        counts=(("gold", "gold"), ("pred", "predicted"), ("tp", "tp")),
        figure=_pct,
        fields=True,
        overall=True,
        failed="failed to extract ({count}):",
        heading=lambda doc: f"{doc.source}  ({Path(doc.name).name})",
    ),
    # found counts gold items found, right predictions that are right: they differ for
    # commitments, whose recall counts the spans both annotators marked and whose precision
    # accepts the spans either marked.
    "real": _Columns(
        intro=_real_intro,
        label="type",
        counts=(("gold", "gold"), ("pred", "predicted"), ("found", "found"), ("right", "right")),
        figure=_fraction,
        fields=False,
        overall=False,
        failed="not scored as extracted ({count}, counted as empty):",
        heading=lambda doc: f"{doc.name}  ({doc.source})" if doc.source else doc.name,
    ),
}


def _row(columns: _Columns, name: str, s: Score) -> str:
    counts = " ".join(f"{getattr(s, attr):>5}" for _, attr in columns.counts)
    figures = " ".join(columns.figure(v) for v in (s.precision, s.recall, s.f1))
    line = f"{name:<12} {counts}   {figures}"
    if columns.fields:
        checks = ", ".join(f"{k} {ok}/{n}" for k, (ok, n) in sorted(s.fields.items()) if n)
        line += f"  {checks}"
    return line


def render_table(report: Report, *, details: bool = True) -> str:
    """A plain-text report in the columns of the report's style: scores per kind (or type),
    the documents that failed, then per document what was missed, invented or wrong.
    """
    columns = _COLUMNS[report.style]
    counts = " ".join(f"{head:>5}" for head, _ in columns.counts)
    head = f"{columns.label:<12} {counts}   {'P':>5} {'R':>5} {'F1':>5}"
    lines = [*columns.intro(report), head + ("  fields" if columns.fields else "")]
    rows = list(report.totals().items())
    if columns.overall:
        rows.append(("overall", report.overall()))
    lines.extend(_row(columns, name, s) for name, s in rows)
    failed = [d for d in report.documents if d.error]
    if failed:
        lines.append("")
        lines.append(columns.failed.format(count=len(failed)))
        lines.extend(f"  {d.error}" for d in failed)
    if not details:
        return "\n".join(lines)
    for doc in report.documents:
        notes: list[str] = []
        for kind, s in doc.kinds.items():
            notes.extend(f"  missed   {kind}: {m}" for m in s.missed)
            notes.extend(f"  invented {kind}: {m}" for m in s.invented)
            notes.extend(f"  wrong    {kind}: {m}" for m in s.wrong_fields)
        if notes:
            lines.append("")
            lines.append(columns.heading(doc))
            lines.extend(notes)
    return "\n".join(lines)

"""Plain-text reports of an evaluation: scores per kind or type, then what went wrong."""

from __future__ import annotations

from pathlib import Path

from kamerlens.evaluate.real import RealReport
from kamerlens.evaluate.scores import Report


def _pct(value: float | None) -> str:
    return "    -" if value is None else f"{100 * value:5.1f}"


def render_table(report: Report, *, details: bool = True) -> str:
    """A plain-text report: per-kind scores, overall, then per document what was missed/invented."""
    head = f"{'kind':<12} {'gold':>5} {'pred':>5} {'tp':>5}   {'P':>5} {'R':>5} {'F1':>5}  fields"
    lines = [head]
    rows = list(report.totals().items()) + [("overall", report.overall())]
    for kind, s in rows:
        fields = ", ".join(f"{name} {ok}/{n}" for name, (ok, n) in sorted(s.fields.items()) if n)
        lines.append(
            f"{kind:<12} {s.tp + s.fn:>5} {s.tp + s.fp:>5} {s.tp:>5}   "
            f"{_pct(s.precision)} {_pct(s.recall)} {_pct(s.f1)}  {fields}"
        )
    failed = [d for d in report.documents if d.error]
    if failed:
        lines.append("")
        lines.append(f"failed to extract ({len(failed)}):")
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
            lines.append(f"{doc.source}  ({Path(doc.gold).name})")
            lines.extend(notes)
    return "\n".join(lines)


def render_real_table(report: RealReport, *, details: bool = True) -> str:
    """Per type P/R/F1 on a part of the real set, then per document what was missed/invented.

    ``found`` counts gold items found, ``right`` predictions that are right: they differ for
    commitments, whose recall counts the spans both annotators marked and whose precision
    accepts the spans either marked.
    """
    count = len(report.documents)
    lines = [f"real set {report.root}, part {report.part}: {count} documents"]
    if report.not_annotated:
        lines.append(f"not yet annotated (not scored): {', '.join(report.not_annotated)}")
    if report.outside_split:
        lines.append(f"gold outside split.toml (not scored): {', '.join(report.outside_split)}")
    lines.append("")
    lines.append(
        f"{'type':<12} {'gold':>5} {'pred':>5} {'found':>5} {'right':>5}   "
        f"{'P':>5} {'R':>5} {'F1':>5}"
    )
    for name, s in report.totals().items():
        lines.append(
            f"{name:<12} {s.gold:>5} {s.predicted:>5} {s.found:>5} {s.right:>5}   "
            f"{s.precision:5.3f} {s.recall:5.3f} {s.f1:5.3f}"
        )
    failed = [d for d in report.documents if d.error]
    if failed:
        lines.append("")
        lines.append(f"not scored as extracted ({len(failed)}, counted as empty):")
        lines.extend(f"  {d.error}" for d in failed)
    if not details:
        return "\n".join(lines)
    for doc in report.documents:
        notes: list[str] = []
        for name, s in doc.types.items():
            notes.extend(f"  missed   {name}: {m}" for m in s.missed)
            notes.extend(f"  invented {name}: {m}" for m in s.invented)
        if notes:
            lines.append("")
            lines.append(f"{doc.name}  ({doc.source})" if doc.source else doc.name)
            lines.extend(notes)
    return "\n".join(lines)

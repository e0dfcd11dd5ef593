"""kamerlens on the real evaluation set: P/R/F1 per type, dev and test side by side, the commit.

    .venv/bin/python bench/real_bench.py                 # both parts (the lead, once, at the end)
    .venv/bin/python bench/real_bench.py --part dev      # while working: the dev part only
    .venv/bin/python bench/real_bench.py --part dev --floors > tests/real/floors.toml

It extracts every annotated document of the part(s) of ``tests/real`` (split.toml) and scores
them as ``kamerlens evaluate tests/real`` does (the reference scorer's definition; see
``kamerlens.evaluate.real``). The table is printed and written to ``bench/results/real.txt``
(``--no-write``: print only); a part not run shows ``-``. It prints totals only: what was missed
and invented per document is ``kamerlens evaluate tests/real --part dev``, for the dev part (the
test part is scored once, at the end, and gives nothing to tune on).

``--floors`` prints instead the F1 floors the tests assert (``tests/real/floors.toml``), a few
points (``--margin``, default 0.03) under what the dev part measures now, per type and per
document and type. Floors are made from the dev part only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import subprocess
import sys
import time
from pathlib import Path

from kamerlens.evaluate import TYPES, Report, evaluate_real

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "real"
RESULTS = ROOT / "bench" / "results" / "real.txt"

def commit() -> str:
    """The short commit, marked '+changes' when the work tree differs from it."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], capture_output=True, text=True, cwd=ROOT)
        return done.stdout.strip() if done.returncode == 0 else ""

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    changed = git(
        "status", "--porcelain", "--untracked-files=no", "--", "src", "tests/real",
        ":!tests/real/floors.toml",  # written by this script
    )  # fmt: skip
    return f"{head}+changes" if changed else head


def _cells(report: Report | None, kind: str) -> str:
    if report is None:
        return f"{'-':>5} {'-':>5} {'-':>5} {'-':>5}"
    s = report.totals()[kind]
    return f"{s.gold:>5} {s.precision:5.3f} {s.recall:5.3f} {s.f1:5.3f}"


def table(reports: dict[str, Report | None], seconds: float) -> str:
    def count(part: str) -> str:
        report = reports.get(part)
        return "not run" if report is None else f"{len(report.documents)} documents"

    lines = [
        f"kamerlens on the real set (tests/real), commit {commit()}, "
        f"{dt.datetime.now():%Y-%m-%d %H:%M}, extraction and scoring {seconds:.1f} s",
        f"dev: {count('dev')}; test: {count('test')} (split.toml; 'gold' = items in the gold)",
        "",
        f"{'':<12} {'dev':^23}   {'test':^23}",
        f"{'type':<12} {'gold':>5} {'P':>5} {'R':>5} {'F1':>5}   "
        f"{'gold':>5} {'P':>5} {'R':>5} {'F1':>5}",
    ]
    for kind in TYPES:
        lines.append(f"{kind:<12} {_cells(reports.get('dev'), kind)}   "
                     f"{_cells(reports.get('test'), kind)}")  # fmt: skip
    lines.append("")
    lines.append("commitments: recall on the spans both annotators marked, precision against")
    lines.append("the spans either marked; refs, amounts, motions, commitments as score_real.py.")
    for part, report in reports.items():
        if report is not None and report.not_annotated:
            lines.append(f"{part}: not yet annotated: {', '.join(report.not_annotated)}")
    return "\n".join(lines)


def _floor(value: float, margin: float) -> float:
    return max(0.0, math.floor(round((value - margin) * 100, 6)) / 100)


def floors(report: Report, margin: float) -> str:
    """tests/real/floors.toml for what the dev part measures now."""
    lines = [
        "# F1 floors on the dev part of the real set: tests/test_evaluate_real_floors.py asserts",
        "# them, per type and per document and type.",
        f"# Made at commit {commit()} by bench/real_bench.py --part dev --floors, {margin:.2f}",
        "# under what was measured (a floor of 0 is left out). Raise them as accuracy improves;",
        "# lower one only for a reason you can name. Dev documents only, never the test part.",
        "",
        "[overall]",
    ]
    for kind, score in report.totals().items():
        lines.append(f"{kind} = {_floor(score.f1, margin):.2f}")
    lines += ["", "[document]"]
    for doc in report.documents:
        cells = [f"{k} = {_floor(s.f1, margin):.2f}" for k, s in doc.kinds.items()
                 if _floor(s.f1, margin) > 0]  # fmt: skip
        if cells:
            lines.append(f"{doc.name} = {{{', '.join(cells)}}}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=("dev", "test", "both"), default="both")
    parser.add_argument("--floors", action="store_true", help="print floors.toml (dev only)")
    parser.add_argument("--margin", type=float, default=0.03)
    parser.add_argument("--no-write", action="store_true", help="do not write bench/results/")
    args = parser.parse_args(argv)
    if args.floors and args.part != "dev":
        parser.error("--floors is made from the dev part only: give --part dev")
    started = time.perf_counter()
    parts = ("dev", "test") if args.part == "both" else (args.part,)
    reports: dict[str, Report | None] = {"dev": None, "test": None}
    for part in parts:
        reports[part] = evaluate_real(REAL, part=part)
    seconds = time.perf_counter() - started
    dev = reports["dev"]
    if args.floors and dev is not None:
        print(floors(dev, args.margin))
        return 0
    shown = table(reports, seconds)
    print(shown)
    if dev is not None:
        failed = [d.name for d in dev.documents if d.error]
        if failed:
            print(f"\ndev documents that failed to extract: {', '.join(failed)}")
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(shown + "\n", encoding="utf-8")
        print(f"\nwritten to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

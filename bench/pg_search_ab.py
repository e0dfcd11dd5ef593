"""Two versions of the PostgreSQL search side by side: store_bench's 200 mixed queries (as
postgres_bench step 4) timed with each version's code on the same database, the versions taking
turns round after round, so both see the same server, cache and machine load.

    python bench/pg_search_ab.py URL old=/work/wt-base/src new=src --rounds 3
    python bench/pg_search_ab.py URL old=/work/wt-base/src=URL_OLD new=src   # a schema each

Each round runs every version in its own process (its ``src`` first on sys.path, on its own
database if one follows the ``src``: a copy of the store kept at the old schema); the figures
are the median over rounds of each query's time. Prints per query class p50/p95 and the load
average, and ``--slowest N`` queries of each version.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys, tempfile
from dataclasses import asdict
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from store_bench import label, make_corpus, queries, time_queries
for name in [m for m in sys.modules if m.split(".")[0] == "kamerlens"]:
    del sys.modules[name]
sys.path.insert(0, sys.argv[2])
import kamerlens
from kamerlens.store import SearchQuery, open_store
assert kamerlens.__file__.startswith(sys.argv[2]), kamerlens.__file__
store = open_store(sys.argv[3], readonly=True)
dossiers = [r["dossier"] for r in store._rows(
    "SELECT DISTINCT dossier FROM documents WHERE dossier IS NOT NULL LIMIT 200")]
rares = make_corpus(Path(tempfile.mkdtemp()) / "c", 3000)[1]
qs = [SearchQuery(**asdict(q)) for q in queries(rares, dossiers)]
out = {}
for facets in (False, True):
    out[str(facets)] = time_queries(store, qs, facets=facets)
out["labels"] = [label(q) for q in qs]
out["queries"] = [repr(q) for q in qs]
print(json.dumps(out))
"""


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("url")
    ap.add_argument("versions", nargs="+", metavar="NAME=SRC")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--slowest", type=int, default=0)
    args = ap.parse_args()
    versions = [(v.split("=", 2) + [args.url])[:3] for v in args.versions]
    runs: dict[str, list[dict]] = {name: [] for name, _, _ in versions}
    loads = []
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "child.py"
        script.write_text(CHILD)
        for _ in range(args.rounds):
            for name, src, url in versions:
                loads.append(os.getloadavg()[0])
                done = subprocess.run(
                    [sys.executable, str(script), str(ROOT / "bench"), str(Path(src).resolve()),
                     url],
                    capture_output=True, text=True, check=True,
                )
                runs[name].append(json.loads(done.stdout))
    print(f"load average {min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores,"
          f" {args.rounds} rounds, median per query")
    for name, rs in runs.items():
        labels, texts = rs[0]["labels"], rs[0]["queries"]
        for facets in ("False", "True"):
            times = [statistics.median(t) for t in zip(*(r[facets] for r in rs), strict=True)]
            print(f"{name:>8} {'facets' if facets == 'True' else 'plain ':6s}"
                  f" p50 {pct(times, 50):6.1f}  p95 {pct(times, 95):6.1f}  max {max(times):7.1f}")
            if facets == "False":
                classes: dict[str, list[float]] = {}
                for lab, t in zip(labels, times, strict=True):
                    classes.setdefault(lab, []).append(t)
                for lab, ts in sorted(classes.items()):
                    print(f"{'':>8}   {lab:30s} n={len(ts):3d} p50 {pct(ts, 50):6.1f}"
                          f"  p95 {pct(ts, 95):6.1f}")
                for t, q in sorted(zip(times, texts, strict=True), reverse=True)[: args.slowest]:
                    print(f"{'':>8}   {t:7.1f} ms  {q}")


if __name__ == "__main__":
    main()

"""Memory of extraction: peak RSS for one large text document, and RSS as a corpus grows.

    .venv/bin/python bench/memory_bench.py                     # 50 MB document; 1k and 20k docs
    .venv/bin/python bench/memory_bench.py --big-mb 10 --docs 1000,5000   # a quicker run

What it does (each part in a fresh process, so one part's memory does not hide another's):
1. writes one text document of ``--big-mb`` MB (letters of the bench corpus, one after another)
   and extracts it with ``kamerlens.extract`` (``max_size`` raised to let it in): the process's
   peak RSS (VmHWM) before and after, the CPU seconds, and the peak per MB of text;
2. extracts the bench corpus's documents one after another in one process, the records dropped
   as a batch ingest drops them once written, and prints the RSS (VmRSS) after 1,000 and after
   20,000 documents (``--docs``): memory must stay flat as the corpus grows.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def _status(key: str) -> float:
    """A field of /proc/self/status in MB (VmRSS: now, VmHWM: the peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def big_document(path: Path, mb: float) -> int:
    from extract_bench import build_corpus

    with tempfile.TemporaryDirectory(prefix="kamerlens-mem-") as tmp:
        build_corpus(Path(tmp), 400)
        letters = [p.read_text("utf-8") for p in sorted(Path(tmp).glob("letter_*.txt"))]
    parts, size, i = [], 0, 0
    while size < mb * 1e6:
        text = letters[i % len(letters)]
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
        i += 1
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return path.stat().st_size


def run_big(path: str) -> dict[str, float]:
    from kamerlens.extract import extract
    from kamerlens.ingest import read

    raw = read(path, max_size=1 << 40)
    before = _status("VmHWM")
    start = time.process_time()
    record = extract(raw)
    seconds = time.process_time() - start
    mb = len(raw.data) / 1e6
    return {
        "mb": round(mb, 1),
        "cpu_seconds": round(seconds, 1),
        "mb_per_s": round(mb / seconds, 2),
        "peak_rss_mb_before": round(before, 1),
        "peak_rss_mb": round(_status("VmHWM"), 1),
        "items": sum(len(getattr(record, k)) for k in ("references", "dates", "commitments")),
    }


def run_corpus(marks: list[int]) -> dict[str, float]:
    from extract_bench import build_corpus

    from kamerlens.extract import extract_raw
    from kamerlens.ingest import read

    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="kamerlens-mem-") as tmp:
        # a pool of distinct documents, cycled: the rules see new text, the disk stays small
        build_corpus(Path(tmp), 2000)
        paths = sorted(p for p in Path(tmp).iterdir() if p.suffix == ".txt")
        raws = [read(p) for p in paths]
        done = 0
        out["rss_mb_start"] = round(_status("VmRSS"), 1)
        for mark in marks:
            while done < mark:
                extract_raw(raws[done % len(raws)])
                done += 1
            out[f"rss_mb_after_{mark}"] = round(_status("VmRSS"), 1)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--big-mb", type=float, default=50.0)
    parser.add_argument("--docs", default="1000,20000", help="RSS marks (documents extracted)")
    parser.add_argument("--part", choices=("big", "corpus"), help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    if args.part == "big":
        print(json.dumps(run_big(args.path)))
        return 0
    if args.part == "corpus":
        print(json.dumps(run_corpus([int(n) for n in args.docs.split(",")])))
        return 0
    me = [sys.executable, __file__]
    with tempfile.TemporaryDirectory(prefix="kamerlens-mem-") as tmp:
        path = Path(tmp) / "big.txt"
        size = big_document(path, args.big_mb)
        big = json.loads(subprocess.check_output([*me, "--part", "big", "--path", str(path)]))
    print(f"one text document of {size / 1e6:.1f} MB:")
    print(
        f"  normalize+extract {big['cpu_seconds']} CPU s ({big['mb_per_s']} MB/s);"
        f" peak RSS {big['peak_rss_mb']} MB (before extraction {big['peak_rss_mb_before']} MB),"
        f" {big['peak_rss_mb'] / big['mb']:.1f} x the text"
    )
    corpus = json.loads(subprocess.check_output([*me, "--part", "corpus", "--docs", args.docs]))
    print("documents extracted one after another in one process (records dropped):")
    for key, value in corpus.items():
        print(f"  {key:<24} {value:>8} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

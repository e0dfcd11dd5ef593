"""PostgreSQL and Dask benchmark: ingest and reprocess rates, search and API latency at 100,000
documents, and memory against corpus size. Prints every figure and writes them to
bench/results/postgres.txt.

    python bench/postgres_bench.py                            # 3,000 real + 97,000 variants
    python bench/postgres_bench.py --real 600 --total 10000   # a quick check
    python bench/postgres_bench.py --data /tmp/pg100k --quick --no-api  # build once and keep
    python bench/postgres_bench.py --data /tmp/pg100k --no-api  # again: only step 4 on it

A PostgreSQL 15 server is started for the run (tests/pgserver.py: a temporary folder, a free
port on 127.0.0.1, durable settings: fsync and synchronous commit on) and stopped at the end.
1. ``kamerlens ingest --workers 2`` of ``--real`` distinct documents (store_bench's corpus) into
   PostgreSQL, and into SQLite for comparison, as subprocesses the way users run them; peak
   memory of every process of the run, at a quarter of the corpus and at all of it.
2. ``kamerlens reprocess --dask local --workers 2`` (a Dask LocalCluster of 2 processes; the
   workers read the sources from PostgreSQL, extract, and write) and, for comparison, the local
   process pool.
3. Growing to ``--total`` documents through the real write path (store_bench's consistent
   variants of the extracted records), then ANALYZE.
4. The 200 mixed queries of store_bench (broad and rare words, phrases, operators, NEAR,
   filters, sort by date), top 20 with snippets, with and without facets.
5. ``kamerlens serve --workers 2`` over the 100,000-document store, 50 concurrent clients each
   asking distinct questions (web_bench's load loop).
``--data DIR`` keeps the server's data in DIR; run again with the same DIR, the benchmark starts
the server on it and runs only steps 4 and 5 on the store built before. ``--quick`` skips steps
1 and 2 (the real documents go in through the store's write path, as the variants do).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from store_bench import (  # noqa: E402
    Report,
    extract_all,
    label,
    make_corpus,
    pct,
    queries,
    time_queries,
    variant,
)

from kamerlens.link import link_new  # noqa: E402
from kamerlens.store import SearchQuery, open_store  # noqa: E402
from pgserver import PgServer, create_database  # noqa: E402

DURABLE = {
    "fsync": "on",
    "synchronous_commit": "on",
    "full_page_writes": "on",
    "shared_buffers": "1GB",
    "work_mem": "32MB",
    "maintenance_work_mem": "256MB",
    "max_wal_size": "4GB",
}


PYTHONPATH = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]


def cli() -> str:
    return str(Path(sys.executable).with_name("kamerlens"))


def run_cli(*args: str) -> tuple[dict, float, float]:
    """Run ``kamerlens ARGS --format json``; (summary, seconds, peak RSS in MB of any process
    of the run: the command and its workers)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # this tree's code, not the one the venv has installed (another checkout): "before" and
    # "after" are the same script run from two trees
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), *PYTHONPATH])}
    t = time.perf_counter()
    done = subprocess.run(
        [cli(), *args, "--quiet", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    seconds = time.perf_counter() - t
    if done.returncode not in (0, 1):
        raise SystemExit(f"kamerlens {' '.join(args)} failed: {done.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return json.loads(done.stdout), seconds, max(peak, before) / 1024


def subset(corpus: Path, folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for f in sorted(corpus.iterdir())[:n]:
        shutil.copyfile(f, folder / f.name)
    return folder


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--real", type=int, default=3000, help="documents extracted for real")
    ap.add_argument("--total", type=int, default=100_000, help="documents in the searched store")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--results", type=Path, default=ROOT / "bench" / "results" / "postgres.txt")
    ap.add_argument(
        "--search-only",
        metavar="URL",
        help="only steps 4 and 5, on an existing store (e.g. one kept from a full run)",
    )
    ap.add_argument(
        "--data", type=Path, metavar="DIR", help="keep the server's data here; reuse it if built"
    )
    ap.add_argument("--quick", action="store_true", help="skip steps 1 and 2 (ingest, reprocess)")
    ap.add_argument("--no-api", action="store_true", help="skip step 5 (the API under load)")
    args = ap.parse_args()
    built = args.data is not None and (args.data / "built").exists()
    if args.search_only or built:
        out = Report()
        server = PgServer(settings=DURABLE, folder=args.data).start() if built else None
        url = server.url("kamerlens") if server else args.search_only
        try:
            out(
                f"search and API on {url.rsplit('@', 1)[-1]},"
                f" {time.strftime('%Y-%m-%d %H:%M')}, load average {os.getloadavg()[0]:.1f}"
                f" on {os.cpu_count()} cores"
            )
            rares = make_corpus(Path(tempfile.mkdtemp()) / "c", args.real)[1]
            search_and_api(args, url, out, rares)
        finally:
            if server:
                server.stop()
        args.results.parent.mkdir(parents=True, exist_ok=True)
        args.results.write_text("\n".join(out.lines) + "\n", encoding="utf-8")
        return
    work = Path(tempfile.mkdtemp(prefix="kamerlens-pgbench-"))
    out = Report()
    out(
        f"kamerlens PostgreSQL + Dask benchmark, {time.strftime('%Y-%m-%d %H:%M')},"
        f" {os.cpu_count()}-core machine shared with other jobs (load average"
        f" {os.getloadavg()[0]:.1f} at the start), PostgreSQL 15 on the same machine"
    )
    server = PgServer(settings=DURABLE, folder=args.data).start()
    try:
        run(args, work, server, out)
        if args.data is not None:
            (args.data / "built").write_text(time.strftime("%Y-%m-%d %H:%M") + "\n")
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text("\n".join(out.lines) + "\n", encoding="utf-8")


def run(args: argparse.Namespace, work: Path, server: PgServer, out: Report) -> None:
    corpus = work / "corpus"
    size, rares = make_corpus(corpus, args.real)
    out(f"corpus: {args.real:,} distinct documents, {size / args.real / 1e3:.1f} KB each")
    if args.quick:
        url = create_database(server.url(), "kamerlens")
        grow(args, url, corpus, rares, out, real=True)
    else:
        url = ingest_and_reprocess(args, work, server, corpus, out)
        grow(args, url, corpus, rares, out, real=False)
    search_and_api(args, url, out, rares)


def ingest_and_reprocess(
    args: argparse.Namespace, work: Path, server: PgServer, corpus: Path, out: Report
) -> str:
    """Steps 1 and 2; the URL of the store holding the real documents."""
    out("\n1. kamerlens ingest --workers 2 (extract, write, link), as a user runs it")
    quarter = subset(corpus, work / "quarter", args.real // 4)
    q_url = create_database(server.url(), "quarter")
    s, secs, q_rss = run_cli("ingest", "--workers", "2", "--db", q_url, str(quarter))
    out(
        f"  PostgreSQL, {s['stored']:,} documents: {s['stored'] / secs:,.0f} docs/s;"
        f" peak memory {q_rss:,.0f} MB"
    )
    url = create_database(server.url(), "kamerlens")
    s, secs, rss = run_cli("ingest", "--workers", "2", "--db", url, str(corpus))
    out(
        f"  PostgreSQL, {s['stored']:,} documents: {s['stored'] / secs:,.0f} docs/s"
        f" ({secs:.1f} s, {len(s['failed'])} refused); peak memory {rss:,.0f} MB"
        f" (x{args.real / max(1, args.real // 4):.0f} documents: x{rss / q_rss:.2f} memory)"
    )
    s, secs, _ = run_cli("ingest", "--workers", "2", "--db", str(work / "s.db"), str(corpus))
    out(f"  SQLite (same corpus, same machine, for comparison): {s['stored'] / secs:,.0f} docs/s")

    out("\n2. kamerlens reprocess (every stored document extracted again and replaced)")
    s, secs, d_rss = run_cli("reprocess", "--dask", "local", "--workers", "2", "--db", url)
    out(
        f"  Dask LocalCluster, 2 workers writing to PostgreSQL: {s['replaced'] / secs:,.0f} docs/s"
        f" ({s['replaced']:,} replaced in {secs:.1f} s incl. cluster start and relink,"
        f" {len(s['failed'])} failed); peak memory {d_rss:,.0f} MB"
    )
    s, secs, _ = run_cli("reprocess", "--workers", "2", "--db", url)
    out(f"  local process pool, 2 workers: {s['replaced'] / secs:,.0f} docs/s")
    return url


def grow(
    args: argparse.Namespace, url: str, corpus: Path, rares: list[str], out: Report, real: bool
) -> None:
    """Step 3 (``real``: the extracted real documents written first, steps 1 and 2 skipped)."""
    out(f"\n3. growing to {args.total:,} documents through the write path (no extraction)")
    docs, _ = extract_all(corpus, 2)
    import random

    store = open_store(url)
    if real:
        for start in range(0, len(docs), 128):
            store.add_prepared(docs[start : start + 128])
    rng = random.Random(5)
    i, write_s = len(docs), 0.0
    while i < args.total:
        chunk = [
            variant(docs[j % len(docs)], j, rng, rares) for j in range(i, min(args.total, i + 2000))
        ]
        t = time.perf_counter()
        for start in range(0, len(chunk), 128):
            store.add_prepared(chunk[start : start + 128])
        write_s += time.perf_counter() - t
        i += len(chunk)
    t = time.perf_counter()
    link_new(store)
    link_s = time.perf_counter() - t
    store._rows("SELECT 1 AS x")  # type: ignore[attr-defined]
    with store.transaction() as c:  # type: ignore[attr-defined]
        c.execute("ANALYZE")
    stats = store.stats()
    written = args.total - len(docs)
    size = stats["size_bytes"]
    out(
        f"  {written:,} documents written at {written / max(write_s, 1e-9):,.0f} docs/s (COPY, one"
        f" transaction per 128); link stage {link_s:.1f} s; database"
        f" {size / 1e6:,.0f} MB = {size / stats['documents'] / 1e3:.1f} KB per document"
    )
    store.close()


def search_and_api(args: argparse.Namespace, url: str, out: Report, rares: list[str]) -> None:
    """Steps 4 and 5 on the store at ``url``."""
    store = open_store(url, readonly=True)
    stats = store.stats()
    dossiers = [
        r["dossier"]
        for r in store._rows(  # type: ignore[attr-defined]
            "SELECT DISTINCT dossier FROM documents WHERE dossier IS NOT NULL LIMIT 200"
        )
    ]
    # rare words: the corpus's own, or (a store built otherwise) one word of each of 200 texts
    if not any(store.search(SearchQuery(w)).total for w in rares[:20]):
        rares = [
            r["w"]
            for r in store._rows(  # type: ignore[attr-defined]
                "SELECT (regexp_match(text, 'kenmerk\\S+x\\d+'))[1] AS w FROM texts"
                " WHERE text ~ 'kenmerk\\S+x\\d+' LIMIT 200"
            )
        ] or rares
    qs = queries(rares, dossiers)
    out(f"\n4. search over {stats['documents']:,} documents, {len(qs)} mixed queries, top 20")
    for facets in (False, True):
        times = time_queries(store, qs, facets=facets)  # type: ignore[arg-type]
        out(
            f"  {'with facets (as the web app asks)' if facets else 'without facets':34s}"
            f" p50 {pct(times, 50):6.1f} ms  p95 {pct(times, 95):6.1f} ms  max {max(times):7.1f} ms"
        )
        if not facets:
            classes: dict[str, list[float]] = {}
            for q, t_ in zip(qs, times, strict=True):
                classes.setdefault(label(q), []).append(t_)
            for cls, ts in sorted(classes.items()):
                p50, p95 = pct(ts, 50), pct(ts, 95)
                out(f"    {cls:32s} n={len(ts):3d}  p50 {p50:6.1f}  p95 {p95:6.1f} ms")
    store.close()
    if args.no_api:
        return

    out(f"\n5. the API: kamerlens serve --workers 2, {args.clients} concurrent clients")
    from web_bench import free_port, load, serve

    port = free_port()
    proc = serve(url, port, workers=2, source=ROOT)
    try:
        result = asyncio.run(load("127.0.0.1", port, args.clients, 3000, 60.0, True))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    out(
        f"  /api/search, distinct questions (every answer computed afresh):"
        f" {result['requests']} requests, {result['requests_per_s']} requests/s,"
        f" {result['errors']} errors; p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms,"
        f" p99 {result['p99_ms']} ms"
    )


if __name__ == "__main__":
    main()

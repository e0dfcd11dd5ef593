"""Store benchmark at the issue's size: ingest docs/s per worker count, the store's own write
rate, store size per document, and search latency of both engines at 100,000 documents.

    python bench/store_bench.py                        # 3,000 real + 97,000 varied = 100,000
    python bench/store_bench.py --real 1000 --total 20000 --workers 2   # a quick check

Steps (each printed, and the final figures written to bench/results/store.txt):
1. A synthetic corpus of ``--real`` distinct documents from the example letters
   (examples/letters/*.txt): dossier and document numbers, amounts, dates, names and a rare
   word per document are varied.
2. Real ingest, per worker count: ``kamerlens ingest`` as the CLI runs it (extraction in worker
   processes, batched writes, incremental link stage, search index committed at close).
3. The store's own share: the same documents, extracted beforehand, replayed into a fresh store
   (``add_prepared``), with the link stage and the index commit timed apart.
4. Growing to ``--total`` documents WITHOUT extraction (real extraction of 100,000 documents
   would take far longer than this benchmark): every further document is a variant of an
   already-extracted one whose text AND records are changed consistently (years shifted by a
   multiple of four, its dossier renumbered everywhere, a rare word added at the end); these are
   written through the store's real write path, then linked and indexed.
5. 200 mixed queries (broad and rare words, phrases, AND/OR/NOT, prefixes, NEAR, filters on
   kind, dates, dossier and entity, sort by date) against the tantivy side index and against
   FTS5 (the fallback), same queries, same store.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import pickle
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kamerlens.link import link_new  # noqa: E402
from kamerlens.store import SearchQuery  # noqa: E402
from kamerlens.store.batch import _chunks, _extract_chunk, ingest  # noqa: E402
from kamerlens.store.sqlite import SqliteStore  # noqa: E402
from kamerlens.store.writer import Prepared  # noqa: E402

MONTHS = "januari februari maart april mei juni juli augustus september oktober november december"
MONTH = re.compile(r"\b([0-3]?\d) (" + MONTHS.replace(" ", "|") + r")\b")
YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-3]\d)(?!\d)")
DOSSIER = re.compile(r"(?<![\d.,])([23]\d) (\d{3})(?![\d.])")
NAMES = ("Jansen", "De Vries", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "De Groot", "Bos")
SYLLABLES = ("ka", "lo", "mer", "dis", "tra", "vel", "pon", "rik", "sel", "zu", "bar", "tin")
BROAD = ("navo", "oekraine", "steun", "kamer", "minister", "regering", "europese", "brief")
MIXED = (
    '"vitale infrastructuur"',
    '"uw kamer"',
    "navo NOT china",
    "steun AND oekraine",
    "ucap OR trustfund",
    "infra*",
    "minist*",
    "fundering*",
    "NEAR(steun oekraine, 5)",
    "motie AND regering",
    "(navo OR eu) AND steun",
)


def rare_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(4))


# -- 1. the corpus -----------------------------------------------------------------------------


# the templates of the corpus: "short" is the set every figure before December 2026 was
# measured on (the two seed letters and four letters written for development, 3.7 KB on
# average); "examples" the real letters in examples/letters/ now (11.5 KB on average)
LETTERS = {
    "short": [
        ROOT / "examples" / "letters" / "000_e47a5db50cc64457.txt",
        ROOT / "examples" / "letters" / "004_1ca4271ce6c07476.txt",
        *sorted((ROOT / "tests" / "fixtures" / "letters").glob("dev_*.txt")),
    ],
    "examples": sorted((ROOT / "examples" / "letters").glob("*.txt")),
}


def make_corpus(
    folder: Path, n: int, seed: int = 1, letters: str = "short"
) -> tuple[int, list[str]]:
    """Write n varied documents; returns (bytes written, the rare words used)."""
    rng = random.Random(seed)
    templates = [p.read_text("utf-8") for p in LETTERS[letters]]
    folder.mkdir(parents=True, exist_ok=True)
    total, rares = 0, []
    for i in range(n):
        text = templates[i % len(templates)]
        text = DOSSIER.sub(lambda _: f"{rng.randrange(21, 37)} {rng.randrange(100, 999)}", text)
        text = re.sub(r"nr\. \d+", lambda _: f"nr. {rng.randrange(1, 900)}", text)
        text = re.sub(
            r"(EUR|€) ?(\d+)", lambda m: f"{m[1]} {rng.randrange(2, 900)}", text
        )  # amounts
        # a valid day for every month, so no "31 februari" reaches the extractor
        text = MONTH.sub(lambda _: f"{rng.randrange(1, 29)} {rng.choice(MONTHS.split())}", text)
        shift = rng.randrange(-20, 3)
        text = YEAR.sub(lambda m, shift=shift: str(int(m[1]) + shift), text)
        word = rare_word(rng) + str(i)
        rares.append(word)
        text += f"\n\nOpgesteld door {rng.choice(NAMES)} (kenmerk {word}).\n"
        data = text.encode("utf-8")
        (folder / f"doc_{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total, rares


# -- 2./3. ingest ------------------------------------------------------------------------------


def fresh(db: Path) -> SqliteStore:
    for suffix in ("", "-wal", "-shm", ".tantivy.lock"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(f"{db}.tantivy", ignore_errors=True)
    return SqliteStore(db)


def real_ingest(db: Path, corpus: Path, workers: int, client: Any = None) -> dict[str, float]:
    """What ``kamerlens ingest --workers N`` does, timed in its parts (``client``: the
    writer-bound run, see ``ReplayClient``)."""
    t0, cpu0, load0 = time.perf_counter(), time.process_time(), os.getloadavg()[0]
    store = fresh(db)
    summary = ingest(store, [corpus], workers=workers, dask=client)
    t1 = time.perf_counter()
    link_new(store)
    t2 = time.perf_counter()
    store.close()  # commits the search index
    t3 = time.perf_counter()
    return {
        "stored": summary.stored,
        "failed": len(summary.failed),
        "ingest": t1 - t0,
        "link": t2 - t1,
        "index": t3 - t2,
        "total": t3 - t0,
        # CPU of this (the writer) process alone: reading, hashing, writing, linking, indexing
        "main_cpu": time.process_time() - cpu0,
        "load": max(load0, os.getloadavg()[0]),
    }


def extract_all(corpus: Path, workers: int) -> tuple[list[Prepared], float]:
    """Records of the corpus as the workers prepare them (for the store-only replay), and the
    workers' CPU seconds per document (extract + rows + pickling), over the whole corpus."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    files = sorted(corpus.iterdir())
    jobs = [(str(f), f.read_bytes(), hashlib.sha256(f.read_bytes()).hexdigest()) for f in files]
    chunks = list(_chunks(jobs))
    out: list[Prepared] = []
    with ProcessPoolExecutor(workers) as pool:
        for chunk, results in zip(chunks, pool.map(_extract_chunk, chunks), strict=True):
            for (_, data, _), (_, prepared, error) in zip(chunk, results, strict=True):
                if error is None:
                    prepared.data = data
                    out.append(prepared)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the pool's workers have ended
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return out, cpu / max(1, len(jobs))


# -- the writer-bound ingest: the same pipeline with the extraction taken out ---------------------

_REPLAYED: dict[str, Prepared] = {}


def _load_replayed(path: str) -> None:
    for p in pickle.loads(Path(path).read_bytes()):
        p.data = b""  # as a worker sends it: the writer holds the bytes
        _REPLAYED[p.sha256] = p


def _replayed_chunk(chunk: list[tuple[str, bytes, str]]) -> list[tuple[str, Any, Any]]:
    return [(name, _REPLAYED[sha], None) for name, _, sha in chunk]


class _Replay(ProcessPoolExecutor):
    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        return super().submit(_replayed_chunk, *args)


class ReplayClient:
    """Stands in for a Dask client: its executor's worker processes hand back the records
    extracted beforehand, so ``ingest`` runs as ever (files read and hashed, chunks sent to
    workers, records back through pickling, batched writes, link stage, index commit) with only
    the extraction taken out: the rate the writer allows."""

    def __init__(self, records: Path, workers: int) -> None:
        self.records, self.workers = records, workers

    def get_executor(self, **_: Any) -> Executor:
        return _Replay(
            self.workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_load_replayed,
            initargs=(str(self.records),),
        )


# -- memory against corpus size ------------------------------------------------------------------


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        out += [int(c) for c in children]
        todo += [int(c) for c in children]
    return out


def _status_mb(pid: int, field: str) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def memory_run(work: Path, n: int, letters: str) -> dict[str, float]:
    """``kamerlens ingest --workers 2`` of ``n`` documents as a subprocess; the writer's RSS
    (and the largest worker's) once 1,000 documents are stored and once all are, and the
    writer's peak over the whole run (the link stage and index commit included)."""
    corpus = work / "corpus_memory"
    shutil.rmtree(corpus, ignore_errors=True)
    make_corpus(corpus, n, seed=2, letters=letters)
    db = work / "memory.db"
    fresh(db).close()
    exe = Path(sys.executable).with_name("kamerlens")
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [str(exe), "ingest", str(corpus), "--db", str(db), "--workers", "2", "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    out: dict[str, float] = {"writer_peak": 0.0}
    import sqlite3

    while proc.poll() is None:
        time.sleep(0.2)
        out["writer_peak"] = max(out["writer_peak"], _status_mb(proc.pid, "VmHWM"))
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
                count = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            continue
        for at in (1000, n // 2, n):
            if count >= at and f"writer_{at}" not in out:
                out[f"writer_{at}"] = _status_mb(proc.pid, "VmRSS")
                out[f"worker_{at}"] = max(
                    (_status_mb(c, "VmRSS") for c in _descendants(proc.pid)), default=0.0
                )
                out[f"seconds_{at}"] = time.perf_counter() - t0
    out["seconds"] = time.perf_counter() - t0
    out["returncode"] = float(proc.returncode)
    return out


def replay(store: SqliteStore, docs: list[Prepared], chunk: int = 128) -> float:
    t = time.perf_counter()
    for start in range(0, len(docs), chunk):
        store.add_prepared(docs[start : start + chunk])
    return time.perf_counter() - t


# -- 4. consistent variants ----------------------------------------------------------------------


def _mapper(p: Prepared, rng: random.Random) -> Callable[[Any], Any]:
    """A length-keeping rewrite of every string of one document: years shifted by a multiple of
    four (29 February stays valid), its own dossier number replaced everywhere."""
    shift = rng.choice((-20, -16, -12, -8, -4, 4))
    old = p.info.get("dossier") or ""
    pairs: list[tuple[str, str]] = []
    if re.fullmatch(r"\d{5}", old):
        new = str(rng.randrange(21000, 36999))
        pairs = [(old, new), (f"{old[:2]} {old[2:]}", f"{new[:2]} {new[2:]}")]

    def one(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        for a, b in pairs:
            value = value.replace(a, b)
        return YEAR.sub(lambda m: str(int(m[1]) + shift), value)

    return one


def variant(p: Prepared, i: int, rng: random.Random, rares: list[str]) -> Prepared:
    f = _mapper(p, rng)
    word = rare_word(rng) + f"x{i}"
    if i % 500 == 0:
        rares.append(word)
    text = f(p.text) + f"\n\nKenmerk {word}.\n"
    sha = hashlib.sha256(f"{i}:{text}".encode()).hexdigest()
    base = f(p.base_id) if p.base_id != p.sha256[:16] else sha[:16]
    return replace(
        p,
        source=f"synthetic/doc_{i:06d}.txt",
        sha256=sha,
        base_id=base,
        info={k: f(v) for k, v in p.info.items()},
        text=text,
        rows={t: [tuple(f(v) for v in row) for row in rows] for t, rows in p.rows.items()},
        entities=[(tuple(f(v) for v in row), spans) for row, spans in p.entities],
        data=text.encode("utf-8"),
    )


# -- 5. search -----------------------------------------------------------------------------------


def queries(
    rares: list[str], dossiers: list[str], n: int = 200, seed: int = 3
) -> list[SearchQuery]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        kind = i % 8
        if kind in (0, 1):
            out.append(SearchQuery(rng.choice(BROAD)))
        elif kind == 2:
            out.append(SearchQuery(rng.choice(rares)))
        elif kind == 3:
            out.append(SearchQuery(rng.choice(MIXED)))
        elif kind == 4:
            out.append(SearchQuery(f"{rng.choice(BROAD)} {rng.choice(BROAD)}"))
        elif kind == 5:
            year = rng.randrange(2003, 2025)
            out.append(
                SearchQuery(rng.choice(BROAD), since=f"{year}-01-01", until=f"{year + 1}-06-30")
            )
        elif kind == 6:
            out.append(
                SearchQuery(
                    rng.choice(BROAD),
                    kind=rng.choice(["brief", "verslag", "motie"]),
                    entity=rng.choice(["Oekraïne", "NAVO", "Nederland"]),
                )
            )
        else:
            q = rng.choice(BROAD)
            out.append(SearchQuery(q, dossier=rng.choice(dossiers)) if dossiers else SearchQuery(q))
        if i % 10 == 9:
            out[-1] = replace(out[-1], sort="date")
    return out


def label(q: SearchQuery) -> str:
    if q.dossier or q.kind or q.since or q.entity:
        return "filtered"
    if q.q in BROAD:
        return "broad word"
    if q.q in MIXED:
        return "operators/phrases/prefix/NEAR"
    return "rare word" if " " not in q.q else "two broad words"


def time_queries(store: SqliteStore, qs: list[SearchQuery], facets: bool = False) -> list[float]:
    for q in qs[:10]:  # warm the page cache and the index readers
        store.search(replace(q, facets=facets))
    times = []
    for q in qs:
        t = time.perf_counter()
        store.search(replace(q, facets=facets))
        times.append((time.perf_counter() - t) * 1000)
    return times


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


# -- the run -------------------------------------------------------------------------------------


class Report:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, line: str = "") -> None:
        print(line, flush=True)
        self.lines.append(line)


def search_report(out: Report, db: Path, qs: list[SearchQuery], n: int) -> None:
    engines = {
        "tantivy": SqliteStore(db, readonly=True),
        "FTS5": SqliteStore(db, readonly=True, text_index=False),
    }
    assert engines["tantivy"].indexer.index is not None, "the side index is missing"
    out(f"search over {n:,} documents, {len(qs)} mixed queries, top 20 with snippets:")
    for name, store in engines.items():
        times = time_queries(store, qs)
        out(
            f"  {name:8s} p50 {pct(times, 50):6.1f} ms  p95 {pct(times, 95):6.1f} ms"
            f"  max {max(times):7.1f} ms  mean {statistics.mean(times):6.1f} ms"
        )
        classes: dict[str, list[float]] = {}
        for q, t in zip(qs, times, strict=True):
            classes.setdefault(label(q), []).append(t)
        for cls, ts in sorted(classes.items()):
            out(f"    {cls:32s} n={len(ts):3d}  p50 {pct(ts, 50):6.1f}  p95 {pct(ts, 95):6.1f} ms")
    times = time_queries(engines["tantivy"], qs, facets=True)
    out(
        f"  tantivy with facets (kind/year/dossier/entity, as the web app asks):"
        f" p50 {pct(times, 50):.1f} ms, p95 {pct(times, 95):.1f} ms"
    )
    near = [q for q in qs if "NEAR" in q.q]
    for name, store in engines.items():
        ts = time_queries(store, near) if near else [0.0]
        out(f"  NEAR queries on {name}: p50 {pct(ts, 50):.1f} ms, max {max(ts):.1f} ms")
    for store in engines.values():
        store.close()


def later_ingest(out: Report, db: Path, docs: list[Prepared], total: int, n: int = 500) -> None:
    """A later, small ingest into the big store: what the incremental link stage costs then,
    against a full relink of the whole store."""
    from kamerlens.link import relink

    rng = random.Random(11)
    batch = [variant(docs[j % len(docs)], total + j, rng, []) for j in range(n)]
    store = SqliteStore(db)
    write_s = replay(store, batch)
    t = time.perf_counter()
    link_new(store)
    link_s = time.perf_counter() - t
    t = time.perf_counter()
    relink(store)
    full_s = time.perf_counter() - t
    t = time.perf_counter()
    store.close()
    index_s = time.perf_counter() - t
    out(
        f"\nlater ingest of {n} documents into the {total:,}-document store: written in"
        f" {write_s:.1f} s, incremental link stage {link_s:.1f} s (a full relink of the store"
        f" takes {full_s:.1f} s), search index commit {index_s:.1f} s"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--real", type=int, default=3000, help="documents extracted for real")
    ap.add_argument("--total", type=int, default=100_000, help="documents in the searched store")
    ap.add_argument("--workers", default="1,2", help="worker counts to measure, e.g. 1,2")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it")
    ap.add_argument(
        "--memory",
        type=int,
        default=20_000,
        help="documents of the memory run (RSS after 1,000 and after all); 0 skips it",
    )
    ap.add_argument(
        "--letters",
        choices=sorted(LETTERS),
        default="short",
        help="templates of the corpus: short (3.7 KB, as measured before) or examples (11.5 KB)",
    )
    ap.add_argument("--results", type=Path, default=ROOT / "bench" / "results" / "store.txt")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kamerlens-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    out = Report()
    out(f"kamerlens store benchmark, {time.strftime('%Y-%m-%d %H:%M')}, 2-core machine")
    corpus = work / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    size, rares = make_corpus(corpus, args.real, letters=args.letters)
    out(
        f"corpus: {args.real:,} distinct documents, {size / args.real / 1e3:.1f} KB each"
        f" (templates: {args.letters})"
    )

    t = time.perf_counter()
    docs, extract_cpu = extract_all(corpus, 2)
    extract_s = time.perf_counter() - t
    out("\n1. ingest with the real extractor (kamerlens ingest: extract, write, link, index)")
    for workers in (int(w) for w in args.workers.split(",")):
        r = real_ingest(work / f"real_w{workers}.db", corpus, workers)
        main_cpu = r["main_cpu"] / r["stored"]
        # what two free cores allow: the workers need extract_cpu per document, the writer
        # main_cpu; the machine was shared with other jobs (load average shown)
        bound = min(workers / extract_cpu, 2 / (extract_cpu + main_cpu))
        out(
            f"  {workers} worker(s): {r['stored'] / r['total']:6.0f} docs/s measured"
            f" ({r['stored']:,} stored, {r['failed']} refused by the extractor;"
            f" extract+write {r['ingest']:.1f} s, link {r['link']:.1f} s, index {r['index']:.1f} s;"
            f" load average {r['load']:.1f} on 2 cores)"
        )
        out(
            f"      CPU per document: extraction {extract_cpu * 1e3:.1f} ms (workers, all files),"
            f" writer {main_cpu * 1e3:.2f} ms -> {bound:,.0f} docs/s on {min(workers, 2)} free"
            f" core(s) for the workers"
        )

    records = work / "records.pkl"
    records.write_bytes(pickle.dumps(docs))
    r = real_ingest(work / "replayed.db", corpus, 2, ReplayClient(records, 2))
    out(
        f"  writer-bound, the same pipeline with the records extracted beforehand (2 worker"
        f" processes hand them back): {r['stored'] / r['total']:,.0f} docs/s"
        f" (write {r['ingest']:.1f} s, link {r['link']:.1f} s, index {r['index']:.1f} s);"
        f" writer CPU {r['main_cpu'] / r['stored'] * 1e3:.2f} ms per document;"
        f" load average {r['load']:.1f}"
    )
    if args.memory:
        m = memory_run(work, args.memory, args.letters)
        k = args.memory
        out(
            f"  memory, kamerlens ingest --workers 2 of {k:,} documents: writer RSS"
            f" {m.get('writer_1000', 0):.0f} MB after 1,000 stored,"
            f" {m.get(f'writer_{k // 2}', 0):.0f} MB after {k // 2:,},"
            f" {m.get(f'writer_{k}', 0):.0f} MB after {k:,} (the SQLite page cache and the index"
            f" writer's buffer, 64 MB each, fill first); writer peak {m['writer_peak']:.0f} MB"
            f" (link stage and index"
            f" commit included); largest worker {m.get('worker_1000', 0):.0f} MB and"
            f" {m.get(f'worker_{k}', 0):.0f} MB; {k / m['seconds']:.0f} docs/s"
        )

    out("\n2. the store's own share: the same records, extracted beforehand, replayed")
    out(f"  (extracted {len(docs):,} documents in {extract_s:.1f} s with 2 workers beforehand)")
    store = fresh(work / "replay.db")
    seconds = replay(store, docs)
    t = time.perf_counter()
    link_new(store)
    link_s = time.perf_counter() - t
    t = time.perf_counter()
    store.close()
    index_s = time.perf_counter() - t
    out(
        f"  write {len(docs) / seconds:,.0f} docs/s; link stage {len(docs) / link_s:,.0f} docs/s;"
        f" search index commit {len(docs) / index_s:,.0f} docs/s"
    )

    out(f"\n3. growing to {args.total:,} documents without extraction (consistent variants)")
    db = work / "big.db"
    store = fresh(db)
    replay(store, docs)
    link_new(store)
    rng = random.Random(5)
    made = write_s = 0.0
    i = len(docs)
    while i < args.total:
        t = time.perf_counter()
        batch = [
            variant(docs[j % len(docs)], j, rng, rares) for j in range(i, min(args.total, i + 5000))
        ]
        made += time.perf_counter() - t
        write_s += replay(store, batch)
        i += len(batch)
    grown = args.total - len(docs)
    t = time.perf_counter()
    counts = link_new(store)
    link_s = time.perf_counter() - t
    t = time.perf_counter()
    store.close()
    index_s = time.perf_counter() - t
    rate = grown / max(write_s, 1e-9)
    out(
        f"  {grown:,} variants made in {made:.1f} s; written at {rate:,.0f} docs/s"
        f" (search index committed every 20,000 or 30 s meanwhile); link stage (link_new)"
        f" over them {link_s:.1f} s ({counts}); final index commit {index_s:.1f} s"
    )
    db_bytes = sum(
        Path(f"{db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db}{s}").exists()
    )
    index_bytes = dir_size(Path(f"{db}.tantivy"))
    out(
        f"  store size: SQLite {db_bytes / 1e6:,.0f} MB = {db_bytes / args.total / 1e3:.1f} KB per"
        f" document (raw source, text, items, FTS5); tantivy index {index_bytes / 1e6:,.0f} MB ="
        f" {index_bytes / args.total / 1e3:.1f} KB per document"
    )

    out()
    with SqliteStore(db, readonly=True, text_index=False) as s:
        dossiers = [
            r["dossier"]
            for r in s._rows(
                "SELECT dossier FROM documents WHERE dossier IS NOT NULL ORDER BY random() LIMIT 20"
            )
        ]
    search_report(out, db, queries(rares, dossiers), args.total)
    later_ingest(out, db, docs, args.total)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text("\n".join(out.lines) + "\n", "utf-8")
    print(f"\nwritten to {args.results}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

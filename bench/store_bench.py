"""Store benchmark: ingest docs/s per worker count, store size per document, search latency.

    python bench/store_bench.py                 # the issue's size: 100,000 documents
    python bench/store_bench.py --docs 3000     # a quick check
    python bench/store_bench.py --docs 5000 --search-docs 100000

A synthetic corpus is made from the bundled example letters (examples/letters/*.txt): dossier
and document numbers, amounts, dates, names and a rare word per document are varied, so every
file is distinct. Each worker count ingests the whole corpus into a fresh store through the real
``kamerlens ingest`` path (extraction in worker processes, one transaction per document).
``--search-docs`` grows the searched store to that many documents by cloning stored texts with
fresh rare words (no extraction; FTS rebuilt), then 200 mixed queries (broad and rare words,
phrases, prefixes, NOT) are timed with FTS5 (bm25 + snippet, as ``kamerlens search`` runs them)
and, for comparison, with a tantivy index of the same texts.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kamerlens.store import SearchQuery, open_store  # noqa: E402
from kamerlens.store.batch import ingest  # noqa: E402

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
NAMES = (
    "Jansen",
    "De Vries",
    "Van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "De Boer",
    "Mulder",
    "De Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Van Leeuwen",
    "Dekker",
)
SYLLABLES = ("ka", "lo", "mer", "dis", "tra", "vel", "pon", "rik", "sel", "zu", "bar", "tin")
BROAD = (
    "navo",
    "oekraine",
    "steun",
    "kamer",
    "minister",
    "nederland",
    "regering",
    "europese",
    "infrastructuur",
    "brief",
)
MIXED = (
    '"vitale infrastructuur"',
    "navo NOT china",
    "steun AND oekraine",
    "infra*",
    "minist*",
    "ucap OR trustfund",
    "NEAR(steun oekraine, 5)",
    "motie AND regering",
)


def rare_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(4))


def make_corpus(folder: Path, n: int, seed: int = 1) -> tuple[int, list[str]]:
    """Write n varied documents; returns (bytes written, a sample of the rare words used)."""
    rng = random.Random(seed)
    templates = [
        p.read_text("utf-8") for p in sorted((ROOT / "examples" / "letters").glob("*.txt"))
    ]
    folder.mkdir(parents=True, exist_ok=True)
    total, rares = 0, []
    for i in range(n):
        text = templates[i % len(templates)]
        text = text.replace("28 676", f"{rng.randrange(21000, 36999):,}".replace(",", " "))
        text = text.replace("nr. 4", f"nr. {rng.randrange(1, 9)}")
        text = text.replace("miljoen", f"{rng.randrange(2, 900)} miljoen", 1)
        for month in MONTHS:
            if month in text:
                text = text.replace(month, rng.choice(MONTHS), 1)
        text = text.replace("2023", str(rng.randrange(2001, 2026)), 2)
        word = rare_word(rng)
        if i % 50 == 0:
            rares.append(word)
        text += f"\n\nOpgesteld door {rng.choice(NAMES)} ({word}), volgnummer {i}.\n"
        data = text.encode("utf-8")
        (folder / f"doc_{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total, rares


def grow(db: Path, target: int, seed: int = 2) -> list[str]:
    """Clone stored texts (with a fresh rare word each) until the store holds ``target`` docs."""
    import sqlite3

    rng = random.Random(seed)
    conn = sqlite3.connect(db, isolation_level=None)
    have = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    base = conn.execute("SELECT doc_id, title, text FROM texts ORDER BY id").fetchall()
    rares: list[str] = []
    conn.execute("BEGIN")
    for i in range(max(0, target - have)):
        doc_id, title, text = base[i % len(base)]
        word = rare_word(rng)
        if i % 500 == 0:
            rares.append(word)
        new_id = f"clone-{i}"
        conn.execute(
            "INSERT INTO documents (doc_id, sha256, source, format, kind, title, date,"
            " ingested_at, extractor_version) SELECT ?, ?, source, format, kind, title,"
            " printf('%04d-%02d-%02d', ?, ?, ?), ingested_at, extractor_version FROM documents"
            " WHERE doc_id = ?",
            (
                new_id,
                f"clone{i:060d}",
                rng.randrange(2001, 2026),
                rng.randrange(1, 13),
                rng.randrange(1, 29),
                doc_id,
            ),
        )
        conn.execute(
            "INSERT INTO texts (doc_id, title, text) VALUES (?, ?, ?)",
            (new_id, title, text + f" {word}"),
        )
    conn.execute("COMMIT")
    conn.execute("INSERT INTO search (search) VALUES ('rebuild')")
    conn.close()
    return rares


def queries(rares: list[str], n: int = 200, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        kind = i % 4
        if kind == 0:
            out.append(rng.choice(BROAD))
        elif kind == 1:
            out.append(rng.choice(rares) if rares else rng.choice(BROAD))
        elif kind == 2:
            out.append(rng.choice(MIXED))
        else:
            out.append(f"{rng.choice(BROAD)} {rng.choice(BROAD)}")
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def bench_fts(db: Path, qs: list[str]) -> list[float]:
    store = open_store(db)
    times = []
    for q in qs:
        t = time.perf_counter()
        store.search(SearchQuery(q, limit=20))
        times.append((time.perf_counter() - t) * 1000)
    store.close()
    return times


def bench_tantivy(db: Path, qs: list[str], folder: Path) -> tuple[list[float], float]:
    import sqlite3

    import tantivy

    from kamerlens.store.search import to_fts

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("doc_id", stored=True)
    builder.add_text_field("title", stored=True)
    builder.add_text_field("text", stored=True)
    schema = builder.build()
    folder.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(schema, path=str(folder))
    writer = index.writer(heap_size=256_000_000)
    t = time.perf_counter()
    conn = sqlite3.connect(db)
    for doc_id, title, text in conn.execute("SELECT doc_id, title, text FROM texts"):
        writer.add_document(tantivy.Document(doc_id=doc_id, title=title, text=text))
    writer.commit()
    writer.wait_merging_threads()
    build = time.perf_counter() - t
    index.reload()
    searcher = index.searcher()
    times = []
    for q in qs:
        expr = to_fts(q).replace("NEAR(", "(").replace(", 5)", ")")
        t = time.perf_counter()
        try:
            parsed = index.parse_query(expr, ["title", "text"])
        except ValueError:
            parsed = index.parse_query(q.strip('"'), ["title", "text"])
        hits = searcher.search(parsed, 20).hits
        gen = tantivy.SnippetGenerator.create(searcher, parsed, schema, "text")
        for _, address in hits:
            gen.snippet_from_doc(searcher.doc(address)).to_html()
        times.append((time.perf_counter() - t) * 1000)
    return times, build


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000, help="documents to ingest per run")
    ap.add_argument("--workers", default="1,2", help="worker counts to measure, e.g. 1,2")
    ap.add_argument(
        "--search-docs",
        type=int,
        default=0,
        help="grow the searched store to this many documents (default: --docs)",
    )
    ap.add_argument("--no-tantivy", action="store_true", help="skip the tantivy comparison")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kamerlens-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus"
    t = time.perf_counter()
    size, rares = make_corpus(corpus, args.docs)
    print(
        f"corpus: {args.docs} documents, {size / 1e6:.1f} MB ({size / args.docs / 1e3:.1f} KB"
        f" each), made in {time.perf_counter() - t:.1f} s"
    )
    db = None
    for workers in (int(w) for w in args.workers.split(",")):
        db = work / f"store_w{workers}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        store = open_store(db)
        summary = ingest(store, [corpus], workers=workers)
        store.close()
        bytes_ = db.stat().st_size
        print(
            f"ingest, {workers} worker(s): {summary.stored} stored in {summary.seconds:.1f} s"
            f" = {summary.stored / summary.seconds:.0f} docs/s; store {bytes_ / 1e6:.1f} MB"
            f" = {bytes_ / max(summary.stored, 1) / 1e3:.1f} KB/document;"
            f" failed {len(summary.failed)}; items {sum(summary.items.values())}"
        )
    assert db is not None
    if args.search_docs and args.search_docs > args.docs:
        t = time.perf_counter()
        rares += grow(db, args.search_docs)
        print(
            f"grown to {args.search_docs} documents in {time.perf_counter() - t:.1f} s;"
            f" store {db.stat().st_size / 1e6:.1f} MB"
        )
    qs = queries(rares)
    times = bench_fts(db, qs)
    n = args.search_docs or args.docs
    print(
        f"search FTS5 (bm25 + snippets, limit 20) over {n} documents, {len(qs)} queries:"
        f" p50 {pct(times, 50):.1f} ms, p95 {pct(times, 95):.1f} ms, max {max(times):.1f} ms,"
        f" mean {statistics.mean(times):.1f} ms"
    )
    broad = [tm for q, tm in zip(qs, times, strict=True) if q in BROAD]
    print(f"  broad single words: p50 {pct(broad, 50):.1f} ms, p95 {pct(broad, 95):.1f} ms")
    if not args.no_tantivy:
        ttimes, build = bench_tantivy(db, qs, work / "tantivy")
        print(
            f"search tantivy (top 20 + snippets) same queries: p50 {pct(ttimes, 50):.1f} ms,"
            f" p95 {pct(ttimes, 95):.1f} ms; index built in {build:.1f} s"
        )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Benchmark of kamerlens extraction: documents/s and MB/s of normalize + extract, pages/s of PDF.

    .venv/bin/python bench/extract_bench.py                # ~3,000 documents in a temp folder
    .venv/bin/python bench/extract_bench.py --docs 6000 --keep   # corpus kept in bench/corpus/
    .venv/bin/python bench/extract_bench.py --json         # figures as one JSON object

What it does, in one process on one core (the goal is per core):
1. builds a corpus from the bundled examples: text variants of every letter in examples/letters
   (numbers, dates and member names varied, paragraphs of other letters mixed in, so no two
   documents are alike), plus copies of the bundled PDFs, VLOS minutes and publication XML;
2. reads every document once (ingest, timed apart), then times ``extract_raw`` (normalize +
   every pipeline component + building the record) over the whole corpus, after a warm-up;
3. times each pipeline component separately (kamerlens.extract.pipeline.REGISTRY in the order
   of kamerlens.extract.PIPELINE) over the same corpus, to show which rule is slow;
4. builds a 200+ page PDF from the example PDFs' pages and times PDF ingest (pages/s), with bare
   pypdfium2 text extraction alongside as the floor; and the same for a real Handelingen PDF in
   two columns (27 pages, ``tests/real/docs``), which ingest reads in reading order from the
   character boxes (``--pdf-only`` times just these two).

MB/s counts the UTF-8 bytes of the ingested text (``RawDocument.text``), i.e. text, not file size.
A document that fails to ingest or extract is counted and reported, never fatal: extractors
are still being written while this runs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
COLUMNS_PDF = ROOT / "tests" / "real" / "docs" / "handelingen_lnv_begroting_2024_pdf.pdf"
EXAMPLES = ROOT / "examples"
FLOOR_MB_S = 4.0  # issue 11: normalize + extract per core
GOAL_MB_S = 6.0
REAL_DOCS = ROOT / "tests" / "real" / "docs"

# The bare baseline: seven typical regular expressions of the components (a citation, a sum, a
# date, a commitment's auxiliary, a motion's head, a speaker label, an organisation), each run
# over the whole text once. What a pipeline that did nothing but scan could reach.
BASELINE = {
    "reference": r"\b[Kk]amerstuk(?:ken)?\s+(?:I+\s+)?\d{5}(?:-[A-Z0-9]+)?,?\s+nr\.\s*\d+",
    "amount": r"(?:€|EUR)\s*\d+(?:[.,]\d+)*(?:\s+(?:miljoen|miljard|duizend))?",
    "date": r"\b\d{1,2}\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september"
    r"|oktober|november|december)(?:\s+\d{4})?",
    "commitment": r"\b(?:zal|zullen)\s+(?:ik|wij|we|het\s+kabinet)\b",
    "motion": r"(?i)\bverzoekt\s+de\s+regering\b",
    "speaker": r"(?m)^(?:De\s+voorzitter|Minister\s+\w+|Staatssecretaris\s+\w+)\s*:",
    "entity": r"\b(?:de\s+)?(?:Europese\s+Commissie|NAVO|Verenigde\s+Naties|Oekraïne)\b",
}

_MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip
_SURNAMES = [
    "De Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "De Boer", "Mulder", "De Groot",
    "Bos", "Vos", "Peters", "Hendriks", "Van Leeuwen", "Dekker", "Brouwer", "De Wit", "Dijkstra",
    "Smits", "De Graaf", "Van der Meer", "Kok", "Jacobs", "Van den Berg", "Vermeulen", "Willems",
    "Kuipers", "Postma", "Koster", "Prins",
]  # fmt: skip
# Member names in motion citations: "motie van het lid X", "Motie X c.s.", "de leden X en Y".
_MEMBER = re.compile(
    r"\b((?:lid|leden|Motie|motie) )((?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er) )*[A-Z][a-z]+)"
)
_DATE = re.compile(r"\b([1-9]|[12][0-9]|3[01]) (" + "|".join(_MONTHS) + r")\b")
_YEAR = re.compile(r"\b(19[5-9][0-9]|20[0-4][0-9])\b")
_NUMBER = re.compile(r"\b[0-9]{3,}\b")  # days (1-31) are left to _DATE


# --------------------------------------------------------------------------- the corpus


def _vary_text(text: str, rng: random.Random) -> str:
    """The same kind of letter with other numbers, dates and members: the rules see new input."""
    shift = rng.randint(-6, 6)
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    text = _DATE.sub(lambda m: f"{rng.randint(1, 28)} {rng.choice(_MONTHS)}", text)
    text = _MEMBER.sub(lambda m: m.group(1) + rng.choice(_SURNAMES), text)

    def number(m: re.Match[str]) -> str:
        digits = m.group(0)
        if _YEAR.fullmatch(digits):
            return digits
        return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))

    return _NUMBER.sub(number, text)


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def build_corpus(folder: Path, n_docs: int, seed: int = 20240601) -> dict[str, int]:
    """Write about ``n_docs`` documents into ``folder``; return how many of each sort."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    letters = [p.read_text(encoding="utf-8") for p in sorted((EXAMPLES / "letters").glob("*.txt"))]
    if not letters:
        raise SystemExit(f"no letters in {EXAMPLES / 'letters'}")
    pool = [p for text in letters for p in _paragraphs(text)]
    binaries = sorted((EXAMPLES / "pdf").glob("*.pdf"))
    binaries += sorted((EXAMPLES / "vlos").glob("*.xml"))
    binaries += sorted(p for p in (EXAMPLES / "xml").glob("*.xml"))
    # About one document in twenty is a real binary source; the rest are text letters.
    n_copies = max(1, n_docs // 20 // max(1, len(binaries)))
    counts = {"text": 0, "pdf": 0, "xml": 0}
    for i in range(n_docs - n_copies * len(binaries)):
        base = letters[i % len(letters)]
        extra = rng.sample(pool, k=rng.randint(0, 4))  # vary the length and the mix
        text = _vary_text("\n\n".join([base, *extra]), rng)
        (folder / f"letter_{i:05d}.txt").write_text(text, encoding="utf-8")
        counts["text"] += 1
    for path in binaries:
        for k in range(n_copies):
            shutil.copyfile(path, folder / f"{path.stem}_{k:03d}{path.suffix}")
            counts["pdf" if path.suffix == ".pdf" else "xml"] += 1
    return counts


def build_long_pdf(dest: Path, min_pages: int = 200) -> int:
    """Concatenate the example PDFs' pages until the document has at least ``min_pages``."""
    import pypdfium2

    sources = [pypdfium2.PdfDocument(p) for p in sorted((EXAMPLES / "pdf").glob("*.pdf"))]
    if not sources:
        raise SystemExit(f"no PDFs in {EXAMPLES / 'pdf'}")
    pdf = pypdfium2.PdfDocument.new()
    while len(pdf) < min_pages:
        for src in sources:
            pdf.import_pages(src)
    pdf.save(dest)
    pages = len(pdf)
    pdf.close()
    for src in sources:
        src.close()
    return pages


# --------------------------------------------------------------------------- timing


@dataclass
class Run:
    docs: int = 0
    text_bytes: int = 0
    seconds: float = 0.0  # CPU seconds of this process: the per-core cost, blind to other load
    wall: float = 0.0  # wall-clock seconds of the whole loop
    failures: dict[str, int] = field(default_factory=dict)

    def fail(self, exc: BaseException) -> None:
        key = f"{type(exc).__name__}: {str(exc).split(': ')[-1][:80]}"
        self.failures[key] = self.failures.get(key, 0) + 1

    def figures(self) -> dict[str, Any]:
        secs, wall = max(self.seconds, 1e-9), max(self.wall, 1e-9)
        return {
            "documents": self.docs,
            "text_mb": round(self.text_bytes / 1e6, 3),
            "cpu_seconds": round(self.seconds, 3),
            "wall_seconds": round(self.wall, 3),
            "docs_per_s": round(self.docs / secs, 1),
            "mb_per_s": round(self.text_bytes / 1e6 / secs, 3),
            "wall_mb_per_s": round(self.text_bytes / 1e6 / wall, 3),
            "failed": sum(self.failures.values()),
            "failures": self.failures,
        }


def _timed(func: Callable[[], Any]) -> tuple[Any, float]:
    """The result and the CPU seconds it took (process time: the machine may be shared)."""
    start = time.process_time()
    result = func()
    return result, time.process_time() - start


def ingest_all(paths: list[Path]) -> tuple[list[Any], Run]:
    from kamerlens.ingest import read

    run = Run()
    raws = []
    started = time.perf_counter()
    for path in paths:
        try:
            raw, secs = _timed(lambda p=path: read(p))
        except Exception as exc:  # noqa: BLE001  a failing reader is a figure, not the end
            run.fail(exc)
            continue
        run.seconds += secs
        run.docs += 1
        run.text_bytes += len(raw.text.encode("utf-8"))
        raws.append(raw)
    run.wall = time.perf_counter() - started
    return raws, run


def extract_all(raws: list[Any], repeat: int = 1) -> Run:
    """normalize + extract (``extract_raw``) of every document; the best of ``repeat`` rounds."""
    from kamerlens.extract import extract_raw

    best: Run | None = None
    for _ in range(repeat):
        run = Run()
        started = time.perf_counter()
        for raw in raws:
            try:
                _, secs = _timed(lambda r=raw: extract_raw(r))
            except Exception as exc:  # noqa: BLE001
                run.fail(exc)
                continue
            run.seconds += secs
            run.docs += 1
            run.text_bytes += len(raw.text.encode("utf-8"))
        run.wall = time.perf_counter() - started
        if best is None or run.seconds < best.seconds:
            best = run
    assert best is not None
    return best


def baseline(raws: list[Any], repeat: int = 3) -> dict[str, Any]:
    """MB/s of the seven bare regular expressions of BASELINE over the same texts (the best of
    ``repeat`` rounds), all seven in turn: the figure normalize + extract is set beside."""
    patterns = [re.compile(p) for p in BASELINE.values()]
    texts = [raw.text for raw in raws]
    size = sum(len(t.encode("utf-8")) for t in texts)

    def once() -> int:
        return sum(1 for t in texts for p in patterns for _ in p.finditer(t))

    best = min(_timed(once)[1] for _ in range(repeat))
    return {"text_mb": round(size / 1e6, 3), "mb_per_s": round(size / 1e6 / best, 2)}


def real_documents(repeat: int = 3) -> dict[str, Any]:
    """normalize + extract of the real documents of tests/real/docs (the best of ``repeat``)."""
    paths = sorted(p for p in REAL_DOCS.iterdir() if p.is_file())
    raws, _ = ingest_all(paths)
    extract_all(raws)  # warm-up
    run = extract_all(raws, repeat=repeat)
    return {**run.figures(), "baseline": baseline(raws)}


def scan_engines(raws: list[Any], re2_docs: int = 10) -> dict[str, Any]:
    """The one scan's database run sentence by sentence over the corpus with Hyperscan, and the
    same loosened patterns as one RE2 set (over the first ``re2_docs`` documents: it is slow)."""
    from kamerlens.extract import scan
    from kamerlens.extract.sentences import split
    from kamerlens.normalize import normalize

    data = scan._database()
    texts = [normalize(raw).text for raw in raws]
    spans = [split(t) for t in texts]
    out: dict[str, Any] = {"expressions": len(data.expression_bits)}
    if data.db is not None:
        _, secs = _timed(lambda: [scan.Scan(t, s) for t, s in zip(texts, spans, strict=True)])
        size = sum(len(t.encode("utf-8")) for t in texts)
        out["hyperscan_mb_per_s"] = round(size / 1e6 / secs, 1)
    try:
        import re2
    except ImportError:
        out["re2"] = "google-re2 not installed"
        return out
    expressions = [e.decode("utf-8") for e in scan._expressions()]
    started = time.process_time()
    sets = re2.Set.SearchSet(re2.Options())
    for e in expressions:
        sets.Add("(?is)" + e)
    sets.Compile()
    out["re2_compile_s"] = round(time.process_time() - started, 3)
    few = list(zip(texts[:re2_docs], spans[:re2_docs], strict=True))

    def run() -> None:
        for t, ss in few:
            for s, e in ss:
                sets.Match(t[s:e])

    _, secs = _timed(run)
    size = sum(len(t.encode("utf-8")) for t, _ in few)
    out["re2_mb_per_s"] = round(size / 1e6 / secs, 2)
    return out


def components(raws: list[Any]) -> dict[str, Any]:
    """Seconds spent in normalize and in each pipeline component, over the whole corpus."""
    from kamerlens.extract import PIPELINE
    from kamerlens.extract.pipeline import REGISTRY, Doc
    from kamerlens.normalize import normalize

    spent = {name: 0.0 for name in ("normalize", *PIPELINE)}
    per_doc: dict[str, list[float]] = {name: [] for name in spent}
    failed: dict[str, int] = {}
    for raw in raws:
        try:
            norm, secs = _timed(lambda r=raw: normalize(r))
        except Exception:  # noqa: BLE001
            failed["normalize"] = failed.get("normalize", 0) + 1
            continue
        spent["normalize"] += secs
        per_doc["normalize"].append(secs)
        doc = Doc(raw=raw, norm=norm)
        for name in PIPELINE:
            try:
                _, secs = _timed(lambda n=name, d=doc: REGISTRY[n].func(d))
            except Exception:  # noqa: BLE001  later components may still run on what is there
                failed[name] = failed.get(name, 0) + 1
                continue
            spent[name] += secs
            per_doc[name].append(secs)
    total = sum(spent.values()) or 1e-9
    rows = []
    for name, secs in spent.items():
        times = per_doc[name]
        rows.append(
            {
                "component": name,
                "seconds": round(secs, 4),
                "share": round(secs / total, 4),
                "median_ms": round(1000 * statistics.median(times), 3) if times else None,
                "max_ms": round(1000 * max(times), 2) if times else None,
                "failed": failed.get(name, 0),
            }
        )
    return {"total_seconds": round(total, 3), "components": rows}


def pdf_ingest(path: Path, pages: int, repeat: int = 3) -> dict[str, Any]:
    """pages/s of kamerlens's PDF ingest, and of bare pypdfium2 text extraction as the floor."""
    import pypdfium2

    from kamerlens.ingest import read

    def bare() -> int:
        pdf = pypdfium2.PdfDocument(path)
        text = "\f".join(page.get_textpage().get_text_range() for page in pdf)
        pdf.close()
        return len(text)

    out: dict[str, Any] = {"pages": pages, "bytes": path.stat().st_size}
    _, secs = min((_timed(bare) for _ in range(repeat)), key=lambda r: r[1])
    out["pypdfium2_pages_per_s"] = round(pages / secs, 1)
    try:
        timings = [_timed(lambda: read(path)) for _ in range(repeat)]
    except Exception as exc:  # noqa: BLE001
        out["error"] = f"{type(exc).__name__}: {exc}"
        return out
    raw, secs = min(timings, key=lambda r: r[1])
    out["ingest_seconds"] = round(secs, 3)
    out["ingest_pages_per_s"] = round(pages / secs, 1)
    out["ingest_text_mb"] = round(len(raw.text.encode("utf-8")) / 1e6, 3)
    try:
        from kamerlens.extract import extract_raw

        _, secs = _timed(lambda: extract_raw(raw))
        out["extract_seconds"] = round(secs, 3)
        out["extract_pages_per_s"] = round(pages / secs, 1)
    except Exception as exc:  # noqa: BLE001
        out["extract_error"] = f"{type(exc).__name__}: {exc}"
    return out


# --------------------------------------------------------------------------- report


def _print_report(result: dict[str, Any]) -> None:
    corpus, ingest, extract = result["corpus"], result["ingest"], result["extract"]
    print(f"corpus: {corpus['documents']} documents ({corpus['sorts']}) in {corpus['folder']}")
    print(
        f"        {extract['text_mb']} MB of text; one process, one core "
        f"(of {result['cpu_count']}); python {result['python']}"
    )
    print()
    print(
        f"ingest             {ingest['docs_per_s']:>9} docs/s  {ingest['mb_per_s']:>7} MB/s"
        f"   ({ingest['documents']} read, {ingest['failed']} failed)"
    )
    print(
        f"normalize+extract  {extract['docs_per_s']:>9} docs/s  {extract['mb_per_s']:>7} MB/s"
        f"   ({extract['documents']} extracted, {extract['failed']} failed)"
        f"  {_mark(extract['mb_per_s'])}\n"
        f"                   (wall clock: {extract['wall_mb_per_s']} MB/s; rates above are per"
        " CPU second of this process)"
    )
    print(f"seven bare regexes                  {result['baseline']['mb_per_s']:>7} MB/s")
    real = result["real"]
    print(
        f"real documents     {real['docs_per_s']:>9} docs/s  {real['mb_per_s']:>7} MB/s"
        f"   ({real['documents']} of tests/real/docs, {real['text_mb']} MB)"
        f"  {_mark(real['mb_per_s'])}; seven bare regexes {real['baseline']['mb_per_s']} MB/s"
    )
    engines = result["scan"]
    print(
        f"the one scan ({engines['expressions']} loosened patterns, sentence by sentence):"
        f" Hyperscan {engines.get('hyperscan_mb_per_s', '-')} MB/s,"
        f" RE2 set {engines.get('re2_mb_per_s', engines.get('re2'))} MB/s"
        f" (compiled in {engines.get('re2_compile_s', '-')} s)"
    )
    for what in (ingest, extract):
        for failure, n in sorted(what["failures"].items(), key=lambda kv: -kv[1])[:5]:
            print(f"    {n:>5} x {failure}")
    print()
    print(f"{'component':<16} {'CPU s':>8} {'share':>6} {'median ms':>10} {'max ms':>8} failed")
    for row in sorted(result["components"]["components"], key=lambda r: -r["seconds"]):
        median = "-" if row["median_ms"] is None else f"{row['median_ms']:.3f}"
        worst = "-" if row["max_ms"] is None else f"{row['max_ms']:.2f}"
        print(
            f"{row['component']:<16} {row['seconds']:>8.3f} {100 * row['share']:>5.1f}% "
            f"{median:>10} {worst:>8} {row['failed']:>6}"
        )
    _print_pdf(result["pdf"], "decision lists, one column")
    if "pdf_columns" in result:
        _print_pdf(result["pdf_columns"], "Handelingen, two columns")


def _mark(mb_per_s: float) -> str:
    if mb_per_s >= GOAL_MB_S:
        return f"goal {GOAL_MB_S} MB/s reached"
    if mb_per_s >= FLOOR_MB_S:
        return f"floor {FLOOR_MB_S} MB/s reached, goal {GOAL_MB_S} not"
    return f"BELOW the {FLOOR_MB_S} MB/s floor"


def _print_pdf(pdf: dict[str, Any], what: str) -> None:
    print()
    print(f"PDF of {pdf['pages']} pages ({pdf['bytes'] / 1e6:.1f} MB, {what}):")
    print(f"  bare pypdfium2 text        {pdf['pypdfium2_pages_per_s']:>8} pages/s")
    if "error" in pdf:
        print(f"  kamerlens ingest           failed: {pdf['error']}")
        return
    print(f"  kamerlens ingest           {pdf['ingest_pages_per_s']:>8} pages/s")
    if "extract_pages_per_s" in pdf:
        print(f"  normalize+extract of it    {pdf['extract_pages_per_s']:>8} pages/s")
    else:
        print(f"  normalize+extract of it    failed: {pdf.get('extract_error')}")


def _page_count(path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


def _pdf_only(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="kamerlens-bench-") as tmp:
        long_pdf = Path(tmp) / "long.pdf"
        pages = build_long_pdf(long_pdf, args.pdf_pages)
        result = {
            "pdf": pdf_ingest(long_pdf, pages),
            "pdf_columns": pdf_ingest(COLUMNS_PDF, _page_count(COLUMNS_PDF)),
        }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        _print_pdf(result["pdf"], "decision lists, one column")
        _print_pdf(result["pdf_columns"], "Handelingen, two columns")
    return 0


def _corpus_folder(keep: bool) -> Iterator[Path]:
    if keep:
        folder = ROOT / "bench" / "corpus"
        shutil.rmtree(folder, ignore_errors=True)
        yield folder
        return
    with tempfile.TemporaryDirectory(prefix="kamerlens-bench-") as tmp:
        yield Path(tmp)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=3000, help="documents in the corpus")
    parser.add_argument("--repeat", type=int, default=1, help="extract rounds (best is kept)")
    parser.add_argument("--pdf-pages", type=int, default=200, help="pages of the long PDF")
    parser.add_argument("--keep", action="store_true", help="keep the corpus in bench/corpus/")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--pdf-only", action="store_true", help="time only the PDF ingest")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    if args.pdf_only:
        return _pdf_only(args)

    for folder in _corpus_folder(args.keep):
        sorts = build_corpus(folder, args.docs)
        paths = sorted(p for p in folder.iterdir() if p.is_file())
        long_pdf = folder / "long.pdf"
        pages = build_long_pdf(long_pdf, args.pdf_pages)
        raws, ingest = ingest_all(paths)
        extract_all(raws[: min(50, len(raws))])  # warm-up: lazy data files, regex caches
        extract = extract_all(raws, repeat=args.repeat)
        result = {
            "python": sys.version.split()[0],
            "cpu_count": os.cpu_count(),
            "corpus": {
                "documents": len(paths),
                "sorts": sorts,
                "folder": str(folder),
            },
            "ingest": ingest.figures(),
            "extract": extract.figures(),
            "baseline": baseline(raws),
            "real": real_documents(),
            "scan": scan_engines(raws),
            "components": components(raws),
            "pdf": pdf_ingest(long_pdf, pages),
            "pdf_columns": pdf_ingest(COLUMNS_PDF, _page_count(COLUMNS_PDF)),
            "floor_mb_per_s": FLOOR_MB_S,
            "goal_mb_per_s": GOAL_MB_S,
        }
        if args.json:
            print(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            _print_report(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

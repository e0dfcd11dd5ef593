"""Golden outputs of normalize + extract: the safety net of speed work (output must not change).

    .venv/bin/python bench/golden_outputs.py write /tmp/golden.json          # digest of this tree
    .venv/bin/python bench/golden_outputs.py compare /tmp/golden.json        # this tree vs digest
    PYTHONPATH=/tmp/base/src .venv/bin/python bench/golden_outputs.py write /tmp/golden.json
        # digest of another copy of the code (e.g. ``git archive HEAD``), to compare against

It extracts every file under examples/ and tests/real/docs plus a generated bench corpus
(``--docs`` documents of bench/extract_bench.py's generator, fixed seed, and one long PDF of
``--long-pages``) and keeps the full ``Record.to_dict()`` of each, keyed by file name. A
document that fails keeps its error line, so a changed failure shows too. ``compare`` names
every document whose record differs and the first fields that differ.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
REAL = ROOT / "tests" / "real" / "docs"
sys.path.insert(0, str(ROOT / "bench"))


def _documents(folder: Path, n_docs: int, seed: int, long_pages: int) -> list[tuple[str, Path]]:
    from extract_bench import build_corpus, build_long_pdf

    build_corpus(folder, n_docs, seed=seed)
    if long_pages:  # one long document: costs that grow faster than the text show there
        # built once and kept: a PDF written anew differs in its bytes (and so in its sha256)
        kept = Path(tempfile.gettempdir()) / f"kamerlens-golden-long-{long_pages}.pdf"
        if not kept.exists():
            build_long_pdf(kept, long_pages)
        shutil.copyfile(kept, folder / "long.pdf")
    examples = sorted(p for p in EXAMPLES.rglob("*") if p.is_file() and p.suffix != ".md")
    named = [(f"examples/{p.relative_to(EXAMPLES)}", p) for p in examples]
    named += [(f"real/{p.name}", p) for p in sorted(REAL.iterdir()) if p.is_file()]
    named += [(f"corpus/{p.name}", p) for p in sorted(folder.iterdir()) if p.is_file()]
    return named


def _digest(path: Path, folder: Path) -> dict[str, Any]:
    from kamerlens.extract import extract

    try:
        record = extract(path)
    except Exception as exc:  # noqa: BLE001  a failure is part of the output to keep
        return {"error": f"{type(exc).__name__}: {exc}"}
    # the record names its source path: the corpus folder is written as "{corpus}" and this
    # tree as "{root}", so that runs in different folders (two trees at once) compare alike
    blob = json.dumps(record.to_dict(), ensure_ascii=False)
    for place, mark in ((folder, "{corpus}"), (ROOT, "{root}")):
        blob = blob.replace(json.dumps(str(place))[1:-1], mark)
    return json.loads(blob)


def digests(n_docs: int, seed: int, long_pages: int = 0) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="kamerlens-golden-"))
    try:
        documents = _documents(folder, n_docs, seed, long_pages)
        return {name: _digest(path, folder) for name, path in documents}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _differences(old: Any, new: Any, where: str, out: list[str], limit: int = 5) -> None:
    """Up to ``limit`` paths where ``old`` and ``new`` differ, with both values cut short."""
    if len(out) >= limit or old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            _differences(old.get(key), new.get(key), f"{where}.{key}", out, limit)
        return
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            _differences(a, b, f"{where}[{i}]", out, limit)
        return
    out.append(f"{where}: {json.dumps(old, ensure_ascii=False)[:200]}")
    out.append(f"{' ' * len(where)}  -> {json.dumps(new, ensure_ascii=False)[:200]}")


def compare(saved: dict[str, Any], now: dict[str, Any]) -> int:
    changed = 0
    for name in sorted(set(saved) | set(now)):
        if saved.get(name) == now.get(name):
            continue
        changed += 1
        lines: list[str] = []
        _differences(saved.get(name), now.get(name), "", lines)
        print(f"DIFFERS {name}")
        for line in lines:
            print(f"    {line}")
    print(f"{len(now)} documents, {changed} differ")
    return 1 if changed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=("write", "compare"))
    parser.add_argument("file", type=Path, help="the digest file (JSON)")
    parser.add_argument("--docs", type=int, default=300, help="generated bench documents")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--long-pages", type=int, default=60, help="pages of one long PDF")
    args = parser.parse_args(argv)
    now = digests(args.docs, args.seed, args.long_pages)
    import kamerlens

    print(f"kamerlens from {Path(kamerlens.__file__).parent}", file=sys.stderr)
    if args.action == "write":
        blob = json.dumps(now, ensure_ascii=False, sort_keys=True)
        args.file.write_text(blob, encoding="utf-8")
        sha = hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]
        print(f"{len(now)} documents written to {args.file} (sha256 {sha})")
        return 0
    saved = json.loads(args.file.read_text(encoding="utf-8"))
    # Round-trip through JSON so tuples and lists compare alike.
    return compare(saved, json.loads(json.dumps(now, ensure_ascii=False)))


if __name__ == "__main__":
    raise SystemExit(main())

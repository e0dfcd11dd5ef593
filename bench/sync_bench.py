"""Sync speed from a local server, and how much of the Kamer's register kamerlens finds in text.

Serves the constructed SyncFeed fixtures (tests/fixtures/sync/) from 127.0.0.1, with the Document
feed replaced by N generated Documents (Word files made by tests/sync/docxkit.py, each a letter
of its own number) in pages of 50, and syncs every category into a new store. Prints entities/s
and documents/s (wall clock, requests spaced by the client's default polite rate switched off:
the server is local), then the share of the registered toezeggingen of the synced debates that
kamerlens linked to a commitment found in the debate's text.

    python bench/sync_bench.py [N]     (default 300)
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "sync"))
from docxkit import LETTER, LETTER_NOTES, build_docx  # noqa: E402
from feedserver import FIXTURES, FeedServer  # noqa: E402

from kamerlens.store import open_store  # noqa: E402
from kamerlens.sync.client import Client  # noqa: E402
from kamerlens.sync.run import sync  # noqa: E402

PAGE = 50


def _documents(root: Path, n: int) -> None:
    folder = root / "feed" / "Document"
    shutil.rmtree(folder)
    folder.mkdir()
    template = (FIXTURES / "feed" / "Document" / "start.xml").read_text(encoding="utf-8")
    head, rest = template.split("  <entry>", 1)
    entry = "  <entry>" + rest.split("  <entry>")[1].rsplit("</feed>", 1)[0]
    base_id = "d0c00000-0000-4000-8000-000000000002"
    pages = [list(range(i, min(i + PAGE, n))) for i in range(0, n, PAGE)]
    for p, numbers in enumerate(pages):
        name = "start" if p == 0 else str(10000 + p)
        body = []
        for k in numbers:
            eid = f"d0c00000-0000-4000-8000-{k + 100:012d}"
            body.append(entry.replace(base_id, eid).replace("<volgnummer>291<",
                                                             f"<volgnummer>{1000 + k}<"))
            letter = [(kind, text.replace("Nr. 291", f"Nr. {1000 + k}").replace(
                "15 september 2025", f"{1 + k % 28} september 2025")) for kind, text in LETTER]
            (root / "resources" / f"{eid}.docx").write_bytes(build_docx(letter, LETTER_NOTES))
        page_head = re.sub(r'\n  <link rel="next"[^\n]*', "", head)
        if p + 1 < len(pages):
            page_head = page_head.replace(
                '<link rel="self"',
                '<link rel="next" href="https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Feed'
                f'?category=Document&amp;skiptoken={10001 + p}"/>\n  <link rel="self"', 1)
        (folder / f"{name}.xml").write_text(page_head + "".join(body) + "</feed>\n",
                                            encoding="utf-8")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "fixtures"
        shutil.copytree(FIXTURES, root)
        _documents(root, n)
        with FeedServer(root) as server, open_store(Path(tmp) / "bench.db") as store, \
                Client(rate=0) as client:
            started = time.perf_counter()
            summary = sync(store, base_url=server.url, client=client)
            seconds = time.perf_counter() - started
            from kamerlens.store.od_questions import register

            rows = register(store)
        entities, documents = summary.total("entities"), summary.total("documents")
        print(f"sync from a local server: {entities} entities, {documents} documents"
              f" (Word and VLOS files read and extracted) in {seconds:.2f} s")
        print(f"  {entities / seconds:.1f} entities/s, {documents / seconds:.1f} documents/s,"
              f" {summary.requests} requests, {len(summary.errors)} errors")
        found = sum(1 for r in rows if r["found_in_text"])
        share = 100 * found / len(rows) if rows else 0.0
        print(f"register: {found} of {len(rows)} registered toezeggingen of the synced debates"
              f" found in their text ({share:.0f}%)")


if __name__ == "__main__":
    main()

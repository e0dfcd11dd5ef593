"""Kill an ingest of thousands of documents at a random moment, re-run it: the store passes
PRAGMA integrity_check and holds every document exactly once, complete (same items as a clean
ingest of the same files). The writer commits many documents per transaction; the kill lands
anywhere in that (the test sees the store grow in steps of several), and what it leaves is only
whole documents."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from storekit import SEED_000, SEED_004

from kamerlens.store import SearchQuery
from kamerlens.store.rows import ITEM_TABLES
from kamerlens.store.sqlite import SqliteStore

N_DOCS = 2000
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


def _corpus(folder: Path, n: int) -> None:
    """Small documents made from the seed letters: numbers, dates and dossiers varied."""
    rng = random.Random(7)
    seeds = [SEED_000.read_text("utf-8"), SEED_004.read_text("utf-8")]
    folder.mkdir()
    for i in range(n):
        text = seeds[i % 2]
        text = text.replace("28 676, nr. 434", f"28 676, nr. {400 + i % 97}")
        text = text.replace("EUR 25 miljoen", f"EUR {5 + i % 40} miljoen")
        text = text.replace("30 november", f"{1 + i % 28} {MONTHS[rng.randrange(12)]}")
        # a short slice keeps the files small; the document number keeps them distinct
        cut = rng.randrange(len(text) // 3, len(text))
        (folder / f"doc_{i:05d}.txt").write_text(text[:cut] + f"\n\nDocument {i}.\n", "utf-8")


def _ingest(db: Path, folder: Path) -> subprocess.Popen[bytes]:
    # stderr to a file: a pipe nobody reads fills up when many files are refused, and blocks
    log = open(f"{db}.log", "ab")  # noqa: SIM115 - the child holds it; closed when it ends
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kamerlens",
            "ingest",
            str(folder),
            "--db",
            str(db),
            "--quiet",
            "--workers",
            "2",
        ],
        stdout=subprocess.DEVNULL,
        stderr=log,
        start_new_session=True,
    )


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _items_per_document(db: Path) -> dict[str, tuple[int, ...]]:
    conn = sqlite3.connect(db)
    out: dict[str, list[int]] = {
        sha: [] for (sha,) in conn.execute("SELECT sha256 FROM documents ORDER BY sha256")
    }
    for table in (*ITEM_TABLES, "entity_mentions", "texts", "sources"):
        counts = dict(
            conn.execute(
                f'SELECT d.sha256, count(i.doc_id) FROM documents d LEFT JOIN "{table}" i'
                " ON i.doc_id = d.doc_id GROUP BY d.sha256"
            ).fetchall()
        )
        for sha in out:
            out[sha].append(counts.get(sha, 0))
    conn.close()
    return {sha: tuple(v) for sha, v in out.items()}


def test_batch_kill_and_rerun_leaves_every_document_once(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    _corpus(folder, N_DOCS)
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    assert _ingest(clean, folder).wait(timeout=600) in (0, 1)  # 1: some files refused

    proc = _ingest(killed, folder)
    deadline = time.monotonic() + 300
    start_at = random.randrange(N_DOCS // 20, N_DOCS // 2)
    seen = [0]
    while seen[-1] < start_at and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
        seen.append(_count(killed))
    time.sleep(random.uniform(0, 0.5))
    os.killpg(proc.pid, signal.SIGKILL)  # the ingest and its workers, mid-write
    proc.wait(timeout=30)
    at_kill = _count(killed)
    assert at_kill < N_DOCS, "the kill came too late to test anything"
    # the writer commits many documents per transaction: the store grew in steps of several
    steps = [b - a for a, b in zip(seen, seen[1:], strict=False) if b > a]
    assert steps and max(steps) > 1, steps
    # what the kill left is whole: each stored document has every item a clean run gives it
    expected = _items_per_document(clean)
    left = _items_per_document(killed)
    assert left and all(left[sha] == expected[sha] for sha in left)

    rerun = _ingest(killed, folder)
    assert rerun.wait(timeout=600) in (0, 1), Path(f"{killed}.log").read_text()[-2000:]

    conn = sqlite3.connect(killed)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("INSERT INTO search (search, rank) VALUES ('integrity-check', 1)")
    conn.close()
    # files the extractor refuses are failures in both runs alike; the rest must all be there
    assert len(expected) >= N_DOCS * 0.9
    assert _items_per_document(killed) == expected
    # the derived parts caught up too: the side index holds every text once, nothing is left
    # queued, and the links are those of the clean run
    assert _links(killed) == _links(clean)
    with SqliteStore(killed) as store:
        assert store._rows("SELECT count(*) AS n FROM search_queue")[0]["n"] == 0
        assert store._rows("SELECT count(*) AS n FROM link_pending")[0]["n"] == 0
        assert store.indexer.index is not None
        assert store.indexer.index.num_docs() == len(expected)
        hits = store.search(SearchQuery('"Document 17"', limit=5)).hits
        assert [h["snippet"].count("<mark>") for h in hits] == [1]


def _links(db: Path) -> list[tuple[object, ...]]:
    """Links without the item ids (those differ between two runs)."""
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT kind, from_doc, from_table, to_doc, to_table, to_key, evidence, confidence"
        " FROM links"
    ).fetchall()
    conn.close()
    return sorted(rows, key=repr)

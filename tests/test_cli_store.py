"""The store commands as a user meets them: real subprocesses, the real extractor, the seeds."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SEED_000 = EXAMPLES / "letters" / "000_e47a5db50cc64457.txt"
SEED_004 = EXAMPLES / "letters" / "004_1ca4271ce6c07476.txt"


def kl(*args: str, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    extra = ["--db", str(db)] if db is not None else []
    return subprocess.run(
        [sys.executable, "-m", "kamerlens", *args, *extra],
        capture_output=True,
        text=True,
        timeout=300,
    )


def dump(db: Path) -> list[str]:
    """Every row of the store in SQL, time stamps aside: equal dumps mean an unchanged store."""
    conn = sqlite3.connect(db)
    lines = [line for line in conn.iterdump() if "ingested_at" not in line]
    conn.close()
    return lines


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("store") / "seeds.db"
    proc = kl("ingest", str(SEED_000), str(SEED_004), "--quiet", "--workers", "2", db=db)
    assert proc.returncode == 0, proc.stderr
    return db


def test_cli_store_ingest_twice_changes_nothing(seeded: Path) -> None:
    before = dump(seeded)
    proc = kl("ingest", str(SEED_000), str(SEED_004), "--quiet", "--format", "json", db=seeded)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert (summary["stored"], summary["unchanged"], summary["failed"]) == (0, 2, [])
    assert dump(seeded) == before


def test_cli_store_bad_inputs_refused_and_store_unchanged(seeded: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    broken_pdf = tmp_path / "letter.pdf"
    broken_pdf.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n% truncated")
    missing = tmp_path / "missing.pdf"
    before = dump(seeded)
    proc = kl(
        "ingest",
        str(missing),
        str(empty),
        str(SEED_000),
        str(binary),
        str(broken_pdf),
        "--quiet",
        db=seeded,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("kamerlens: ")]
    assert len(errors) == 4, proc.stderr
    for path in (missing, empty, binary, broken_pdf):
        assert sum(str(path) in line for line in errors) == 1, (path, errors)
    assert "failed 4" in proc.stderr and "unchanged 1" in proc.stderr
    assert dump(seeded) == before


def test_cli_store_stats_json(seeded: Path) -> None:
    proc = kl("stats", "--format", "json", db=seeded)
    assert proc.returncode == 0, proc.stderr
    stats = json.loads(proc.stdout)
    assert stats["documents"] == 2
    for key in ("references", "amounts", "commitments", "events", "size_bytes"):
        assert isinstance(stats[key], int)
    assert stats["references"] >= 4


def test_cli_store_search_ucap_finds_both_seeds_with_snippets(seeded: Path) -> None:
    proc = kl("search", "UCAP", "--format", "json", db=seeded)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["total"] == 2
    assert all("<mark>UCAP</mark>" in hit["snippet"] for hit in result["hits"])
    table = kl("search", "UCAP", db=seeded)
    assert table.returncode == 0 and "2 documents match" in table.stdout


@pytest.mark.parametrize("query", ['"unclosed', "AND navo", "navo OR"])
def test_cli_store_malformed_search_is_one_line(seeded: Path, query: str) -> None:
    proc = kl("search", query, db=seeded)
    assert proc.returncode == 5
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("kamerlens: search query")


def test_cli_store_pledges_ucap_in_date_order(seeded: Path) -> None:
    proc = kl("pledges", "--recipient", "UCAP", "--format", "json", db=seeded)
    assert proc.returncode == 0, proc.stderr
    groups = json.loads(proc.stdout)
    values = [p["value"] for g in groups for p in g["pledges"]]
    assert values == [25e6, 1e8]
    dates = [p["date"] for g in groups for p in g["pledges"]]
    assert dates == sorted(dates)
    csv_out = kl("pledges", "--recipient", "UCAP", "--format", "csv", db=seeded)
    assert csv_out.stdout.splitlines()[0].startswith("recipient,date,amount")


def test_cli_store_vilnius_commitment_overdue(seeded: Path) -> None:
    proc = kl("commitments", "--as-of", "2023-08-01", "--format", "json", db=seeded)
    assert proc.returncode == 0, proc.stderr
    vilnius = [c for c in json.loads(proc.stdout) if "Vilnius" in c["text"]]
    assert len(vilnius) == 1
    assert vilnius[0]["status"] == "overdue"
    assert vilnius[0]["deadline"] == "2023-07"
    table = kl("commitments", "--status", "Openstaand", "--as-of", "2023-08-01", db=seeded)
    assert table.returncode == 0 and "verstreken" in table.stdout


def test_cli_store_refs_resolve(seeded: Path) -> None:
    proc = kl("refs", "28676/434", "--format", "json", db=seeded)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert (data["dossier"], data["number"]) == ("28676", "434")
    assert len(data["cited_by"]) == 1


def test_cli_store_events_ics(seeded: Path, tmp_path: Path) -> None:
    ics = tmp_path / "kamer.ics"
    proc = kl("events", "--ics", str(ics), db=seeded)
    assert proc.returncode == 0, proc.stderr
    cal = icalendar.Calendar.from_ical(ics.read_bytes())
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert any("Deadline" in s for s in summaries)


def test_cli_store_export_parquet_and_show(seeded: Path, tmp_path: Path) -> None:
    proc = kl("export", str(tmp_path / "out"), "--format", "parquet", db=seeded)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "documents.parquet").stat().st_size > 0
    docs = json.loads(kl("stats", "--format", "json", db=seeded).stdout)
    assert docs["documents"] == 2
    shown = kl("show", "nonexistent", db=seeded)
    assert shown.returncode == 6 and "no document" in shown.stderr


def test_cli_store_reprocess_keeps_counts(seeded: Path) -> None:
    before = json.loads(kl("stats", "--format", "json", db=seeded).stdout)
    proc = kl("reprocess", "--quiet", "--format", "json", "--workers", "1", db=seeded)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["replaced"] == 2
    after = json.loads(kl("stats", "--format", "json", db=seeded).stdout)
    assert {k: v for k, v in after.items() if k != "size_bytes"} == {
        k: v for k, v in before.items() if k != "size_bytes"
    }


def test_cli_store_demo(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    proc = kl("demo", "--as-of", "2023-08-01", "--examples", str(EXAMPLES), db=db)
    assert proc.returncode == 0, proc.stderr
    assert "Open and overdue commitments" in proc.stdout
    assert "Pledges over time" in proc.stdout and "Latest documents" in proc.stdout
    stats = json.loads(kl("stats", "--format", "json", db=db).stdout)
    assert stats["documents"] >= 8 and stats["catalogue"] > 2000


def test_cli_store_reindex_rebuilds_the_search_index(seeded: Path, tmp_path: Path) -> None:
    import shutil

    db = tmp_path / "copy.db"
    shutil.copy(seeded, db)  # the module's store, closed (its WAL folded back)
    shutil.rmtree(f"{db}.tantivy", ignore_errors=True)
    proc = kl("reindex", db=db)
    assert proc.returncode == 0, proc.stderr
    assert "indexed 2 documents" in proc.stderr
    assert (Path(f"{db}.tantivy") / "meta.json").exists()
    found = json.loads(kl("search", "Oekraïne", "--format", "json", db=db).stdout)
    assert found["total"] == 2

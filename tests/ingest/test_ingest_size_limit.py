"""A document over the size limit is refused with one line naming it and its size, before it
is read; the limit is set with --max-size (extract, ingest, reprocess), KAMERLENS_MAX_SIZE or
max_size= in the library, and a batch goes on past the refused file."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kamerlens import extract
from kamerlens.errors import IngestError
from kamerlens.ingest import DEFAULT_MAX_SIZE, parse_size, read, size_limit

ROOT = Path(__file__).resolve().parents[2]
LETTER = ROOT / "examples" / "letters" / "000_e47a5db50cc64457.txt"
OTHER = ROOT / "examples" / "letters" / "004_1ca4271ce6c07476.txt"


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kamerlens", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize(
    ("text", "size"), [("64MB", 64 << 20), ("500k", 500 << 10), ("1G", 1 << 30), ("123", 123)]
)
def test_ingest_size_parse(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "12XB", "-3", "0", "MB"])
def test_ingest_size_parse_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="not a size"):
        parse_size(text)


def test_ingest_size_limit_in_the_library(monkeypatch: pytest.MonkeyPatch) -> None:
    size = LETTER.stat().st_size
    with pytest.raises(IngestError) as info:
        read(LETTER, max_size=size - 1)
    message = str(info.value)
    assert message.startswith(f"{LETTER}: ") and f"{size:,} bytes" in message
    assert "\n" not in message and "--max-size" in message
    assert read(LETTER, max_size=size).text  # at the limit: read
    with pytest.raises(IngestError, match="over the size limit"):
        extract(LETTER.read_bytes(), name="brief.txt", max_size=100)
    monkeypatch.setenv("KAMERLENS_MAX_SIZE", "1k")
    assert size_limit() == 1024
    with pytest.raises(IngestError, match=r"brief\.txt: .*over the size limit of 1\.0 KB"):
        read(LETTER.read_bytes(), name="brief.txt")
    monkeypatch.delenv("KAMERLENS_MAX_SIZE")
    assert size_limit() == DEFAULT_MAX_SIZE


def test_ingest_size_limit_cli_extract_names_the_file() -> None:
    proc = _cli("extract", str(LETTER), str(OTHER), "--max-size", "5KB", "--format", "jsonl")
    assert proc.returncode == 1
    refused = [f for f in (LETTER, OTHER) if f.stat().st_size > 5 * 1024]
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == len(refused) >= 1
    assert all(str(f) in line and "over the size limit of 5.0 KB" in line
               for f, line in zip(refused, lines, strict=True))
    kept = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(kept) == 2 - len(refused)
    bad = _cli("extract", str(LETTER), "--max-size", "lots")
    assert bad.returncode == 2 and "--max-size" in bad.stderr


def test_ingest_size_limit_cli_ingest_goes_on(tmp_path: Path) -> None:
    big = tmp_path / "groot.txt"
    big.write_text(LETTER.read_text("utf-8") * 40, encoding="utf-8")
    db = tmp_path / "k.db"
    proc = _cli("ingest", str(big), str(LETTER), "--db", str(db), "-q", "-w", "1",
                "--max-size", "100KB")
    assert proc.returncode == 1, proc.stderr
    assert f"{big}: " in proc.stderr and "over the size limit of 100.0 KB" in proc.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    # the same limit for reprocess: the stored letter is over 1 KB, so it is refused again
    proc = _cli("reprocess", "--db", str(db), "-q", "-w", "1", "--max-size", "1KB")
    assert proc.returncode == 1 and "over the size limit of 1.0 KB" in proc.stderr
    with sqlite3.connect(db) as conn:  # nothing stored is lost
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1

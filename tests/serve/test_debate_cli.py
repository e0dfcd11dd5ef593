"""``kamerlens commitments --kind`` and ``kamerlens motions`` on a store of two real debates whose
commitments have a kind and whose motions have the government's view (see debate_record.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from debate_record import debate_record

LNV = "handelingen_lnv_begroting_2024_pdf"


def kl(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kamerlens", *args, "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("kind", ["toezegging", "voornemen"])
def test_debate_cli_commitments_by_kind(
    debate_db: Path, debate_ids: dict[str, str], kind: str
) -> None:
    _, record = debate_record()
    n = sum(1 for c in record.commitments if c.kind == kind)
    assert n >= 3
    proc = kl(debate_db, "commitments", "--kind", kind, "--as-of", "2030-01-01", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert {r["kind"] for r in rows} == {kind}
    assert len([r for r in rows if r["doc_id"] == debate_ids[LNV]]) == n
    table = kl(debate_db, "commitments", "--kind", kind, "--as-of", "2030-01-01")
    assert table.returncode == 0 and "kind" in table.stdout and kind in table.stdout


def test_debate_cli_commitments_bad_kind(debate_db: Path) -> None:
    proc = kl(debate_db, "commitments", "--kind", "belofte")
    assert proc.returncode != 0
    assert proc.stderr.strip().splitlines() == [
        "kamerlens: --kind: 'belofte' is not one of toezegging, voornemen"
    ]


def test_debate_cli_motions_show_the_appreciation(debate_db: Path) -> None:
    proc = kl(debate_db, "motions", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    views = {r["number"]: r["appreciation"] for r in json.loads(proc.stdout) if r["number"]}
    assert set(views.values()) == {"oordeel Kamer", "ontraden", "ontijdig"}
    table = kl(debate_db, "motions")
    assert "appreciation" in table.stdout and "ontraden" in table.stdout

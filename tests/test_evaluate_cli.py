"""`kamerlens evaluate` as a user meets it: a real subprocess over the real gold set."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from kamerlens.evaluate import KINDS

ROOT = Path(__file__).resolve().parent.parent  # not from conftest: names clash across folders

GOLD = ROOT / "tests" / "gold"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kamerlens", "evaluate", *args],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=cwd,
    )


def test_evaluate_cli_json_reports_every_kind_and_every_document() -> None:
    proc = run(str(GOLD), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert set(report["kinds"]) == set(KINDS)
    for kind, score in report["kinds"].items():
        assert {"tp", "fp", "fn", "precision", "recall", "f1"} <= set(score), kind
        assert score["tp"] + score["fn"] > 0, f"the gold set has no {kind}"
    assert len(report["documents"]) == len(list(GOLD.glob("*.json")))
    for doc in report["documents"]:
        # a document either ran or is listed as failed with a one-line reason
        assert doc["error"] is None or "\n" not in doc["error"]
        for score in doc["kinds"].values():
            assert len(score["missed"]) == score["fn"]
            assert len(score["invented"]) == score["fp"]
    overall = report["overall"]
    total = sum(s["tp"] for s in report["kinds"].values())
    assert overall["tp"] == total


def test_evaluate_cli_table_and_kind_filter() -> None:
    proc = run(str(GOLD), "--kinds", "references,motions", "-k", "amounts")
    assert proc.returncode == 0, proc.stderr
    rows = [line.split()[0] for line in proc.stdout.splitlines()[1:5]]
    assert rows == ["references", "motions", "amounts", "overall"]


def test_evaluate_cli_reports_a_document_that_fails_to_ingest(tmp_path: Path) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n this is no PDF at all")
    (tmp_path / "empty.txt").write_bytes(b"")
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(GOLD / "000_e47a5db50cc64457.json", gold / "seed.json")
    for name in ("broken.pdf", "empty.txt", "missing.txt"):
        entry = {"source": str(tmp_path / name), "references": [{"dossier": "1", "number": "2"}]}
        (gold / f"{Path(name).stem}.json").write_text(json.dumps(entry), encoding="utf-8")
    proc = run(str(gold), "--format", "json", cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    failed = {Path(f["source"]).name: f["error"] for f in report["failed"]}
    assert set(failed) == {"broken.pdf", "empty.txt", "missing.txt"}
    assert all(name in error for name, error in failed.items())
    # the failed documents' gold counts as missed; the seed is still scored
    assert report["kinds"]["references"]["fn"] >= 3
    assert report["kinds"]["references"]["tp"] + report["kinds"]["references"]["fn"] >= 6


def test_evaluate_cli_bad_gold_folder_is_one_line(tmp_path: Path) -> None:
    proc = run(str(tmp_path / "nowhere"))
    assert proc.returncode != 0
    assert proc.stderr.strip().count("\n") == 0 and "nowhere" in proc.stderr
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    proc = run(str(tmp_path))
    assert proc.returncode != 0
    assert "bad.json" in proc.stderr and "Traceback" not in proc.stderr
    proc = run(str(GOLD), "--kinds", "nonsense")
    assert proc.returncode != 0 and "nonsense" in proc.stderr

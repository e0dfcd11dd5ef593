"""What a synced store answers: motions with their fate, the register against the text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kamerlens.store import open_store

CLI = str(Path(sys.executable).with_name("kamerlens"))


def _cli(db: Path, *args: str) -> object:
    done = subprocess.run(
        [CLI, *args, "--db", str(db), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_sync_questions_motion_has_its_fate_and_votes(synced_db: Path) -> None:
    rows = _cli(synced_db, "motions")
    (motion,) = [r for r in rows if (r["dossier"], r["number"]) == ("29924", "290")]  # type: ignore[union-attr]
    fate = motion["fate"]
    assert fate["zaak"] == "2025Z14123" and fate["outcome"] == "aangenomen"
    assert (fate["voor"], fate["tegen"]) == (81, 25)
    assert {v["fractie"]: v["vote"] for v in fate["votes"]} == {
        "PVV": "Voor",
        "VVD": "Voor",
        "NSC": "Voor",
        "GroenLinks-PvdA": "Tegen",
    }
    assert fate["indieners"] == [{"name": "Olger van Dijk", "fractie": "NSC", "role": "Indiener"}]
    # the motion found in the letter's text is the same motion
    assert "kst-29924-291" in {c["doc_id"] for c in motion["cited_in"]}
    assert fate["doc_id"] == "kst-29924-290"


def test_sync_questions_register_linked_to_text_both_ways(synced_db: Path) -> None:
    register = _cli(synced_db, "commitments", "--source", "register")
    (item,) = register  # type: ignore[misc]
    found = item["found_in_text"]
    assert found and found["text"].startswith("De minister zegt toe bij het Nationaal Cyber")
    assert found["date"] == "2025-07-02" and found["score"] >= 0.75
    both = _cli(synced_db, "commitments", "--source", "both", "--as-of", "2025-08-01")
    text_rows = [r for r in both if r["source"] == "text"]  # type: ignore[union-attr]
    registered = [r for r in text_rows if r["register"]]
    assert len(registered) == 1
    # the register's DatumNakoming becomes the deadline of the commitment found in text
    assert registered[0]["deadline"] == "2025-10-31" and registered[0]["status"] == "open"
    assert any(r["register"] is None for r in text_rows)  # found in text, not registered


def test_sync_questions_register_status_is_evidence(synced_db: Path, tmp_path: Path) -> None:
    import shutil

    db = tmp_path / "copy.db"
    shutil.copy(synced_db, db)
    with open_store(db) as store:
        store.conn.execute(  # type: ignore[attr-defined]
            "UPDATE od_entities SET fields = json_set(fields, '$.status', 'Voldaan')"
            " WHERE category = 'Toezegging'"
        )
        rows = store.commitments(as_of="2025-08-01")
    (kept,) = [r for r in rows if r["register"]]
    assert kept["status"] == "fulfilled"
    assert kept["fulfilments"][-1]["kind"] == "register"

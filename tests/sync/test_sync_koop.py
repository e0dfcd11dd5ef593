"""``kamerlens sync --source koop``: the KOOP SRU answer read, the Kamerstuk's XML ingested, and
the Kamer's file and KOOP's publication of one Kamerstuk kept as one document."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from feedserver import FIXTURES, FeedServer

from conftest import fast_client
from kamerlens.errors import SyncError
from kamerlens.store import open_store
from kamerlens.sync.koop import build_query, parse_records, sync_koop
from kamerlens.sync.run import sync

KOOP = FIXTURES / "koop"
CLI = str(Path(sys.executable).with_name("kamerlens"))


def test_sync_koop_reads_a_recorded_answer() -> None:
    records, nxt = parse_records((KOOP / "recorded_sru_eerstekamer_36867.xml").read_bytes(), "u")
    assert [r["identifier"] for r in records] == [
        "kst-1259252",
        "kst-36867-A",
        "kst-36867-B",
        "kst-36867-C",
    ]
    assert records[3]["items"]["xml"].endswith("/kst-36867-C/1/xml/kst-36867-C.xml")
    assert records[1]["dossiernummer"] == "36867" and nxt is None


def test_sync_koop_diagnostic_is_one_line() -> None:
    with pytest.raises(SyncError) as err:
        parse_records((KOOP / "recorded_sru_diagnostic.xml").read_bytes(), "http://x/sru")
    assert str(err.value).startswith("http://x/sru: the SRU service refused the query (")
    assert "dcterms" in str(err.value)


def test_sync_koop_query() -> None:
    assert build_query("29924", "2025-01-01", None) == (
        "c.product-area==officielepublicaties AND dt.type=Kamerstuk AND w.dossiernummer==29924"
        " AND dt.date>=2025-01-01"
    )


def test_sync_koop_same_kamerstuk_is_one_document(server: FeedServer, tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with open_store(db) as store, fast_client() as client:
        sync(store, base_url=server.url, categories=["Kamerstukdossier", "Document"], client=client)
        koop = sync_koop(store, base_url=server.url, dossier="29924", client=client)
        again = sync_koop(store, base_url=server.url, dossier="29924", client=client)
    assert koop.errors == [] and koop.categories["Kamerstuk"].documents == 1
    assert again.categories["Kamerstuk"].documents == 0  # nothing fetched twice
    conn = sqlite3.connect(db)
    docs = conn.execute(
        "SELECT doc_id, format FROM documents WHERE dossier = '29924' AND number = '290'"
    ).fetchall()
    assert len(docs) == 1 and docs[0][1].startswith("xml")
    links = conn.execute(
        "SELECT entity_id, source FROM od_documents WHERE doc_id = ? ORDER BY source", (docs[0][0],)
    ).fetchall()
    assert links == [("koop:kst-29924-290", "koop"), ("d0c00000-0000-4000-8000-000000000001", "tk")]
    assert any("/frbr/officielepublicaties/kst/29924/" in p for p in server.log)


def test_sync_koop_next_position_must_move_forward(fixtures: Path, tmp_path: Path) -> None:
    # an SRU answer whose nextRecordPosition points back at its own page: one line, and an end
    page = fixtures / "koop" / "sru-1.xml"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace(
            "</sru:records>", "</sru:records><sru:nextRecordPosition>1</sru:nextRecordPosition>"
        ),
        encoding="utf-8",
    )
    result: dict[str, object] = {}

    with FeedServer(fixtures) as srv:

        def run() -> None:
            with open_store(tmp_path / "k.db") as store, fast_client() as client:
                result["summary"] = sync_koop(
                    store, base_url=srv.url, dossier="29924", client=client
                )

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        thread.join(20)
        asked = [p for p in srv.log if p.startswith("/sru")]
        assert not thread.is_alive(), f"still running after {len(asked)} SRU requests"
    (line,) = result["summary"].errors  # type: ignore[attr-defined]
    assert "nextRecordPosition 1 does not move past 1" in line, line
    assert len(asked) == 1


@pytest.mark.parametrize(
    "dossier", ["29924 OR dt.type=Handelingen", "29924)", "MIVD", "29 924 OR 1=1", "-"]
)
def test_sync_koop_dossier_that_is_no_number_is_refused(
    server: FeedServer, tmp_path: Path, dossier: str
) -> None:
    # the option's text would otherwise go into the CQL query as it stands
    done = subprocess.run(
        [CLI, "sync", "--source", "koop", "--dossier", dossier, "--db", str(tmp_path / "q.db")]
        + ["--base-url", server.url, "-q"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 5, done.stderr
    assert done.stderr.strip().splitlines() == [
        f"kamerlens: --dossier must be a dossier number like 29924 or 36200-X, not {dossier!r}"
    ]
    assert not any(p.startswith("/sru") for p in server.log)  # nothing was asked


def test_sync_koop_dossier_without_koop_is_refused(tmp_path: Path) -> None:
    done = subprocess.run(
        [CLI, "sync", "--dossier", "29924", "--db", str(tmp_path / "t.db"), "-q"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 5
    assert done.stderr.strip() == "kamerlens: --dossier and --until apply to --source koop only"


def test_sync_koop_query_of_a_dossier_with_its_suffix() -> None:
    assert "w.dossiernummer==36200 AND" in build_query("36200 X", None, "2025-12-31")
    assert "w.dossiernummer==21501" in build_query("21 501-02", None, None)


def test_sync_koop_help_says_since_still_reads_the_tk_pages() -> None:
    done = subprocess.run([CLI, "sync", "--help"], capture_output=True, text=True, timeout=60)
    flat = " ".join(done.stdout.replace("│", " ").split())
    assert "the feed's pages are still read" in flat, flat

"""``kamerlens sync`` against a local server in the SyncFeed's format (never the internet)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from feedserver import FeedServer

from conftest import fast_client
from kamerlens.store import open_store
from kamerlens.sync.run import sync

D_MOTIE = "d0c00000-0000-4000-8000-000000000001"
D_BRIEF = "d0c00000-0000-4000-8000-000000000002"
D_LIJST = "d0c00000-0000-4000-8000-000000000003"
PAGE_2 = "/SyncFeed/2.0/Feed?category=Document&skiptoken=7002"
CLI = str(Path(sys.executable).with_name("kamerlens"))


def _rows(db: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def _snapshot(db: Path) -> tuple:  # type: ignore[type-arg]
    return (
        _rows(db, "SELECT id, bijgewerkt, fields FROM od_entities ORDER BY id"),
        _rows(db, "SELECT * FROM od_refs ORDER BY 1, 2, 3"),
        _rows(db, "SELECT doc_id, sha256 FROM documents ORDER BY doc_id"),
        _rows(db, "SELECT * FROM od_documents ORDER BY entity_id"),
    )


def test_sync_run_killed_between_two_pages_resumes(server: FeedServer, tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    server.hang[PAGE_2] = 60.0  # page 2 keeps the first run waiting until it is killed
    args = [
        CLI,
        "sync",
        "--category",
        "Kamerstukdossier,Document",
        "--db",
        str(db),
        "--base-url",
        server.url,
        "--quiet",
    ]
    first = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while PAGE_2 not in server.log:
        assert first.poll() is None and time.monotonic() < deadline, first.communicate()
        time.sleep(0.05)
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=10)
    # page 1 is wholly in, with the point to go on from
    assert {r[0] for r in _rows(db, "SELECT id FROM od_entities WHERE category='Document'")} == {
        D_MOTIE,
        D_BRIEF,
    }
    (resume,) = _rows(db, "SELECT resume_url FROM od_sync_state WHERE category = 'Document'")
    assert resume[0].endswith("skiptoken=7002")
    del server.hang[PAGE_2]
    asked = len(server.log)
    done = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    document_pages = [p for p in server.log[asked:] if "category=Document" in p]
    assert document_pages[0] == PAGE_2  # resumed: page 1 is not fetched again
    ids = [r[0] for r in _rows(db, "SELECT id FROM od_entities WHERE category='Document'")]
    assert sorted(ids) == sorted({D_MOTIE, D_BRIEF, D_LIJST})  # every entity, once
    assert _rows(db, "SELECT doc_id FROM documents ORDER BY 1") == [
        ("kst-29924-290",),
        ("kst-29924-291",),
    ]
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]


def test_sync_run_second_run_fetches_one_page_changes_nothing(
    server: FeedServer, tmp_path: Path
) -> None:
    db = tmp_path / "s.db"
    with open_store(db) as store, fast_client() as client:
        first = sync(store, base_url=server.url, client=client)
    assert first.errors == [] and first.total("entities") == 22 and first.total("documents") == 3
    before = _snapshot(db)
    asked = len(server.log)
    with open_store(db) as store, fast_client() as client:
        second = sync(store, base_url=server.url, client=client)
    again = server.log[asked:]
    assert len(again) == len(second.categories) == 11  # one page per category, no file
    assert all("skiptoken=" in p for p in again)
    assert second.total("entities") == 0 and second.total("added") == 0
    assert _snapshot(db) == before


def test_sync_run_deleted_entity_is_removed(
    server: FeedServer, fixtures: Path, tmp_path: Path
) -> None:
    db = tmp_path / "d.db"
    with open_store(db) as store, fast_client() as client:
        sync(store, base_url=server.url, categories=["Kamerstukdossier", "Document"], client=client)
    assert ("kst-29924-291",) in _rows(db, "SELECT doc_id FROM documents")
    # the Kamer withdraws the letter: a later page says verwijderd="true"
    (fixtures / "feed" / "Document" / "extra" / "7003-delete.xml").rename(
        fixtures / "feed" / "Document" / "7003.xml"
    )
    with open_store(db) as store, fast_client() as client:
        summary = sync(store, base_url=server.url, categories=["Document"], client=client)
    assert summary.categories["Document"].deleted == 1
    assert _rows(db, f"SELECT 1 FROM od_entities WHERE id = '{D_BRIEF}'") == []
    assert _rows(db, f"SELECT 1 FROM od_refs WHERE from_id = '{D_BRIEF}'") == []
    assert _rows(db, "SELECT doc_id FROM documents") == [("kst-29924-290",)]
    assert _rows(db, f"SELECT 1 FROM od_entities WHERE id = '{D_MOTIE}'") == [(1,)]


def test_sync_run_500_then_200_is_retried(server: FeedServer, tmp_path: Path) -> None:
    server.fail["/SyncFeed/2.0/Feed?category=Fractie"] = [500, 503]
    with open_store(tmp_path / "r.db") as store, fast_client() as client:
        summary = sync(store, base_url=server.url, categories=["Fractie"], client=client)
    assert summary.errors == []
    assert summary.retried == 2 and summary.categories["Fractie"].added == 4


def test_sync_run_malformed_page_reported_and_skipped(
    server: FeedServer, fixtures: Path, tmp_path: Path
) -> None:
    folder = fixtures / "feed" / "Fractie"
    start = (folder / "start.xml").read_text(encoding="utf-8")
    real = "https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Feed?category=Fractie"

    def with_next(text: str, token: int) -> str:
        return text.replace(
            '</author>\n  <link rel="self"',
            f'</author>\n  <link rel="next" href="{real}&amp;skiptoken={token}'
            '"/>\n  <link rel="self"',
            1,
        )

    (folder / "start.xml").write_text(with_next(start, 1100), encoding="utf-8")
    broken = with_next(start, 1200)
    (folder / "1100.xml").write_text(broken[: broken.index("<naamNl>") + 12], encoding="utf-8")
    third = start.replace(
        "fa000000-0000-4000-8000-000000000001", "fa000000-0000-4000-8000-00000000000a"
    )
    third = third.replace("<aantalZetels>37</aantalZetels>", "<aantalZetels>veel</aantalZetels>")
    (folder / "1200.xml").write_text(third, encoding="utf-8")
    with open_store(tmp_path / "m.db") as store, fast_client() as client:
        summary = sync(store, base_url=server.url, categories=["Fractie"], client=client)
        state = store._rows("SELECT failed FROM od_sync_state")  # type: ignore[attr-defined]
    errors = summary.errors
    assert any("skiptoken=1100: malformed feed page" in e for e in errors), errors
    assert any(
        e.startswith("Fractie fa000000-0000-4000-8000-000000000002: aantalZetels must be")
        for e in errors
    ), errors
    assert all("\n" not in e for e in errors)
    ids = _rows(tmp_path / "m.db", "SELECT id FROM od_entities ORDER BY id")
    assert len(ids) == 5 and ("fa000000-0000-4000-8000-00000000000a",) in ids
    assert "skiptoken=1100" in state[0]["failed"]  # tried again on the next run


def test_sync_run_unreachable_or_not_a_feed_is_one_line(fixtures: Path, tmp_path: Path) -> None:
    (fixtures / "feed" / "Fractie" / "start.xml").write_text(
        "<!doctype html><html><body>Onderhoud</body></html>", encoding="utf-8"
    )
    with FeedServer(fixtures) as srv:
        done = subprocess.run(
            [
                CLI,
                "sync",
                "-c",
                "Fractie",
                "--db",
                str(tmp_path / "u.db"),
                "--base-url",
                srv.url,
                "-q",
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert "answered an HTML page, not an Atom feed" in done.stderr
    closed = FeedServer(fixtures)  # a port nobody listens on any more
    closed.httpd.server_close()
    with open_store(tmp_path / "u2.db") as store:
        from kamerlens.sync.client import Client

        summary = sync(
            store,
            base_url=closed.url,
            categories=["Fractie"],
            client=Client(rate=0, backoff=0, retries=1, timeout=2),
        )
    (line,) = summary.errors
    assert line.startswith(f"{closed.url}/SyncFeed/2.0/Feed?category=Fractie: cannot be reached")


def _sync_in_thread(target: object, seconds: float = 20.0) -> dict[str, object]:
    """Run ``target`` in a thread; a run that does not end in ``seconds`` leaves ``done`` False
    (the server's shutdown afterwards makes such a run end on its own)."""
    import threading

    out: dict[str, object] = {}

    def work() -> None:
        out["summary"] = target()  # type: ignore[operator]

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(seconds)
    out["done"] = not thread.is_alive()
    return out


def test_sync_run_next_link_back_to_a_read_page_stops(
    server: FeedServer, fixtures: Path, tmp_path: Path
) -> None:
    # a mirror whose page 1100 names itself as its next page: the run must end, with one line
    folder = fixtures / "feed" / "Fractie"
    start = (folder / "start.xml").read_text(encoding="utf-8")
    real = "https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Feed?category=Fractie"
    looping = start.replace(
        '</author>\n  <link rel="self"',
        f'</author>\n  <link rel="next" href="{real}&amp;skiptoken=1100"/>\n  <link rel="self"',
        1,
    )
    (folder / "start.xml").write_text(looping, encoding="utf-8")
    (folder / "1100.xml").write_text(looping, encoding="utf-8")
    db = tmp_path / "loop.db"

    def run() -> object:
        with open_store(db) as store, fast_client() as client:
            return sync(store, base_url=server.url, categories=["Fractie"], client=client)

    out = _sync_in_thread(run)
    asked = [p for p in server.log if "category=Fractie" in p]
    assert out["done"], f"still running after {len(asked)} requests"
    summary = out["summary"]
    (line,) = summary.errors  # type: ignore[attr-defined]
    assert "feed loops back to" in line and line.endswith("skiptoken=1100"), line
    assert len(asked) == 2  # the start page and page 1100, each once
    assert len(_rows(db, "SELECT id FROM od_entities")) == 4

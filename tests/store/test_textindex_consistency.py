"""The tantivy side index stays consistent with SQLite: after a kill, when damaged, when another
process holds it, and for readers; FTS5 answers whenever the index cannot."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from storekit import seed_000, seed_004

from kamerlens.store import SearchQuery
from kamerlens.store.sqlite import SqliteStore
from kamerlens.store.sqlite.textindex import MARKER


def _found(store: SqliteStore, q: str) -> int:
    return store.search(SearchQuery(q)).total


def _add_and_die(db: Path) -> None:
    """Another process stores both seeds and is killed before the index commits them."""
    tests = Path(__file__).resolve().parent
    script = (
        f"import os, sys; sys.path.insert(0, {str(tests)!r})\n"
        "from storekit import seed_000, seed_004\n"
        "from kamerlens.store.sqlite import SqliteStore\n"
        f"s = SqliteStore({str(db)!r})\n"
        "s.add(*seed_000()); s.add(*seed_004())\n"
        "assert s.indexer.index.num_docs() == 0\n"
        "os._exit(0)\n"  # no close(): as if killed
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_textindex_catches_up_after_a_kill(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _add_and_die(db)
    with SqliteStore(db, readonly=True) as reader:  # nobody maintains the index: FTS5 answers
        assert reader.indexer.index is not None and reader.indexer.usable() is None
        assert _found(reader, "ucap") == 2
    with SqliteStore(db) as store:
        assert store.indexer.index is not None
        assert store.indexer.index.num_docs() == 2
        assert _found(store, "ucap") == 2
        assert store._rows("SELECT count(*) AS n FROM search_queue")[0]["n"] == 0


@pytest.mark.parametrize("damage", ["meta", "segments", "marker", "generation", "missing"])
def test_textindex_rebuilt_when_damaged(tmp_path: Path, damage: str) -> None:
    db = tmp_path / "s.db"
    with SqliteStore(db) as store:
        store.add(*seed_000())
        store.add(*seed_004())
        old = store.indexer.index.generation
    folder = Path(f"{db}.tantivy")
    if damage == "meta":
        (folder / "meta.json").write_text("{not json")
    elif damage == "segments":
        for f in folder.iterdir():
            if f.suffix in (".idx", ".pos", ".term"):
                f.unlink()
    elif damage == "marker":
        (folder / MARKER).unlink()
    elif damage == "generation":
        (folder / MARKER).write_text(json.dumps({"schema": 1, "generation": "other"}))
    else:
        import shutil

        shutil.rmtree(folder)
    with SqliteStore(db) as store:
        assert store.indexer.index is not None
        assert store.indexer.index.generation != old
        assert store.indexer.index.num_docs() == 2
        assert _found(store, "oekraine") == 2


def test_textindex_count_mismatch_rebuilds(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with SqliteStore(db) as store:
        store.add(*seed_000())
    with SqliteStore(db, text_index=False) as store:  # writes the index never saw or queued
        store.add(*seed_004())
        store.conn.execute("DELETE FROM search_queue")
    with SqliteStore(db) as store:
        assert store.indexer.index.num_docs() == 2
        assert _found(store, "ucap") == 2


def test_textindex_second_writer_and_reader_while_one_maintains(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    first = SqliteStore(db)
    first.add(*seed_000())
    assert first.indexer.maintainer
    assert _found(first, "ucap") == 1  # searching commits what the maintainer wrote
    second = SqliteStore(db)  # another ingest: cannot maintain, still writes and searches
    assert not second.indexer.maintainer and second.indexer.index is not None
    second.add(*seed_004())
    reader = SqliteStore(db, readonly=True)
    assert reader.indexer.index is not None and not reader.indexer.maintainer
    assert _found(reader, "ucap") == 1  # as of the maintainer's last commit
    assert _found(first, "ucap") == 2  # the maintainer indexes the queue before it searches
    assert _found(reader, "ucap") == 2
    second.close()
    first.close()
    assert _found(reader, "ucap") == 2
    reader.close()


def test_textindex_missing_readonly_falls_back_to_fts5(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with SqliteStore(db, text_index=False) as store:
        store.add(*seed_000())
    with SqliteStore(db, readonly=True) as reader:
        assert reader.indexer.index is None
        hit = reader.search(SearchQuery("ucap")).hits[0]
        assert "<mark>UCAP</mark>" in hit["snippet"]


def test_textindex_replace_and_delete_update_the_index(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "s.db") as store:
        raw, record = seed_000()
        store.add(raw, record)
        assert _found(store, "ucap") == 1
        text = record.text.replace("UCAP", "XYZFONDS")
        store.add(raw, replace(record, text=text), replace=True)
        assert (_found(store, "ucap"), _found(store, "xyzfonds")) == (0, 1)
        store.delete(store.doc_ids()[0])
        assert _found(store, "xyzfonds") == 0
        assert store.reindex() == 0


def test_textindex_near_translated_or_left_to_fts5(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "s.db") as store:
        store.add(*seed_000())
        store.add(*seed_004())
        index = store.indexer.index
        from kamerlens.store.query import parse
        from kamerlens.store.sqlite.textindex import Unsupported

        index.translate(parse("ucap NEAR/3 trustfund"))  # two words: a slop phrase each way
        with pytest.raises(Unsupported):
            index.translate(parse('NEAR("vitale infrastructuur" navo, 5)'))
        assert _found(store, 'NEAR("vitale infrastructuur" bescherming, 20)') == 1

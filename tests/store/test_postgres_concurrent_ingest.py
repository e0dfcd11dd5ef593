"""Four ``kamerlens ingest`` processes at once into one PostgreSQL store, over folders that
overlap (the same files, and the same contents under other names): no error, no duplicate,
every document once, and the links those runs leave are the links a full relink gives."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from storekit import EXAMPLES

from kamerlens.link import relink
from kamerlens.store import open_store
from kamerlens.store.core import SqlStore

SOURCES = sorted(
    p
    for folder in ("letters", "xml", "vlos", "pdf")
    for p in (EXAMPLES / folder).iterdir()
    if p.is_file()
)


def _cli() -> str:
    exe = Path(sys.executable).with_name("kamerlens")
    found = str(exe) if exe.exists() else shutil.which("kamerlens")
    assert found, "the kamerlens command is not installed (pip install -e .)"
    return found


def _links(store: SqlStore) -> list[tuple]:
    rows = store._rows(
        "SELECT kind, from_doc, from_table, from_id, to_doc, to_table, to_id, to_key, evidence,"
        " confidence, from_key FROM links"
    )
    return sorted((tuple(r.values()) for r in rows), key=repr)


def test_postgres_four_ingests_at_once(pg_new, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = pg_new()
    n = len(SOURCES)
    folders = []
    for k in range(4):  # each folder: about two thirds of the files, overlapping the others
        folder = tmp_path / f"part{k}"
        (folder / "sub").mkdir(parents=True)
        for i, source in enumerate(SOURCES):
            if (i + k) % 3 != 0:
                target = folder / ("sub" if i % 2 else "") / source.name
                shutil.copyfile(source, target)
        folders.append(folder)
    runs = [
        subprocess.Popen(
            [
                _cli(),
                "ingest",
                "--quiet",
                "--workers",
                "1",
                "--format",
                "json",
                "--db",
                url,
                str(folder),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in folders
    ]
    summaries = []
    for run in runs:
        out, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
        assert err.strip() == "", err
        summaries.append(json.loads(out))
    assert all(not s["failed"] for s in summaries)
    assert sum(s["stored"] for s in summaries) == n  # each content stored by exactly one run
    store = open_store(url)
    assert isinstance(store, SqlStore)
    try:
        rows = store._rows(
            "SELECT count(*) AS docs, count(DISTINCT sha256) AS shas,"
            " (SELECT count(*) FROM texts) AS texts, (SELECT count(*) FROM search) AS search,"
            " (SELECT count(*) FROM link_pending) AS pending FROM documents"
        )[0]
        assert rows == {"docs": n, "shas": n, "texts": n, "search": n, "pending": 0}
        dupes = store._rows(
            "SELECT doc_id, seq, count(*) AS n FROM commitments GROUP BY doc_id, seq"
            " HAVING count(*) > 1"
        )
        assert dupes == []
        linked = _links(store)
        relink(store)
        assert linked == _links(store)  # no link twice, none missing
    finally:
        store.close()

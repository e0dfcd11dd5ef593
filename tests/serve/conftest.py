"""A real store of the bundled example documents, the app over it, and a live server.

The store is built once per session and backend the way a user builds it: with ``kamerlens
ingest``, into a SQLite file and into a PostgreSQL database; every web test runs on both.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kamerlens.serve import create_app, store_opener
from kamerlens.store import is_url

BACKENDS = ("sqlite", "postgres")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
HOSTILE = ROOT / "tests" / "fixtures" / "serve" / "hostile_brief.txt"
SCREENSHOTS = ROOT / "docs" / "screenshots"
SOURCES = [EXAMPLES]


def _cli() -> str:
    exe = Path(sys.executable).with_name("kamerlens")
    found = str(exe) if exe.exists() else shutil.which("kamerlens")
    assert found, "the kamerlens command is not installed (pip install -e .)"
    return found


def build_store(db: Path | str, sources: list[Path]) -> None:
    """Ingest ``sources`` into a fresh store at ``db`` (a file or a PostgreSQL URL) with
    ``kamerlens ingest`` (as users do)."""
    done = subprocess.run(
        [_cli(), "ingest", "--quiet", "--workers", "2", "--db", str(db), *map(str, sources)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    # exit 1 means some file was refused with a clear message; the others are stored
    assert done.returncode in (0, 1), done.stderr
    assert is_url(db) or Path(db).exists(), done.stderr


def _session_target(request: pytest.FixtureRequest, name: str) -> Path | str:
    if request.param == "sqlite":
        factory: pytest.TempPathFactory = request.getfixturevalue("tmp_path_factory")
        return factory.mktemp(name) / "kamerlens.db"
    return str(request.getfixturevalue("pg_databases").take())


@pytest.fixture(scope="session", params=BACKENDS)
def store_db(request: pytest.FixtureRequest) -> Path | str:
    """The example documents in a store: a SQLite file, or a PostgreSQL URL."""
    db = _session_target(request, "store")
    build_store(db, SOURCES)
    return db


@pytest.fixture(scope="session", params=BACKENDS)
def hostile_db(request: pytest.FixtureRequest) -> Path | str:
    """A store holding one letter that quotes HTML and script (kept apart from the examples)."""
    db = _session_target(request, "hostile")
    build_store(db, [HOSTILE])
    return db


def doc_ids(db: Path | str) -> dict[str, str]:
    from kamerlens.store import open_store

    store = open_store(db, readonly=True)
    try:
        rows = store.documents(limit=1000)
    finally:
        store.close()
    return {Path(r["source"]).stem: r["doc_id"] for r in rows}


@pytest.fixture(scope="session")
def docs(store_db: Path) -> dict[str, str]:
    """doc_id of each example by file stem: {"004_1ca4271ce6c07476": "...", ...}."""
    return doc_ids(store_db)


@pytest.fixture(scope="session")
def hostile_id(hostile_db: Path) -> str:
    return doc_ids(hostile_db)["hostile_brief"]


@pytest.fixture(scope="session")
def hostile_client(hostile_db: Path) -> Iterator[TestClient]:
    app = create_app(opener=store_opener(hostile_db, writable=False))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def app(store_db: Path):  # type: ignore[no-untyped-def]
    return create_app(opener=store_opener(store_db, writable=False))


@pytest.fixture(scope="session")
def client(app) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn in a thread on a free loopback port; stops when the test session ends."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(store_db: Path) -> Iterator[LiveServer]:
    app = create_app(opener=store_opener(store_db, writable=False))
    with LiveServer(app) as server:
        yield server


@pytest.fixture(scope="session")
def hostile_server(hostile_db: Path) -> Iterator[LiveServer]:
    app = create_app(opener=store_opener(hostile_db, writable=False))
    with LiveServer(app) as server:
        yield server


# The browser fixture (one Chromium for the whole run) is in tests/conftest.py.


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.js_errors = errors  # type: ignore[attr-defined]
    yield pg
    context.close()


@pytest.fixture(scope="session")
def builder():  # type: ignore[no-untyped-def]
    """``builder(db, [paths])`` ingests documents into a fresh store."""
    return build_store


@pytest.fixture(scope="session")
def hostile() -> Path:
    return HOSTILE


@pytest.fixture(scope="session")
def debate_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of two real debates whose records carry speakers, turns, commitment kinds and
    motion appreciations (see debate_record.py): what the pages show of a debate."""
    from debate_record import appreciation_record, debate_record

    from kamerlens.store import open_store

    db = tmp_path_factory.mktemp("debate") / "kamerlens.db"
    store = open_store(db)
    try:
        results = store.add_many([debate_record(), appreciation_record()])
    finally:
        store.close()
    assert not [r for r in results if isinstance(r, Exception)], results
    return db


@pytest.fixture(scope="session")
def debate_ids(debate_db: Path) -> dict[str, str]:
    return doc_ids(debate_db)


@pytest.fixture(scope="session")
def debate_client(debate_db: Path) -> Iterator[TestClient]:
    app = create_app(opener=store_opener(debate_db, writable=False))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def debate_server(debate_db: Path) -> Iterator[LiveServer]:
    app = create_app(opener=store_opener(debate_db, writable=False))
    with LiveServer(app) as server:
        yield server

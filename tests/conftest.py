"""Shared fixtures: paths to the bundled real documents, and the real set's dev predictions."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED_000 = EXAMPLES / "letters" / "000_e47a5db50cc64457.txt"
SEED_004 = EXAMPLES / "letters" / "004_1ca4271ce6c07476.txt"


@pytest.fixture(scope="session")
def examples() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def seed_000() -> Path:
    return SEED_000


@pytest.fixture(scope="session")
def seed_004() -> Path:
    return SEED_004


# -- both store backends ------------------------------------------------------------------------
# The store, link and web suites run against SQLite and PostgreSQL through ``store_target``
# (a fresh store per test: a file path, or the URL of a new database made from a migrated
# template). PostgreSQL is a real server started for the session (tests/pgserver.py), or the
# one named by KAMERLENS_TEST_PG. When it cannot be started, the PostgreSQL tests FAIL under CI
# (CI=true: a green run must mean both backends were tested) and are skipped with the reason
# elsewhere (a developer without the server binaries can still run the SQLite half).

BACKENDS = ("sqlite", "postgres")
_counter = iter(range(1, 1_000_000))


def pg_unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required under CI and could not be started: {reason}")
    pytest.skip(f"PostgreSQL could not be started here: {reason}")


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[str]:
    """The URL of a PostgreSQL server's admin database (started for this session)."""
    import atexit

    from pgserver import ENV, PgServer, PgUnavailable, wait_ready

    given = os.environ.get(ENV)
    if given:
        wait_ready(given)
        yield given
        return
    server = PgServer()
    try:
        server.start()
    except (PgUnavailable, OSError, subprocess.SubprocessError) as exc:
        server.stop()
        pg_unavailable(str(exc))
    atexit.register(server.stop)  # also when the session ends abnormally
    try:
        wait_ready(server.url())
        yield server.url()
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_template(pg_admin: str) -> str:
    """A database with every migration applied: new test databases are copies of it."""
    from kamerlens.store import open_store
    from pgserver import create_database

    url = create_database(pg_admin, "kamerlens_template")
    open_store(url).close()
    return "kamerlens_template"


def new_pg_database(pg_admin: str, template: str | None = "kamerlens_template") -> str:
    from pgserver import create_database

    return create_database(pg_admin, f"kl_{os.getpid()}_{next(_counter)}", template)


class PgDatabases:
    """Migrated databases, reused: a test takes an empty one and gives it back emptied (a
    copy of the template costs about a second here, emptying one about 50 ms)."""

    def __init__(self, admin: str, template: str) -> None:
        self.admin, self.template = admin, template
        self.free: list[str] = []

    def take(self) -> str:
        return self.free.pop() if self.free else new_pg_database(self.admin, self.template)

    def give(self, url: str) -> None:
        import psycopg

        try:
            with psycopg.connect(url, autocommit=True) as conn, conn.transaction():
                conn.execute("SET LOCAL lock_timeout = '5s'")
                tables = [
                    r[0]
                    for r in conn.execute(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                        " 'public' AND table_type = 'BASE TABLE'"
                        " AND table_name <> 'schema_migrations'"
                    )
                ]
                first = ["entity_mentions", "links", "search", "entities"]
                last = ["texts", "sources", "documents"]
                middle = [t for t in tables if t not in first and t not in last]
                for table in [*first, *middle, *last]:
                    conn.execute(f'DELETE FROM "{table}"')
                for (seq,) in conn.execute(
                    "SELECT sequence_name FROM information_schema.sequences"
                    " WHERE sequence_schema = 'public'"
                ).fetchall():
                    conn.execute(f'ALTER SEQUENCE "{seq}" RESTART')
        except psycopg.Error:
            return  # left busy or changed by its test: not used again
        self.free.append(url)


@pytest.fixture(scope="session")
def pg_databases(pg_admin: str, pg_template: str) -> PgDatabases:
    return PgDatabases(pg_admin, pg_template)


@pytest.fixture
def pg_new(pg_databases: PgDatabases) -> Iterator[Callable[[], str]]:
    """``pg_new()``: the URL of an empty, migrated PostgreSQL database (for this test)."""
    taken: list[str] = []

    def make() -> str:
        taken.append(pg_databases.take())
        return taken[-1]

    yield make
    for url in taken:
        pg_databases.give(url)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def new_target(backend: str, tmp_path: Path, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """``new_target(name)``: a fresh, empty store location of ``backend``: a file path, or
    the URL of an empty PostgreSQL database."""

    def make(name: str) -> str:
        if backend == "sqlite":
            return str(tmp_path / f"{name}.db")
        return str(request.getfixturevalue("pg_new")())

    return make


@pytest.fixture
def store_target(new_target) -> str:  # type: ignore[no-untyped-def]
    """Where a fresh, empty store of ``backend`` lives."""
    return str(new_target("store"))


REAL = ROOT / "tests" / "real"


def real_part(part: str) -> list[str]:
    """Names of a part of the real set that have gold (split.toml may name some not yet annotated).

    Only the tests' dev part is ever asked for: the test part is scored once, by the lead.
    """
    split = tomllib.loads((REAL / "split.toml").read_text(encoding="utf-8"))
    return [n for n in split[part] if (REAL / "gold" / f"{n}.json").is_file()]


@pytest.fixture(scope="session")
def real_dev_predictions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`kamerlens extract --out DIR` over the dev part of the real set, as a user runs it."""
    out = tmp_path_factory.mktemp("real_dev_predictions")
    docs = [p for n in real_part("dev") for p in (REAL / "docs").glob(f"{n}.*") if p.stem == n]
    done = subprocess.run(
        [sys.executable, "-m", "kamerlens", "extract", "--out", str(out), *map(str, docs)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    return out


# One Chromium for the whole run: Playwright allows one sync session per process, so every
# browser test (web pages, sync) shares this one.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is missing; 'make browser' installs it")
        pytest.skip("Debian's chromium is not installed ('make browser')")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()



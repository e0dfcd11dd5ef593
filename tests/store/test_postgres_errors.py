"""PostgreSQL refusing what a role may not do is one line naming the store, never a traceback:
preparing the store (migrations), writing in a transaction, and exporting a table."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from kamerlens.store import open_store
from pgserver import create_database

CLI = str(Path(sys.executable).with_name("kamerlens"))
ROLE = f"kl_plain_{os.getpid()}"
SEED_000 = Path(__file__).resolve().parents[2] / "examples" / "letters" / "000_e47a5db50cc64457.txt"


def _as_role(url: str) -> str:
    """``url`` with the role of these tests as its user (the test server trusts 127.0.0.1)."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{ROLE}@{parts.hostname}:{parts.port}"))


@pytest.fixture(scope="module")
def role(pg_admin: str) -> str:
    """A login role with no rights beyond PostgreSQL 15's defaults (no CREATE on public)."""
    with psycopg.connect(pg_admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (ROLE,)).fetchone()
        if not exists:
            conn.execute(f'CREATE ROLE "{ROLE}" LOGIN')
    return ROLE


@pytest.fixture
def migrated(pg_admin: str, pg_template: str, role: str) -> Iterator[str]:
    """A migrated store holding one letter (written as the admin), that ``role`` may read."""
    url = create_database(pg_admin, f"kl_refused_{os.getpid()}", pg_template)
    done = subprocess.run(
        [CLI, "ingest", str(SEED_000), "--db", url], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"')
        conn.execute(f'GRANT CREATE ON SCHEMA public TO "{role}"')  # it may open the store
    yield url


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=300)


def _one_line(done: subprocess.CompletedProcess[str], what: str) -> str:
    assert "Traceback" not in done.stderr, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("kamerlens: ")]
    assert done.returncode == 4 and len(lines) == 1, (done.returncode, done.stderr)
    assert what in lines[0], lines[0]
    return lines[0]


def test_postgres_errors_no_create_on_public_is_one_line(pg_admin: str, role: str) -> None:
    url = _as_role(create_database(pg_admin, f"kl_empty_{os.getpid()}"))  # new and empty
    line = _one_line(
        _cli("ingest", str(SEED_000), "--db", url),
        "cannot prepare the store (permission denied for schema public)",
    )
    assert f"{ROLE}@127.0.0.1" in line


def test_postgres_errors_refused_write_is_one_line(migrated: str) -> None:
    # SELECT only: the run's write of the links is refused inside its transaction
    _one_line(_cli("reprocess", "--db", _as_role(migrated)), "permission denied for table")


def test_postgres_errors_refused_export_is_one_line(migrated: str, tmp_path: Path) -> None:
    with psycopg.connect(migrated, autocommit=True) as conn:
        conn.execute(f'REVOKE SELECT ON links FROM "{ROLE}"')
    _one_line(
        _cli("export", str(tmp_path / "out"), "--db", _as_role(migrated)),
        "permission denied for table links",
    )
    with open_store(migrated) as store:  # what the role could not read is still there
        assert store.stats()["documents"] == 1

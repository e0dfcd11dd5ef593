"""Numbered SQL migrations, one folder per backend, recorded in ``schema_migrations``.

``store/sqlite/migrations/NNNN_name.sql`` and ``store/postgres/migrations/NNNN_name.sql``: the
same number is the same schema step in both dialects, so both backends hold the same tables
(tests/store/test_schema_migrations.py compares them). A new step is one file in each folder.
Each migration runs in its own transaction together with the row that records it, so a store is
never left half-migrated: a kill during a migration leaves the previous version, and the next
open applies it again. This module runs the SQLite ones; ``store/postgres`` runs its own with
the same ``migrations()`` list under an advisory lock.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations(backend: str = "sqlite") -> list[Migration]:
    """The bundled migrations of ``backend`` (sqlite or postgres), in version order."""
    folder = resources.files(f"kamerlens.store.{backend}") / "migrations"
    found: list[Migration] = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    return found


def applied(conn: sqlite3.Connection) -> list[int]:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    return [row[0] for row in conn.execute("SELECT version FROM schema_migrations ORDER BY 1")]


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply every migration not yet recorded; returns the versions applied now.

    ``conn`` must be in autocommit mode (``isolation_level=None``). The check and the migration
    share one ``BEGIN IMMEDIATE`` transaction, so two processes opening a new store at once
    cannot both apply it.
    """
    applied(conn)
    now: list[int] = []
    for migration in migrations():
        conn.execute("BEGIN IMMEDIATE")
        try:
            done = conn.execute(
                "SELECT 1 FROM schema_migrations WHERE version = ?", (migration.version,)
            ).fetchone()
            if not done:
                for statement in _statements(migration.sql):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (
                        migration.version,
                        migration.name,
                        datetime.now(UTC).isoformat("T", "seconds"),
                    ),
                )
                now.append(migration.version)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return now


def _statements(sql: str) -> list[str]:
    """Split a script into complete statements (``executescript`` would commit on its own)."""
    out: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        if not buffer and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            out.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        out.append(buffer.strip())
    return out


__all__ = ["Migration", "applied", "migrate", "migrations"]

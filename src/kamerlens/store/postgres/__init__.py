"""The PostgreSQL store: one server shared by a team, many writers and readers at once.

The same tables as SQLite (``migrations/`` here mirrors ``store/sqlite/migrations/`` step for
step), the same questions (``store/core.py``); what differs lives here and in ``fts.py``:
- connections come from a psycopg 3 pool, one per URL in a process, shared by every store
  object opened on it (the web app opens one per worker thread);
- many processes may write at once: a chunk first takes transaction-scoped advisory locks on
  its content hashes and ids (in one global order, so two writers never deadlock); then what it
  reads (already stored? id taken?) stays true until it commits, and the unique constraints
  on ``sha256`` and ``doc_id`` back that up. Ids of texts and entities come from sequences.
- rows go in with ``COPY`` (one per table per chunk), the full-text vector is computed by the
  server in the same transaction;
- full-text search runs in PostgreSQL (``fts.py``): tsvector + GIN, ``dutch`` stemming with
  unaccent, ts_headline snippets.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from kamerlens.errors import QueryError, StoreError
from kamerlens.store.base import SearchQuery, SearchResult
from kamerlens.store.core import SqlStore
from kamerlens.store.rows import q
from kamerlens.store.writer import Prepared

CONFIG = "kamerlens"  # the text search configuration made by migration 0001
POOL_MAX = 8
_MIGRATION_LOCK = 7_281_001  # advisory lock keys of our own (any fixed bigint)
_SERIAL_LOCKS = {"links": 7_281_002}
_PLACEHOLDER = re.compile(r"'[^']*'|\"[^\"]*\"|\?|%")


@lru_cache(maxsize=1024)
def pg_sql(sql: str) -> str:
    """``?`` parameters -> ``%s`` (and a literal ``%`` -> ``%%``), outside quoted strings."""

    def swap(m: re.Match[str]) -> str:
        token = m.group(0)
        return "%s" if token == "?" else "%%" if token == "%" else token

    return _PLACEHOLDER.sub(swap, sql)


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = (parts.username or "") + ":***"
    return urlunsplit(parts._replace(netloc=f"{user}@{netloc[-1]}"))


class Row(tuple):  # type: ignore[type-arg]
    """A result row read by position (``r[0]``) and by name (``r["doc_id"]``), like sqlite3.Row."""

    __slots__ = ()
    _index: dict[str, int] = {}

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


@lru_cache(maxsize=512)
def _row_class(names: tuple[str, ...]) -> type[Row]:
    return type("Row", (Row,), {"__slots__": (), "_index": {n: i for i, n in enumerate(names)}})


def row_factory(cursor: Any) -> Any:
    names = tuple(c.name for c in cursor.description or ())
    cls = _row_class(names)
    return lambda values: cls(values)


class PgTx:
    """A transaction's connection with the ``?`` SQL the neutral layer writes."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cur = self.conn.cursor(row_factory=row_factory)
        cur.execute(pg_sql(sql), tuple(params) if params else None)
        return cur

    def executemany(self, sql: str, params: Iterable[Sequence[Any]]) -> Any:
        rows = [tuple(p) for p in params]
        cur = self.conn.cursor(row_factory=row_factory)
        if rows:
            cur.executemany(pg_sql(sql), rows)
        return cur


class _Pools:
    """One connection pool per (URL, read-only) in this process, closed with its last store."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pools: dict[tuple[str, bool], tuple[Any, int]] = {}

    def take(self, url: str, readonly: bool) -> Any:
        from psycopg_pool import ConnectionPool

        with self.lock:
            found = self.pools.get((url, readonly))
            if found:
                self.pools[(url, readonly)] = (found[0], found[1] + 1)
                return found[0]

            def configure(conn: Any) -> None:
                if readonly:
                    conn.execute("SET default_transaction_read_only = on")

            pool = ConnectionPool(
                url,
                min_size=1,
                max_size=POOL_MAX,
                kwargs={"autocommit": True},
                configure=configure,
                open=False,
                name="kamerlens",
            )
            pool.open(wait=True, timeout=15)
            self.pools[(url, readonly)] = (pool, 1)
            return pool

    def give(self, url: str, readonly: bool) -> None:
        with self.lock:
            pool, n = self.pools[(url, readonly)]
            if n > 1:
                self.pools[(url, readonly)] = (pool, n - 1)
                return
            del self.pools[(url, readonly)]
        pool.close()


POOLS = _Pools()


def lock_key(kind: str, value: str) -> int:
    """A signed 64-bit advisory lock key for (kind, value)."""
    digest = hashlib.blake2b(f"{kind}:{value}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class PostgresStore(SqlStore):
    """A kamerlens store in a PostgreSQL database. Safe to share between threads."""

    def __init__(self, url: str, *, readonly: bool = False) -> None:
        super().__init__()
        import psycopg
        from psycopg_pool import PoolTimeout

        self.url = url
        self.label = safe_url(url)
        self.readonly = readonly
        self._local = threading.local()  # the connection of this thread's open transaction
        self._active: dict[int, Any] = {}  # thread id -> connection running a query (interrupt)
        try:
            self.pool = POOLS.take(url, readonly)
        except (psycopg.Error, PoolTimeout) as exc:
            raise StoreError(f"cannot connect ({_reason(exc)})", source=self.label) from exc
        self._closed = False
        if not readonly:
            try:
                self._migrate()
            except StoreError:
                self.close()  # its pool too: nothing is left open by a store that did not open
                raise

    # -- connections and transactions ---------------------------------------------------------

    @contextmanager
    def _conn(self) -> Iterator[Any]:
        held = getattr(self._local, "conn", None)
        if held is not None:  # inside this thread's transaction: read what it wrote
            yield held
            return
        import psycopg

        try:
            with self.pool.connection(timeout=30) as conn:
                self._active[threading.get_ident()] = conn
                try:
                    yield conn
                finally:
                    self._active.pop(threading.get_ident(), None)
        except psycopg.OperationalError as exc:
            raise StoreError(
                f"the database is unreachable ({_reason(exc)})", source=self.label
            ) from exc
        except psycopg.Error as exc:  # refused inside a transaction: a right missing, a constraint
            raise StoreError(f"database error ({_reason(exc)})", source=self.label) from exc

    @contextmanager
    def transaction(self) -> Iterator[PgTx]:
        """One write transaction on a pooled connection."""
        if self.readonly:
            raise StoreError("the store is open read-only", source=self.label)
        with self._conn() as conn, conn.transaction():
            self._local.conn = conn
            try:
                yield PgTx(conn)
            finally:
                self._local.conn = None

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        import psycopg
        from psycopg.rows import dict_row

        with self._conn() as conn:
            try:
                cur = conn.cursor(row_factory=dict_row)
                values = tuple(params)
                cur.execute(pg_sql(sql), values or None)
                return list(cur.fetchall())
            except psycopg.errors.QueryCanceled as exc:
                raise StoreError("query cancelled", source=self.label) from exc
            except psycopg.Error as exc:
                raise StoreError(f"query failed ({_reason(exc)})", source=self.label) from exc

    @contextmanager
    def reading(self) -> Iterator[Any]:
        """One read transaction for several queries (one snapshot) with the planner told
        what it cannot know: reading every tsvector (a sequential scan) costs far more than
        the GIN index, and two shared cores gain nothing from parallel workers.
        Yields ``rows(sql, params)``."""
        import psycopg
        from psycopg.rows import dict_row

        with self._conn() as conn:
            try:
                with conn.transaction():
                    conn.execute("SET LOCAL enable_seqscan = off")
                    conn.execute("SET LOCAL max_parallel_workers_per_gather = 0")

                    def rows(sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
                        cur = conn.cursor(row_factory=dict_row)
                        cur.execute(pg_sql(sql), tuple(params) or None)
                        return list(cur.fetchall()) if cur.description else []  # SET: none

                    yield rows
            except psycopg.errors.QueryCanceled as exc:
                raise StoreError("query cancelled", source=self.label) from exc
            except psycopg.Error as exc:
                raise StoreError(f"query failed ({_reason(exc)})", source=self.label) from exc

    def _table(self, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        import psycopg

        with self._conn() as conn:
            try:
                cur = conn.cursor()
                cur.execute(sql)
                return [c.name for c in cur.description or ()], [tuple(r) for r in cur.fetchall()]
            except psycopg.errors.QueryCanceled as exc:
                raise StoreError("query cancelled", source=self.label) from exc
            except psycopg.Error as exc:
                raise StoreError(f"query failed ({_reason(exc)})", source=self.label) from exc

    def interrupt(self) -> None:
        """Cancel what this store's connections are running (the web app's time limit)."""
        for conn in list(self._active.values()):
            try:
                conn.cancel_safe(timeout=2)
            except Exception:  # noqa: BLE001 - a connection that is gone has nothing to cancel
                continue

    # -- migrations ---------------------------------------------------------------------------

    def _migrate(self) -> list[int]:
        """Apply what ``migrations/`` holds beyond ``schema_migrations``, each in its own
        transaction, under an advisory lock (two processes opening a new store at once)."""
        import psycopg

        with self._conn() as conn:
            try:
                conn.execute("SELECT pg_advisory_lock(%s)", (_MIGRATION_LOCK,))
                try:
                    return _apply_migrations(conn)
                finally:
                    conn.execute("SELECT pg_advisory_unlock(%s)", (_MIGRATION_LOCK,))
            except psycopg.Error as exc:  # a role without CREATE on the schema, for one
                raise StoreError(
                    f"cannot prepare the store ({_reason(exc)})", source=self.label
                ) from exc

    # -- what the backend supplies to SqlStore ---------------------------------------------------

    def _claim(self, c: PgTx, docs: Sequence[Prepared]) -> None:
        keys = {lock_key("sha", d.sha256) for d in docs} | {lock_key("id", d.base_id) for d in docs}
        c.execute(
            "SELECT count(pg_advisory_xact_lock(k)) FROM"
            " (SELECT k FROM unnest(?::bigint[]) AS k ORDER BY k) AS ordered",
            (sorted(keys),),
        )

    def _new_ids(self, c: PgTx, table: str, n: int) -> list[int]:
        if n <= 0:
            return []
        rows = c.execute(
            f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, ?)",
            (n,),
        ).fetchall()
        return sorted(int(r[0]) for r in rows)

    def _bulk(
        self, c: PgTx, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
    ) -> None:
        if not rows:
            return
        cur = c.conn.cursor()
        with cur.copy(f"COPY {q(table)} ({', '.join(q(col) for col in columns)}) FROM STDIN") as cp:
            for row in rows:
                cp.write_row(row)

    def _insert_new(
        self, c: PgTx, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
    ) -> None:
        # one statement, not one per row (executemany): the link stage writes tens of thousands
        # of word rows. The rows travel as one JSON document read into the table's own row type
        # (its column types), cheaper to build than arrays (psycopg dumps those in Python).
        if not rows:
            return
        names = ", ".join(q(col) for col in columns)
        c.execute(
            f"INSERT INTO {q(table)} ({names}) SELECT {names}"
            f" FROM json_populate_recordset(NULL::{q(table)}, ?::json) ON CONFLICT DO NOTHING",
            (json.dumps([dict(zip(columns, row, strict=True)) for row in rows]),),
        )

    def _index(self, c: PgTx, texts: list[tuple[int, str, str]]) -> None:
        if not texts:
            return
        # hyphens split words as in FTS5 (kst-36180-42 -> kst 36180 42; NAVO-Top -> navo top);
        # < and > are blanked: the text is plain text, and PostgreSQL's parser reads <tags>
        c.execute(
            "INSERT INTO search (id, doc_id, kind, date, dossier, entities, entity_keys, tsv)"
            " SELECT t.id, t.doc_id, d.kind, d.date, d.dossier,"
            " ARRAY(SELECT DISTINCT e.name FROM entities e WHERE e.doc_id = t.doc_id"
            "  AND e.name IS NOT NULL ORDER BY e.name),"
            " ARRAY(SELECT DISTINCT lower(k) FROM entities e, unnest(ARRAY[e.name, e.code]) AS k"
            "  WHERE e.doc_id = t.doc_id AND k IS NOT NULL ORDER BY 1),"
            f" setweight(to_tsvector('{CONFIG}', translate(t.title, '-<>', '   ')), 'A') ||"
            f" setweight(to_tsvector('{CONFIG}', translate(t.text, '-<>', '   ')), 'B')"
            " FROM texts t JOIN documents d ON d.doc_id = t.doc_id WHERE t.id = ANY(?)",
            ([t[0] for t in texts],),
        )

    def _unindex(self, c: PgTx, text_id: int, title: str, text: str) -> None:
        c.execute("DELETE FROM search WHERE id = ?", (text_id,))

    def _serialize(self, c: PgTx, name: str) -> None:
        c.execute("SELECT pg_advisory_xact_lock(?)", (_SERIAL_LOCKS[name],))

    def has_table(self, name: str) -> bool:
        return self._rows("SELECT to_regclass(?) IS NOT NULL AS x", (name,))[0]["x"] is True

    def json_field(self, column: str, key: str) -> str:
        return f"({column}::json ->> '{key}')"

    def _size(self) -> tuple[int, str]:
        rows = self._rows("SELECT pg_database_size(current_database()) AS n")
        return int(rows[0]["n"]), self.label

    def search(self, query: SearchQuery) -> SearchResult:
        from kamerlens.store.postgres import fts

        return fts.run(self, query)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            POOLS.give(self.url, self.readonly)


def _apply_migrations(conn: Any) -> list[int]:
    """The migrations ``schema_migrations`` does not list yet, each in its own transaction."""
    from datetime import UTC, datetime

    from kamerlens.store.schema import migrations

    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    have = {r[0] for r in conn.execute("SELECT version FROM schema_migrations")}
    done: list[int] = []
    for migration in migrations("postgres"):
        if migration.version in have:
            continue
        with conn.transaction():
            conn.execute(migration.sql)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (%s, %s, %s)",
                (migration.version, migration.name, datetime.now(UTC).isoformat("T", "seconds")),
            )
        done.append(migration.version)
    return done


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


__all__ = ["CONFIG", "PostgresStore", "QueryError", "pg_sql", "safe_url"]

"""extracted records -> a store behind the Store protocol (``open_store``).

    core.py       the one backend-neutral store: writes and questions, written once
    questions.py  commitments, pledges, refs, events, motions, stats (over core's SQL)
    query.py      the search language (checked, parsed into a tree each engine translates)
    writer.py     records -> rows; rows.py: how each item kind lies in a table
    batch.py      batch ingest and reprocess (a local process pool, or Dask)
    sqlite/       backend: one file, FTS5 + the tantivy side index (the default)
    postgres/     backend: a server, full-text search in PostgreSQL (tsvector, GIN)
"""

from __future__ import annotations

import os
from pathlib import Path

from kamerlens.store.base import AddResult, SearchQuery, SearchResult, Store

DEFAULT_DB = "kamerlens.db"


def default_path() -> str:
    """``$KAMERLENS_DB`` when set, else ``./kamerlens.db``."""
    return os.environ.get("KAMERLENS_DB") or DEFAULT_DB


def is_url(target: str | Path) -> bool:
    """A PostgreSQL URL (``postgresql://`` or ``postgres://``), not a file path."""
    return str(target).startswith(("postgresql://", "postgres://"))


def open_store(
    path: str | Path | None = None, *, readonly: bool = False, text_index: bool = True
) -> Store:
    """Open (and create or migrate) the store at ``path`` (default :func:`default_path`):
    a file path is a SQLite store, a ``postgresql://`` URL a PostgreSQL one.

    >>> store = open_store(":memory:")  # doctest: +SKIP
    >>> store = open_store("postgresql://kamer@db.example/kamerlens")  # doctest: +SKIP
    """
    target = path or default_path()
    if is_url(target):
        from kamerlens.store.postgres import PostgresStore

        return PostgresStore(str(target), readonly=readonly)
    from kamerlens.store.sqlite import SqliteStore

    return SqliteStore(target, readonly=readonly, text_index=text_index)


__all__ = [
    "AddResult",
    "DEFAULT_DB",
    "SearchQuery",
    "SearchResult",
    "Store",
    "default_path",
    "is_url",
    "open_store",
]

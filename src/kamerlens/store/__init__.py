"""extracted records -> a store: SQLite by default (``open_store``), behind the Store protocol."""

from __future__ import annotations

import os
from pathlib import Path

from kamerlens.store.base import AddResult, SearchQuery, SearchResult, Store

DEFAULT_DB = "kamerlens.db"


def default_path() -> str:
    """``$KAMERLENS_DB`` when set, else ``./kamerlens.db``."""
    return os.environ.get("KAMERLENS_DB") or DEFAULT_DB


def open_store(
    path: str | Path | None = None, *, readonly: bool = False, text_index: bool = True
) -> Store:
    """Open (and create or migrate) the store at ``path`` (default :func:`default_path`).

    >>> store = open_store(":memory:")  # doctest: +SKIP
    """
    from kamerlens.store.sqlite import SqliteStore

    return SqliteStore(path or default_path(), readonly=readonly, text_index=text_index)


__all__ = [
    "AddResult",
    "DEFAULT_DB",
    "SearchQuery",
    "SearchResult",
    "Store",
    "default_path",
    "open_store",
]

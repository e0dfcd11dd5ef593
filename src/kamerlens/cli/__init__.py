"""The ``kamerlens`` command: thin commands, each a shim over a library function.

The commands live by what they work on: files (``documents``), the web app (``serve``), filling
the store (``batch``), its questions and upkeep (``store``), and the open-data sync (with its
package, ``kamerlens.sync.command``). They are registered here, in the order of
``kamerlens --help``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kamerlens.cli import batch, documents, serve, store
from kamerlens.cli._app import app
from kamerlens.sync.command import sync_command

COMMANDS: tuple[tuple[str, Callable[..., Any]], ...] = (
    ("extract", documents.extract),
    ("evaluate", documents.evaluate),
    ("serve", serve.serve),
    ("ingest", batch.ingest),
    ("reprocess", batch.reprocess),
    ("search", store.search),
    ("show", store.show),
    ("commitments", store.commitments),
    ("pledges", store.pledges),
    ("refs", store.refs),
    ("events", store.events),
    ("motions", store.motions),
    ("export", store.export_store),
    ("reindex", store.reindex),
    ("stats", store.stats),
    ("demo", batch.demo),
    ("sync", sync_command),
)
for _name, _command in COMMANDS:
    app.command(name=_name)(_command)


def main() -> None:  # pragma: no cover - console entry point
    app()


__all__ = ["app", "main"]

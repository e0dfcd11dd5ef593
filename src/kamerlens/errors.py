"""The one exception tree of kamerlens.

Every error a user can cause is a :class:`KamerlensError` with a one-line message that names
the file (or query, or parameter) and the problem. The CLI prints ``str(error)`` and exits with
``error.exit_code``; the web app turns it into the one JSON error shape.
"""

from __future__ import annotations


class KamerlensError(Exception):
    """Root of every error kamerlens raises on purpose."""

    exit_code = 1
    http_status = 500

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class IngestError(KamerlensError):
    """A file is no readable document (missing, empty, damaged, encrypted, not a document)."""

    exit_code = 2
    http_status = 422


class ExtractError(KamerlensError):
    """Extraction failed on a document that was read."""

    exit_code = 3
    http_status = 500


class StoreError(KamerlensError):
    """The store could not be opened, read or written."""

    exit_code = 4
    http_status = 500


class QueryError(KamerlensError):
    """A search query or filter is malformed."""

    exit_code = 5
    http_status = 400


class SyncError(KamerlensError):
    """An open-data service could not be reached or answered something that is not its format."""

    exit_code = 7
    http_status = 502


class NotFound(KamerlensError):
    """A document, dossier or item asked for is not in the store."""

    exit_code = 6
    http_status = 404

"""The Store protocol: the one small interface the CLI and the web app use.

``store/core.py`` implements it once over plain SQL; ``store/sqlite/`` (the default) and
``store/postgres/`` are the two backends under it. Every query returns plain JSON-ready values
(dicts, lists, str, int, float, None) so the CLI, the JSON API and the templates share one shape.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from kamerlens.ingest import RawDocument
from kamerlens.models import Record

Status = Literal["open", "fulfilled", "overdue", "partial"]
# The Tweede Kamer's own words for the status of a toezegging (open data field Toezegging.Status).
STATUS_NL: dict[str, str] = {
    "open": "Openstaand",
    "overdue": "Openstaand (termijn verstreken)",
    "fulfilled": "Voldaan",
    "partial": "Deels voldaan",
}


@dataclass(frozen=True)
class AddResult:
    doc_id: str  # stable id: the KOOP identifier when known ("kst-36180-42"), else sha256[:16]
    status: Literal["stored", "unchanged", "replaced"]
    items: int  # extracted items stored for this document


@dataclass(frozen=True)
class SearchQuery:
    q: str
    kind: str | None = None  # document kind (brief, verslag, motie ...)
    since: str | None = None  # YYYY-MM-DD
    until: str | None = None
    dossier: str | None = None  # canonical "21501-02"
    entity: str | None = None  # entity name or code ("Oekraïne", "UA", "NAVO")
    sort: Literal["relevance", "date"] = "relevance"
    limit: int = 20
    offset: int = 0
    facets: bool = False  # also count hits per kind/year/dossier (costs a pass over all hits)


@dataclass(frozen=True)
class SearchResult:
    total: int
    # {doc_id, title, kind, date, dossier, number, snippet (hits in <mark>), score}
    hits: list[dict[str, Any]]
    # kind/year/dossier -> counts (when SearchQuery.facets)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    # total (and facets) estimated rather than counted: a very broad query (PostgreSQL)
    estimated: bool = False


class Store(Protocol):
    """What every backend offers. ``doc`` arguments accept a doc_id or a sha256 prefix."""

    def add(self, raw: RawDocument, record: Record, *, replace: bool = False) -> AddResult: ...
    def known(self, sha256: str) -> bool: ...
    def document(self, doc: str) -> dict[str, Any]: ...  # Record.to_dict() + doc_id (+ links)
    def documents(self, *, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]: ...
    def raw(self, doc: str) -> RawDocument: ...  # the stored source, for reprocess
    def search(self, query: SearchQuery) -> SearchResult: ...
    def commitments(
        self, *, status: Status | None = None, as_of: str | None = None, actor: str | None = None
    ) -> list[dict[str, Any]]: ...
    def pledges(self, *, recipient: str | None = None) -> list[dict[str, Any]]: ...
    def refs(self, dossier: str, number: str | None = None) -> dict[str, Any]: ...
    def dossier(self, dossier: str) -> dict[str, Any]: ...
    def events(
        self, *, upcoming: bool = False, as_of: str | None = None
    ) -> list[dict[str, Any]]: ...
    def motions(self) -> list[dict[str, Any]]: ...
    def stats(self) -> dict[str, Any]: ...
    def close(self) -> None: ...

    # What the batch ingest, reprocess and the link stage need besides the questions above.
    def add_many(
        self, pairs: list[tuple[RawDocument, Record]], *, replace: bool = False
    ) -> list[AddResult | Exception]: ...
    def add_prepared(
        self, docs: list[Any], *, replace: bool = False
    ) -> list[AddResult | Exception]: ...  # store/writer.py Prepared rows (batch ingest)
    def known_hashes(self) -> set[str]: ...
    def stored_hashes(self, hashes: Sequence[str]) -> set[str]: ...
    def hashes(self) -> list[str]: ...  # content hash of every document, in stored order
    def sources_by_hash(self, hashes: Sequence[str]) -> list[tuple[str, bytes]]: ...
    def doc_ids(self) -> list[str]: ...
    def source_bytes(self, doc: str) -> tuple[str, bytes]: ...  # (source name, raw bytes)
    def items(
        self, table: str, *, doc_ids: Iterable[str] | None = None
    ) -> list[dict[str, Any]]: ...
    def set_links(
        self, kind: str, links: list[dict[str, Any]], *, from_docs: Iterable[str] | None = None
    ) -> None: ...
    def load_catalogue(self, rows: Iterable[dict[str, Any]]) -> int: ...
    def document_index(self) -> list[dict[str, Any]]: ...  # doc_id, dossier, number, date, ...
    def text_slice(self, doc_id: str, start: int, end: int) -> str: ...
    def export(self, directory: str, *, format: str = "csv") -> list[str]: ...
    def reindex(self) -> int: ...  # rebuild a derived search index (if any) from the store

"""``kamerlens sync``: the Tweede Kamer's SyncFeed into the store, incrementally.

Per category the feed is read page by page from where the last run stopped (``od_sync_state``).
Each page is written in one transaction with its resume point, so a killed run resumes at the
first page it had not finished. Files of Documents and Verslagen (``Resources/<id>``) are read
and stored as documents before their page is written (each in its own transaction, idempotent by
content hash). A page that is no feed is reported and skipped when its next page can still be
found (and tried again on the next run); an entity or file that is malformed is reported in one
line naming it and left out, and the rest goes on.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kamerlens.errors import KamerlensError, QueryError, SyncError
from kamerlens.store import opendata
from kamerlens.store.opendata import Entity
from kamerlens.sync.client import Client, rebase
from kamerlens.sync.feed import FeedPage, parse_page

if TYPE_CHECKING:
    from kamerlens.store.core import SqlStore

DEFAULT_BASE = "https://gegevensmagazijn.tweedekamer.nl"
FEED_PATH = "/SyncFeed/2.0/Feed"
RESOURCE_PATH = "/SyncFeed/2.0/Resources/"
# Order matters: a Document finds its Kamerstukdossier, a Stemming its Besluit, when both come in
# one run.
CATEGORIES = (
    "Persoon",
    "Fractie",
    "Kamerstukdossier",
    "Activiteit",
    "Zaak",
    "ZaakActor",
    "Document",
    "Verslag",
    "Besluit",
    "Stemming",
    "Toezegging",
)
FILE_CATEGORIES = frozenset({"Document", "Verslag"})
_NEXT = re.compile(rb"<(?:\w+:)?link\b[^>]*\brel=[\"']next[\"'][^>]*\bhref=[\"']([^\"']+)[\"']")


@dataclass
class CategorySummary:
    category: str
    pages: int = 0
    entities: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    skipped: int = 0  # older than --since
    documents: int = 0  # files read and stored
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items()}


@dataclass
class SyncSummary:
    source: str
    categories: dict[str, CategorySummary] = field(default_factory=dict)
    requests: int = 0
    retried: int = 0
    seconds: float = 0.0

    @property
    def errors(self) -> list[str]:
        return [e for c in self.categories.values() for e in c.errors]

    def total(self, name: str) -> int:
        return sum(int(getattr(c, name)) for c in self.categories.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "categories": {k: c.to_dict() for k, c in self.categories.items()},
            "requests": self.requests,
            "retried": self.retried,
            "seconds": round(self.seconds, 3),
            "errors": self.errors,
        }


Progress = Callable[[CategorySummary], None]


def choose_categories(names: list[str] | None) -> list[str]:
    """The categories asked for (any case), in sync order; all when none are named."""
    if not names:
        return list(CATEGORIES)
    by_fold = {c.casefold(): c for c in CATEGORIES}
    wanted = set()
    for name in names:
        for part in name.split(","):
            found = by_fold.get(part.strip().casefold())
            if found is None:
                raise QueryError(f"--category {part.strip()!r} is none of {', '.join(CATEGORIES)}")
            wanted.add(found)
    return [c for c in CATEGORIES if c in wanted]


def feed_url(base: str, category: str) -> str:
    return f"{base.rstrip('/')}{FEED_PATH}?category={category}"


def salvage_next(data: bytes) -> str | None:
    """The next page of a page that cannot be parsed, when its links can still be read."""
    head_end = data.find(b"<entry")
    head = data[:head_end] if head_end >= 0 else data
    found = _NEXT.findall(head) or _NEXT.findall(data)
    if not found:
        return None
    return found[-1].decode("utf-8", "replace").replace("&amp;", "&")


class _CategorySync:
    def __init__(
        self,
        store: SqlStore,
        client: Client,
        base: str,
        category: str,
        since: str | None,
        limit: int | None,
        progress: Progress | None,
    ) -> None:
        self.store, self.client, self.base, self.category = store, client, base, category
        self.since, self.limit, self.progress = since, limit, progress
        self.summary = CategorySummary(category)

    def run(self) -> CategorySummary:
        state = opendata.sync_state(self.store, "tk", self.category)
        failed: list[str] = list(state["failed"])
        resume: str | None = state["resume_url"]
        for old in list(failed):  # pages that could not be read last time, tried again first
            again = self._fetch(old)
            if again is not None:
                failed.remove(old)
                self._write(again, again.entities, resume or old, failed)
        url: str | None = resume or feed_url(self.base, self.category)
        seen: set[str] = set()  # a next link back to a page read before would never end
        while url and not self._full():
            fetch = rebase(url, self.base)
            if fetch in seen:
                self.summary.errors.append(f"{self.category}: the feed loops back to {url}")
                break
            seen.add(fetch)
            try:
                data = self.client.get(fetch)
            except SyncError as exc:
                self.summary.errors.append(str(exc))
                break
            try:
                page = parse_page(data, url)
            except SyncError as exc:
                self.summary.errors.append(str(exc))
                url = self._skip(url, data, failed)
                continue
            url = self._take(page, url, failed)
        return self.summary

    def _full(self) -> bool:
        return self.limit is not None and self.summary.entities >= self.limit

    def _fetch(self, url: str) -> FeedPage | None:
        try:
            return parse_page(self.client.get(rebase(url, self.base)), url)
        except SyncError as exc:
            self.summary.errors.append(str(exc))
            return None

    def _skip(self, url: str, data: bytes, failed: list[str]) -> str | None:
        nxt = salvage_next(data)
        if nxt is None:
            return None  # nowhere to go: the category stops here and resumes here next time
        failed.append(url)
        opendata.set_state(self.store, "tk", self.category, nxt, failed)
        return nxt

    def _take(self, page: FeedPage, url: str, failed: list[str]) -> str | None:
        """Write one page (or the part of it --limit leaves); returns the next page's URL."""
        entities, resume, nxt = page.entities, page.resume or url, page.next_url
        if self.limit is not None and len(entities) > self.limit - self.summary.entities:
            entities = entities[: self.limit - self.summary.entities]
            resume, nxt = (entities[-1].resume if entities else None) or url, None
        self._write(page, entities, resume, failed)
        return nxt

    def _write(
        self, page: FeedPage, entities: list[Entity], resume: str, failed: list[str]
    ) -> None:
        self.summary.errors += page.errors
        kept = [e for e in entities if not self._too_old(e)]
        self.summary.skipped += len(entities) - len(kept)
        links = []
        if self.category in FILE_CATEGORIES:
            links = [
                link for e in kept if not e.deleted for link in [self._file(e)] if link is not None
            ]
        counts = opendata.write_page(
            self.store,
            "tk",
            self.category,
            kept,
            resume=resume,
            failed=failed,
            documents=links,
        )
        s = self.summary
        s.pages += 1
        s.entities += len(entities)
        s.added += counts.added
        s.updated += counts.updated
        s.unchanged += counts.unchanged
        s.deleted += counts.deleted
        if self.progress:
            self.progress(s)

    def _too_old(self, entity: Entity) -> bool:
        return bool(self.since) and entity.bijgewerkt[:10] < str(self.since)

    def _file(self, entity: Entity) -> opendata.DocumentLink | None:
        """Read the entity's file into the store (unless it is stored already)."""
        if opendata.file_state(self.store, entity.id) == entity.bijgewerkt:
            return None  # unchanged since its file was read
        dossier = number = None
        if self.category == "Document":
            as_dict = {**entity.fields, "refs": entity.refs}
            dossier, number = opendata.kamerstuk_of(self.store, as_dict)
            known = opendata.linked_doc(self.store, dossier, number)
            if known:  # the same Kamerstuk is stored (its KOOP XML): one document, not two
                return opendata.DocumentLink(entity.id, "tk", known, dossier, number)
        if entity.content_type is None and entity.enclosure is None:
            return opendata.DocumentLink(entity.id, "tk", None, dossier, number)
        url = entity.enclosure or f"{self.base.rstrip('/')}{RESOURCE_PATH}{entity.id}"
        try:
            doc_id = store_file(self.store, self.client, rebase(url, self.base), url)
        except KamerlensError as exc:
            message = f"{self.category} {entity.id}: its file {exc}"
            self.summary.errors.append(message)
            return opendata.DocumentLink(entity.id, "tk", None, dossier, number, str(exc))
        self.summary.documents += 1
        return opendata.DocumentLink(entity.id, "tk", doc_id, dossier, number)


def store_file(store: SqlStore, client: Client, fetch_url: str, name: str) -> str:
    """GET a file, read and extract it, store it; returns its doc_id."""
    from kamerlens.extract import extract_raw
    from kamerlens.ingest import read

    data = client.get(fetch_url)
    raw = read(data, name=name)
    return store.add(raw, extract_raw(raw)).doc_id


def sync(
    store: SqlStore,
    *,
    base_url: str = DEFAULT_BASE,
    categories: list[str] | None = None,
    since: str | None = None,
    limit: int | None = None,
    client: Client | None = None,
    progress: Progress | None = None,
) -> SyncSummary:
    """Sync the chosen categories from the SyncFeed at ``base_url`` into ``store``."""
    chosen = choose_categories(categories)
    own = client is None
    http = client or Client()
    summary = SyncSummary("tk")
    started = time.perf_counter()
    try:
        for category in chosen:
            job = _CategorySync(store, http, base_url, category, since, limit, progress)
            summary.categories[category] = job.run()
        from kamerlens.link.register import relink_register

        relink_register(store)
    finally:
        summary.requests, summary.retried = http.requests, http.retried
        summary.seconds = time.perf_counter() - started
        if own:
            http.close()
    return summary


__all__ = [
    "CATEGORIES",
    "DEFAULT_BASE",
    "CategorySummary",
    "SyncSummary",
    "choose_categories",
    "feed_url",
    "store_file",
    "sync",
]

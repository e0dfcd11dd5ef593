"""Query parameters shared by the pages, the JSON API and the feeds.

Every parser raises :class:`QueryError` (HTTP 400) with a message that names the parameter, so a
bad bookmark gives a clear answer instead of a server error.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from kamerlens.errors import QueryError
from kamerlens.models import COMMITMENT_KINDS
from kamerlens.store.base import SearchQuery

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
STATUSES: tuple[str, ...] = ("overdue", "open", "partial", "fulfilled")
# The Tweede Kamer's own words for the status of a toezegging, and ours.
_STATUS_WORDS = {
    "openstaand": "open",
    "verlopen": "overdue",
    "te laat": "overdue",
    "voldaan": "fulfilled",
    "deels voldaan": "partial",
    "partly fulfilled": "partial",
}
SORTS = ("relevance", "date")
MAX_PER_PAGE = 100
MAX_QUERY_CHARS = 500


def parse_date(value: str | None, name: str, *, end: bool = False) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` -> ``YYYY-MM-DD`` (first day, or last when ``end``).

    >>> parse_date("2022", "until", end=True)
    '2022-12-31'
    """
    if value is None or not value.strip():
        return None
    m = _DATE.match(value.strip())
    if not m:
        raise QueryError(f"parameter {name!r}: {value!r} is not a date (use YYYY-MM-DD)")
    year, month, day = int(m[1]), int(m[2] or (12 if end else 1)), m[3]
    if not 1 <= month <= 12:
        raise QueryError(f"parameter {name!r}: {value!r} has no month {month}")
    last = calendar.monthrange(year, month)[1]
    dd = int(day) if day else (last if end else 1)
    try:
        return date(year, month, dd).isoformat()
    except ValueError as exc:
        raise QueryError(f"parameter {name!r}: {value!r} is not a valid date ({exc})") from exc


def parse_status(value: str | None) -> str | None:
    """open, overdue, partial, fulfilled (or Openstaand, Voldaan, Deels voldaan); None for all."""
    if value is None or not value.strip() or value.strip().lower() == "all":
        return None
    v = " ".join(value.strip().lower().replace("_", " ").split())
    if v in STATUSES:
        return v
    if v in _STATUS_WORDS:
        return _STATUS_WORDS[v]
    raise QueryError(
        f"parameter 'status': {value!r} is not one of open, overdue, partial, fulfilled"
        " (or Openstaand, Voldaan, Deels voldaan)"
    )


def parse_kind(value: str | None) -> str | None:
    """A commitment's kind: toezegging (a promise to the Kamer) or voornemen; None for all."""
    if value is None or not value.strip() or value.strip().lower() == "all":
        return None
    v = value.strip().lower()
    if v in COMMITMENT_KINDS:
        return v
    raise QueryError(f"parameter 'kind': {value!r} is not one of {', '.join(COMMITMENT_KINDS)}")


def parse_sort(value: str | None) -> Literal["relevance", "date"]:
    if value is None or not value.strip() or value == "relevance":
        return "relevance"
    if value == "date":
        return "date"
    raise QueryError(f"parameter 'sort': {value!r} is not one of relevance, date")


def parse_int(value: str | None, name: str, *, default: int, low: int, high: int) -> int:
    if value is None or not value.strip():
        return default
    try:
        n = int(value)
    except ValueError as exc:
        raise QueryError(f"parameter {name!r}: {value!r} is not a whole number") from exc
    if not low <= n <= high:
        raise QueryError(f"parameter {name!r}: {n} is outside {low}..{high}")
    return n


def parse_bool(value: str | None, name: str, *, default: bool) -> bool:
    if value is None or not value.strip():
        return default
    v = value.strip().lower()
    if v in ("1", "true", "yes", "on"):
        return True
    if v in ("0", "false", "no", "off"):
        return False
    raise QueryError(f"parameter {name!r}: {value!r} is not true or false")


def clean_text(value: str | None, name: str, *, limit: int = 200) -> str | None:
    if value is None or not value.strip():
        return None
    v = value.strip()
    if len(v) > limit:
        raise QueryError(f"parameter {name!r} is longer than {limit} characters")
    if any(ord(c) < 32 for c in v):
        raise QueryError(f"parameter {name!r} contains control characters")
    return v


@dataclass(frozen=True)
class SearchParams:
    """The search form, parsed once; ``query()`` gives the store's SearchQuery."""

    q: str
    kind: str | None = None
    since: str | None = None
    until: str | None = None
    dossier: str | None = None
    entity: str | None = None
    sort: Literal["relevance", "date"] = "relevance"
    page: int = 1
    per_page: int = 20
    facets: bool = True
    # what the asker assumes without a ``facets`` parameter: the search page shows them, the
    # API and the feeds count them only when asked (they cost more than the search itself)
    facets_default: bool = True

    @classmethod
    def parse(
        cls, raw: dict[str, str | None], *, require_q: bool = True, facets: bool = True
    ) -> SearchParams:
        q = clean_text(raw.get("q"), "q", limit=MAX_QUERY_CHARS) or ""
        if require_q and not q:
            raise QueryError("parameter 'q' is required: the words to search for")
        since = parse_date(raw.get("since"), "since")
        until = parse_date(raw.get("until"), "until", end=True)
        if since and until and since > until:
            raise QueryError(f"parameter 'since' ({since}) is after 'until' ({until})")
        return cls(
            q=q,
            kind=clean_text(raw.get("kind"), "kind"),
            since=since,
            until=until,
            dossier=clean_text(raw.get("dossier"), "dossier"),
            entity=clean_text(raw.get("entity"), "entity"),
            sort=parse_sort(raw.get("sort")),
            page=parse_int(raw.get("page"), "page", default=1, low=1, high=10_000),
            per_page=parse_int(
                raw.get("per_page"), "per_page", default=20, low=1, high=MAX_PER_PAGE
            ),
            facets=parse_bool(raw.get("facets"), "facets", default=facets),
            facets_default=facets,
        )

    def query(self) -> SearchQuery:
        return SearchQuery(
            q=self.q,
            kind=self.kind,
            since=self.since,
            until=self.until,
            dossier=self.dossier,
            entity=self.entity,
            sort=self.sort,
            limit=self.per_page,
            offset=(self.page - 1) * self.per_page,
            facets=self.facets,
        )

    def as_params(self, **change: str | int | None) -> dict[str, str]:
        """The non-empty parameters, with ``change`` applied: for links that keep the filters."""
        out: dict[str, str | int | None] = {
            "q": self.q,
            "kind": self.kind,
            "since": self.since,
            "until": self.until,
            "dossier": self.dossier,
            "entity": self.entity,
            "sort": None if self.sort == "relevance" else self.sort,
            "page": None if self.page == 1 else self.page,
            "per_page": None if self.per_page == 20 else self.per_page,
            "facets": None if self.facets == self.facets_default else str(self.facets).lower(),
        }
        out.update(change)
        return {k: str(v) for k, v in out.items() if v not in (None, "")}

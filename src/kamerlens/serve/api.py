"""The JSON API: the data of every page, with the same filters, under ``/api/``.

Parameters are taken as text and parsed by ``params.py`` so that a bad value gets a 400 whose
message names the parameter; the OpenAPI description (``/openapi.json``) lists them all.
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import JSONResponse, Response

from kamerlens.errors import KamerlensError
from kamerlens.serve import views
from kamerlens.serve.access import StoreAccess
from kamerlens.serve.params import (
    SearchParams,
    clean_text,
    parse_bool,
    parse_date,
    parse_int,
    parse_kind,
    parse_status,
)

router = APIRouter(prefix="/api", tags=["api"])

Text = Annotated[str | None, Query()]
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": 'Bad parameter: {"error": {"status": 400, "message": "..."}}'},
    503: {"description": "The query ran past the time limit"},
}


class Forbidden(KamerlensError):
    exit_code = 9
    http_status = 403


class Unauthorized(KamerlensError):
    exit_code = 9
    http_status = 401


class FastJSON(Response):
    """JSON encoded by orjson (UTF-8, no spaces), a fifth of the standard library's time."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)


def _json(data: Any) -> Response:
    # The data is JSON-ready already; skipping FastAPI's response validation saves time.
    return FastJSON(data)


def access(request: Request) -> StoreAccess:
    return request.app.state.access  # type: ignore[no-any-return]


@router.get("/stats", summary="How many documents and items of each kind the store holds")
async def stats(request: Request) -> Response:
    return _json(await access(request).call(lambda s: s.stats(), key=("stats",)))


# The search's parameters, described for OpenAPI but read by ``SearchParams.parse`` alone: the
# framework's own validation of ten optional parameters cost a third of an answer's CPU.
SEARCH_PARAMETERS = {
    "q": 'Words, "phrases", AND/OR/NOT, NEAR, prefix*',
    "kind": "Document kind: brief, verslag, motie ...",
    "since": "YYYY, YYYY-MM or YYYY-MM-DD",
    "until": "YYYY, YYYY-MM or YYYY-MM-DD",
    "dossier": "Dossier number, e.g. 21501-02",
    "entity": "Entity name or code: NAVO, UA ...",
    "sort": "relevance (default) or date",
    "page": "Page number, from 1",
    "per_page": "Hits per page, 1..100 (20)",
    "facets": "Also count hits per kind, year, dossier and entity (false)",
}


def _described(parameters: dict[str, str]) -> dict[str, Any]:
    return {
        "parameters": [
            {
                "name": name,
                "in": "query",
                "required": False,
                "schema": {"type": "string"},
                "description": text,
            }
            for name, text in parameters.items()
        ]
    }


@router.get(
    "/search",
    summary="Full-text search with filters and facets",
    responses=ERRORS,
    openapi_extra=_described(SEARCH_PARAMETERS),
)
async def search(request: Request) -> Response:
    params = SearchParams.parse(dict(request.query_params), facets=False)
    return _json(
        await access(request).call(lambda s: views.search_view(s, params), key=("search", params))
    )


@router.get(
    "/doc/{doc_id}",
    summary="One document's record",
    responses={404: {"description": "No such document"}},
)
async def document(
    request: Request,
    doc_id: str,
    text: Annotated[str | None, Query(description="Include the normalized text (true)")] = None,
) -> Response:
    with_text = parse_bool(text, "text", default=True)
    record = await access(request).call(
        lambda s: views.document_view(s, doc_id), key=("doc", doc_id)
    )
    return _json(record if with_text else {k: v for k, v in record.items() if k != "text"})


@router.get("/documents", summary="Stored documents, newest first")
async def documents(request: Request, page: Text = None, per_page: Text = None) -> Response:
    n = parse_int(page, "page", default=1, low=1, high=100_000)
    size = parse_int(per_page, "per_page", default=20, low=1, high=100)
    rows = await access(request).call(
        lambda s: s.documents(limit=size, offset=(n - 1) * size), key=("documents", n, size)
    )
    return _json({"page": n, "per_page": size, "documents": rows})


@router.get("/commitments", summary="Commitments with their status as of a date", responses=ERRORS)
async def commitments(
    request: Request,
    status: Annotated[str | None, Query(description="open, overdue or fulfilled")] = None,
    as_of: Annotated[str | None, Query(description="YYYY-MM-DD (today)")] = None,
    actor: Annotated[str | None, Query(description="Who made the commitment")] = None,
    kind: Annotated[str | None, Query(description="toezegging or voornemen")] = None,
) -> Response:
    st, day, who = parse_status(status), parse_date(as_of, "as_of"), clean_text(actor, "actor")
    day, what = day or views.today(), parse_kind(kind)
    return _json(
        await access(request).call(
            lambda s: views.commitments_view(s, status=st, as_of=day, actor=who, kind=what),
            key=("commitments", st, day, who, what),
        )
    )


@router.get("/pledges", summary="Money over time per recipient or fund")
async def pledges(
    request: Request,
    recipient: Annotated[str | None, Query(description="Recipient or fund, e.g. EPF")] = None,
) -> Response:
    who = clean_text(recipient, "recipient")
    return _json(
        await access(request).call(
            lambda s: views.pledges_view(s, recipient=who), key=("pledges", who)
        )
    )


@router.get(
    "/dossier/{number}", summary="A dossier: its documents and who cites it", responses=ERRORS
)
async def dossier(request: Request, number: str) -> Response:
    return _json(
        await access(request).call(lambda s: views.dossier_view(s, number), key=("dossier", number))
    )


@router.get("/motions", summary="Motions found in text and synced, with the Kamer's decision")
async def motions(request: Request) -> Response:
    from kamerlens.serve.opendata_views import motions_view

    return _json(await access(request).call(motions_view, key=("motions",)))


@router.get(
    "/motion/{dossier}/{number}", summary="One motion with its votes per fractie", responses=ERRORS
)
async def motion(request: Request, dossier: str, number: str) -> Response:
    from kamerlens.serve.opendata_views import motion_view

    return _json(
        await access(request).call(
            lambda s: motion_view(s, dossier, number), key=("motion", dossier, number)
        )
    )


@router.get("/register", summary="The Kamer's register of toezeggingen against the text")
async def register(request: Request) -> Response:
    from kamerlens.serve.opendata_views import register_view

    return _json(await access(request).call(register_view, key=("register",)))


@router.get("/events", summary="Meetings and deadlines, grouped by month", responses=ERRORS)
async def events(
    request: Request,
    upcoming: Annotated[str | None, Query(description="Only events after as_of (true)")] = None,
    as_of: Annotated[str | None, Query(description="YYYY-MM-DD (today)")] = None,
) -> Response:
    up, day = parse_bool(upcoming, "upcoming", default=True), parse_date(as_of, "as_of")
    day = day or views.today()
    return _json(
        await access(request).call(
            lambda s: views.events_view(s, upcoming=up, as_of=day), key=("events", up, day)
        )
    )


def _check_token(request: Request, authorization: str | None) -> None:
    token: str | None = request.app.state.write_token
    if not token:
        raise Forbidden("this server is read-only; start it with --write-token to allow uploads")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not authorization or not hmac.compare_digest(given.encode(), token.encode()):
        raise Unauthorized("a valid 'Authorization: Bearer <token>' header is required")


@router.post(
    "/documents",
    status_code=201,
    summary="Ingest one uploaded document (only with --write-token)",
    responses={401: {"description": "No or wrong token"}, 403: {"description": "Read-only server"}},
)
async def upload(
    request: Request,
    name: Annotated[str | None, Query(description="File name of the upload")] = None,
    authorization: Annotated[str | None, Header()] = None,
) -> Response:
    """The request body is the document itself (PDF, XML, HTML or text), at most 20 MB."""
    _check_token(request, authorization)
    data = await request.body()
    source = clean_text(name, "name") or "upload"

    def ingest(store: Any) -> dict[str, Any]:
        from kamerlens.extract import extract_raw
        from kamerlens.ingest import read

        raw = read(data, name=source)
        result = store.add(raw, extract_raw(raw))
        return {"doc_id": result.doc_id, "status": result.status, "items": result.items}

    body = await access(request).call(ingest, timeout=120.0)
    cache = access(request).cache
    if cache is not None:
        cache.clear()  # this process wrote: no answer from before stays
    return JSONResponse(body, status_code=201)

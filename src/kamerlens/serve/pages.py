"""Server-rendered pages and feeds. Every page has a shareable URL and a twin under ``/api/``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from kamerlens.serve import views
from kamerlens.serve.access import StoreAccess
from kamerlens.serve.app import render_html
from kamerlens.serve.charts import legend, pledge_chart
from kamerlens.serve.feeds import atom_feed, commitment_entries, ics_calendar, search_entries
from kamerlens.serve.highlight import render_record
from kamerlens.serve.params import (
    STATUSES,
    SearchParams,
    clean_text,
    parse_bool,
    parse_date,
    parse_kind,
    parse_status,
)

router = APIRouter(include_in_schema=False)


def _access(request: Request) -> StoreAccess:
    return request.app.state.access  # type: ignore[no-any-return]


def _page(request: Request, name: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(render_html(request, name, context))


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


@router.get("/", response_class=HTMLResponse)
async def home(request: Request) -> HTMLResponse:
    as_of = parse_date(request.query_params.get("as_of"), "as_of") or views.today()
    data = await _access(request).call(
        lambda s: views.dashboard_view(s, as_of=as_of), key=("home", as_of)
    )
    return _page(request, "home.html", **data)


@router.get("/search", response_class=HTMLResponse)
async def search(request: Request) -> HTMLResponse:
    params = SearchParams.parse(dict(request.query_params), require_q=False)
    data: dict[str, Any] | None = None
    if params.q:
        data = await _access(request).call(
            lambda s: views.search_view(s, params), key=("search", params)
        )
    return _page(request, "search.html", params=params, data=data)


@router.get("/doc/{doc_id}", response_class=HTMLResponse)
async def document(request: Request, doc_id: str) -> HTMLResponse:
    record = await _access(request).call(
        lambda s: views.document_view(s, doc_id), key=("doc", doc_id)
    )
    return _page(
        request,
        "document.html",
        record=record,
        doc=record.get("document") or {},
        view=render_record(record),
    )


@router.get("/commitments", response_class=HTMLResponse)
async def commitments(request: Request) -> HTMLResponse:
    q = request.query_params
    status = parse_status(q.get("status"))
    as_of = parse_date(q.get("as_of"), "as_of") or views.today()
    actor = clean_text(q.get("actor"), "actor")
    kind = parse_kind(q.get("kind"))
    data = await _access(request).call(
        lambda s: views.commitments_view(s, status=status, as_of=as_of, actor=actor, kind=kind),
        key=("commitments", status, as_of, actor, kind),
    )
    return _page(request, "commitments.html", statuses=STATUSES, **data)


@router.get("/pledges", response_class=HTMLResponse)
async def pledges(request: Request) -> HTMLResponse:
    recipient = clean_text(request.query_params.get("recipient"), "recipient")
    data = await _access(request).call(
        lambda s: views.pledges_view(s, recipient=recipient), key=("pledges", recipient)
    )
    return _page(
        request,
        "pledges.html",
        chart=pledge_chart(data["series"]),
        legend=legend(data["series"]),
        **data,
    )


@router.get("/dossier/{number}", response_class=HTMLResponse)
async def dossier(request: Request, number: str) -> HTMLResponse:
    data = await _access(request).call(
        lambda s: views.dossier_view(s, number), key=("dossier", number)
    )
    return _page(request, "dossier.html", number=number, data=data)


@router.get("/events", response_class=HTMLResponse)
async def events(request: Request) -> HTMLResponse:
    q = request.query_params
    upcoming = parse_bool(q.get("upcoming"), "upcoming", default=True)
    as_of = parse_date(q.get("as_of"), "as_of") or views.today()
    data = await _access(request).call(
        lambda s: views.events_view(s, upcoming=upcoming, as_of=as_of),
        key=("events", upcoming, as_of),
    )
    return _page(request, "events.html", **data)


@router.get("/events.ics")
async def events_ics(request: Request) -> Response:
    q = request.query_params
    upcoming = parse_bool(q.get("upcoming"), "upcoming", default=False)
    as_of = parse_date(q.get("as_of"), "as_of") or views.today()

    data = await _access(request).call(
        lambda s: views.events_view(s, upcoming=upcoming, as_of=as_of),
        key=("events", upcoming, as_of),
    )
    body = ics_calendar([e for m in data["months"] for e in m["events"]], _base(request))
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={"content-disposition": 'inline; filename="kamerlens.ics"'},
    )


@router.get("/search.atom")
async def search_atom(request: Request) -> Response:
    params = SearchParams.parse(
        {**dict(request.query_params), "sort": "date", "page": None, "per_page": "50"},
        facets=False,
    )
    data = await _access(request).call(
        lambda s: views.search_view(s, params), key=("search", params)
    )
    base = _base(request)
    page_url = f"{base}/search?{request.url.query}" if request.url.query else f"{base}/search"
    body = atom_feed(
        f"kamerlens: {params.q}", str(request.url), page_url, search_entries(data["hits"], base)
    )
    return Response(body, media_type="application/atom+xml; charset=utf-8")


@router.get("/commitments.atom")
async def commitments_atom(request: Request) -> Response:
    q = request.query_params
    status, actor = parse_status(q.get("status")), clean_text(q.get("actor"), "actor")
    as_of = parse_date(q.get("as_of"), "as_of") or views.today()
    kind = parse_kind(q.get("kind"))
    data = await _access(request).call(
        lambda s: views.commitments_view(s, status=status, as_of=as_of, actor=actor, kind=kind),
        key=("commitments", status, as_of, actor, kind),
    )
    rows = sorted(
        data["commitments"],
        key=lambda c: str(c.get("doc_date") or c.get("date") or ""),
        reverse=True,
    )[:50]
    base = _base(request)
    body = atom_feed(
        "kamerlens: new commitments",
        str(request.url),
        f"{base}/commitments",
        commitment_entries(rows, base),
    )
    return Response(body, media_type="application/atom+xml; charset=utf-8")


@router.get("/motions", response_class=HTMLResponse)
async def motions(request: Request) -> HTMLResponse:
    from kamerlens.serve.opendata_views import motions_view

    data = await _access(request).call(motions_view, key=("motions",))
    return _page(request, "motions.html", **data)


@router.get("/motion/{dossier}/{number}", response_class=HTMLResponse)
async def motion(request: Request, dossier: str, number: str) -> HTMLResponse:
    from kamerlens.serve.opendata_views import motion_view

    data = await _access(request).call(
        lambda s: motion_view(s, dossier, number), key=("motion", dossier, number)
    )
    return _page(request, "motion.html", motion=data)


@router.get("/register", response_class=HTMLResponse)
async def register(request: Request) -> HTMLResponse:
    from kamerlens.serve.opendata_views import register_view

    data = await _access(request).call(register_view, key=("register",))
    return _page(request, "register.html", **data)

"""The web app: FastAPI over one Store, read-only unless started with a write token.

``create_app(db)`` wires the pages (``pages.py``), the JSON API (``api.py``) and the feeds to a
:class:`StoreAccess`, and adds what keeps a public-facing server safe: one JSON error shape for
every error, bounded request bodies and query time, and strict security headers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kamerlens.errors import KamerlensError
from kamerlens.serve.access import ResultCache, StoreAccess, store_version
from kamerlens.serve.highlight import KIND_LABELS
from kamerlens.serve.text import (
    basename,
    cut,
    first_upper,
    money,
    month_name,
    safe_snippet,
    speaker_name,
    speaker_side,
    weekday,
)
from kamerlens.store.base import Store

log = logging.getLogger("kamerlens.serve")
MAX_BODY = 20 * 1024 * 1024
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class BodyTooLarge(KamerlensError):
    exit_code = 8
    http_status = 413


class SecurityHeaders:
    """Adds the security headers to every HTTP response (pages, API, static files, errors)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes, by Content-Length or while streaming."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            response = error_json(413, f"the request body is larger than {self.limit} bytes")
            await response(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge(f"the request body is larger than {self.limit} bytes")
            return message

        await self.app(scope, counted, send)


def error_json(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """The one error shape of the API."""
    return JSONResponse(
        {"error": {"status": status, "message": message}}, status_code=status, headers=headers
    )


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path.endswith((".json", ".atom", ".ics")):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    """JSON for the API and feeds; the same status and message as a page for a browser."""
    if _wants_html(request):
        html = render_html(request, "error.html", {"status": status, "message": message})
        return HTMLResponse(html, status_code=status, headers=headers)
    return error_json(status, message, headers)


def _validation_message(exc: RequestValidationError) -> str:
    errors = exc.errors()
    if not errors:
        return "bad request"
    first = errors[0]
    where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body"))
    return f"parameter {where!r}: {first.get('msg', 'is not valid')}"


def _install_error_handlers(app: FastAPI) -> None:
    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, 400, _validation_message(exc))

    async def on_kamerlens(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, KamerlensError)
        status = exc.http_status if 400 <= exc.http_status <= 599 else 500
        if status >= 500 and status != 503:
            log.error("server error on %s: %s", request.url.path, exc)
        return error_response(request, status, str(exc))

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return error_response(request, exc.status_code, message, getattr(exc, "headers", None))

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return error_response(request, 500, "internal error; the server log has the details")

    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(KamerlensError, on_kamerlens)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(Exception, on_unexpected)


def query_string(**params: Any) -> str:
    """``a=1&b=x`` from the non-empty parameters, for links that keep filters."""
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("kamerlens.serve", "templates"),
        autoescape=True,  # every value is escaped unless it is Markup built by our own code
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["money"] = money
    env.filters["cut"] = cut
    env.filters["snippet"] = safe_snippet
    env.filters["month_name"] = month_name
    env.filters["weekday"] = weekday
    env.filters["first_upper"] = first_upper
    env.filters["basename"] = basename
    env.filters["speaker"] = speaker_name
    env.filters["speaker_side"] = speaker_side
    env.globals["KIND_LABELS"] = KIND_LABELS
    env.globals["qs"] = query_string
    return env


def render_html(request: Request, name: str, context: dict[str, Any]) -> str:
    env: Environment = request.app.state.templates
    template = env.get_template(name)
    return template.render(request=request, path=request.url.path, **context)


def _default_opener(db: str | Path) -> Callable[[], Store]:
    def opener() -> Store:
        from kamerlens.store import open_store  # the store package lands beside us

        return open_store(str(db))

    return opener


def create_app(
    db: str | Path | None = None,
    *,
    opener: Callable[[], Store] | None = None,
    write_token: str | None = None,
    query_timeout: float = 5.0,
    max_body: int = MAX_BODY,
    version: Callable[[], Hashable] | None = None,
    cache_size: int = 512,
) -> FastAPI:
    """The app over the store at ``db`` (or the stores ``opener`` returns, one per thread).

    ``version`` tells when the store changed, so cached answers are dropped; without it they
    live at most a minute. ``cache_size=0`` turns the cache off.
    """
    if opener is None:
        if db is None:
            raise ValueError("create_app needs a database path or an opener")
        opener = _default_opener(db)
        version = version or store_version(db)
    cache = ResultCache(cache_size, version=version) if cache_size > 0 else None
    access = StoreAccess(opener, timeout=query_timeout, cache=cache)

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        yield
        access.close()

    app = FastAPI(
        title="kamerlens",
        version="0.1.0",
        description="Dutch parliamentary documents as a linked, searchable record. "
        'Every error has the shape {"error": {"status": N, "message": "..."}}.',
        docs_url=None,  # Swagger UI needs a CDN and inline scripts; /openapi.json describes all
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.access = access
    app.state.write_token = write_token or None
    app.state.templates = _environment()
    _install_error_handlers(app)
    app.add_middleware(BodyLimit, limit=max_body)
    app.add_middleware(SecurityHeaders)

    from kamerlens.serve import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    static = Path(__file__).parent / "static"
    app.mount("/static", StaticFiles(directory=static), name="static")
    return app

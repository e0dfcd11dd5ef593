"""One shape for every error, {"error": {"status", "message"}}; bad parameters: 400, not 500."""

from __future__ import annotations

import pytest


def _assert_error(response, status: int, *words: str) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    message = body["error"]["message"]
    assert isinstance(message, str) and message
    for word in words:
        assert word.lower() in message.lower(), message


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/api/commitments?as_of=2023-13-01", ["as_of", "month"]),
        ("/api/commitments?as_of=yesterday", ["as_of", "not a date"]),
        ("/api/commitments?status=maybe", ["status", "open"]),
        ("/api/events?as_of=2023-02-30", ["as_of"]),
        ("/api/events?upcoming=perhaps", ["upcoming"]),
        ("/api/search?q=NAVO&since=2023-99", ["since"]),
        ("/api/search?q=NAVO&since=2023-06-01&until=2022-01-01", ["since", "until"]),
        ("/api/search?q=NAVO&sort=popular", ["sort"]),
        ("/api/search?q=NAVO&page=0", ["page"]),
        ("/api/search?q=NAVO&per_page=100000", ["per_page"]),
        ("/api/search?q=NAVO&page=two", ["page", "whole number"]),
        ("/api/search", ["q", "required"]),
        ('/api/search?q="kritieke infrastructuur', ["quote"]),
        ("/api/search?q=NAVO AND", ["AND"]),
        ("/api/search?q=(NAVO", ["("]),
        ("/api/doc/x?text=sometimes", ["text"]),
        ("/api/documents?per_page=0", ["per_page"]),
    ],
)
def test_api_errors_bad_parameters_are_400(client, url: str, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    _assert_error(client.get(url), 400, *words)


def test_api_errors_unknown_document_is_404(client) -> None:  # type: ignore[no-untyped-def]
    _assert_error(client.get("/api/doc/kst-99999-1"), 404, "kst-99999-1")


def test_api_errors_unknown_route_is_404(client) -> None:  # type: ignore[no-untyped-def]
    _assert_error(client.get("/api/nothing-here"), 404, "/api/nothing-here")


def test_api_errors_wrong_method_is_405(client) -> None:  # type: ignore[no-untyped-def]
    _assert_error(client.delete("/api/stats"), 405, "DELETE")


def test_api_errors_page_errors_render_html_for_browsers(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/commitments?as_of=2023-13-01", headers={"accept": "text/html"})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    assert "has no month 13" in response.text
    missing = client.get("/doc/no-such-document", headers={"accept": "text/html"})
    assert missing.status_code == 404 and "Not found" in missing.text


def test_api_errors_feeds_answer_bad_parameters_with_the_json_shape(client) -> None:  # type: ignore[no-untyped-def]
    _assert_error(client.get("/search.atom"), 400, "q")
    _assert_error(client.get("/events.ics?as_of=soon"), 400, "as_of")


def test_api_errors_query_time_is_bounded(store_db) -> None:  # type: ignore[no-untyped-def]
    """A query that outlives the server's limit is answered 503 in the error shape."""
    from fastapi.testclient import TestClient

    from kamerlens.serve import create_app, store_opener

    app = create_app(opener=store_opener(store_db, writable=False), query_timeout=1e-6)
    with TestClient(app, raise_server_exceptions=False) as slow:
        _assert_error(slow.get("/api/search?q=NAVO"), 503, "longer than")


def test_api_errors_openapi_lists_every_api_route(client) -> None:  # type: ignore[no-untyped-def]
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for route in (
        "/api/search",
        "/api/doc/{doc_id}",
        "/api/commitments",
        "/api/pledges",
        "/api/dossier/{number}",
        "/api/events",
        "/api/stats",
        "/api/documents",
    ):
        assert route in paths
    params = {p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert {"q", "kind", "since", "until", "dossier", "entity", "sort", "page"} <= params


def test_api_errors_same_question_at_once_is_computed_once(store_db) -> None:  # type: ignore[no-untyped-def]
    """Concurrent identical questions share one computation and all get its answer."""
    import asyncio

    from kamerlens.serve.access import ResultCache, StoreAccess
    from kamerlens.serve.params import SearchParams
    from kamerlens.serve.views import search_view
    from kamerlens.store import open_store

    access = StoreAccess(lambda: open_store(store_db, readonly=True), cache=ResultCache(8))
    runs: list[int] = []
    params = SearchParams.parse({"q": "NAVO"})

    def ask(store):  # type: ignore[no-untyped-def]
        runs.append(1)
        return search_view(store, params)

    async def many() -> list[dict]:  # type: ignore[type-arg]
        return await asyncio.gather(*(access.call(ask, key=("s", params)) for _ in range(20)))

    # a thread of its own: the browser tests keep Playwright's event loop in the main thread
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        answers = pool.submit(lambda: asyncio.run(many())).result()
    assert len(runs) == 1
    assert all(a["total"] == answers[0]["total"] > 0 for a in answers)

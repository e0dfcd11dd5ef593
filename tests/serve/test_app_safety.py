"""Safety: escaped document text, read-only by default, bounded bodies, security headers."""

from __future__ import annotations

from fastapi.testclient import TestClient

from kamerlens.serve import create_app, store_opener


def test_app_safety_document_text_is_escaped(hostile_client, hostile_id) -> None:  # type: ignore[no-untyped-def]
    html = hostile_client.get(f"/doc/{hostile_id}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "onerror=" not in html.replace("onerror=&#34;", "").replace("onerror=&quot;", "")


def test_app_safety_search_snippets_keep_only_mark_tags(hostile_client) -> None:  # type: ignore[no-untyped-def]
    html = hostile_client.get("/search", params={"q": "alert"}).text
    assert "<mark>alert</mark>" in html
    assert "<script>alert" not in html


def test_app_safety_security_headers_on_pages_and_api(client) -> None:  # type: ignore[no-untyped-def]
    for url in ("/", "/api/stats", "/static/app.css", "/api/doc/missing"):
        headers = client.get(url).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_app_safety_pages_have_no_inline_script(client, docs) -> None:  # type: ignore[no-untyped-def]
    for url in ("/", "/search?q=NAVO", f"/doc/{docs['004_1ca4271ce6c07476']}", "/commitments"):
        html = client.get(url).text
        assert html.count("<script") == html.count('<script src="/static/')


def test_app_safety_read_only_without_a_token(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/api/documents", content=b"Geachte Voorzitter,")
    assert response.status_code == 403
    assert "read-only" in response.json()["error"]["message"]


def test_app_safety_upload_needs_the_right_token(new_target, builder, hostile) -> None:  # type: ignore[no-untyped-def]
    db = new_target("w")  # on each backend
    builder(db, [hostile])
    app = create_app(opener=store_opener(db, writable=True), write_token="s3cret", max_body=4096)
    letter = (
        b"Geachte Voorzitter,\n\nHierbij bied ik u het verslag aan van de Raad Algemene Zaken"
        b" van 14 februari 2023 over de voorbereiding van de Europese Raad.\n"
    )
    auth = {"authorization": "Bearer s3cret"}
    with TestClient(app, raise_server_exceptions=False) as c:
        assert c.post("/api/documents", content=letter).status_code == 401
        bad = c.post("/api/documents", content=letter, headers={"authorization": "Bearer nope"})
        assert bad.status_code == 401
        ok = c.post(
            "/api/documents?name=raad.txt",
            content=letter,
            headers=auth,
        )
        assert ok.status_code == 201, ok.text
        doc_id = ok.json()["doc_id"]
        assert "Raad Algemene Zaken" in c.get(f"/api/doc/{doc_id}").json()["text"]
        again = c.post("/api/documents", content=letter, headers=auth)
        assert again.json()["status"] == "unchanged"
        big = c.post("/api/documents", content=b"x" * 5000, headers=auth)
        assert big.status_code == 413 and big.json()["error"]["status"] == 413
        empty = c.post("/api/documents", content=b"", headers=auth)
        assert empty.status_code in (400, 422) and "error" in empty.json()

"""The JSON API returns the store's data with the same filters as the pages."""

from __future__ import annotations

import re

import pytest


def test_api_data_search_finds_both_seed_letters_with_marked_snippets(client, docs) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/search", params={"q": "NAVO"}).json()
    ids = {hit["doc_id"] for hit in body["hits"]}
    assert {docs["000_e47a5db50cc64457"], docs["004_1ca4271ce6c07476"]} <= ids
    assert body["total"] >= 2 and body["page"] == 1
    assert all("<mark>" in hit["snippet"] for hit in body["hits"])
    assert body["facets"] == {}  # counted only when asked
    asked = client.get("/api/search", params={"q": "NAVO", "facets": "true"}).json()
    assert set(asked["facets"]) >= {"kind", "year"}
    assert asked["facets"]["kind"] and sum(asked["facets"]["kind"].values()) <= asked["total"]


def test_api_data_search_paginates(client) -> None:  # type: ignore[no-untyped-def]
    first = client.get("/api/search", params={"q": "NAVO", "per_page": 1}).json()
    second = client.get("/api/search", params={"q": "NAVO", "per_page": 1, "page": 2}).json()
    assert first["pages"] == first["total"] >= 2
    assert first["hits"][0]["doc_id"] != second["hits"][0]["doc_id"]


def test_api_data_search_sorts_by_date(client) -> None:  # type: ignore[no-untyped-def]
    hits = client.get("/api/search", params={"q": "NAVO OR Kamer", "sort": "date"}).json()["hits"]
    dates = [h["date"] for h in hits if h["date"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(("since", "until"), [("2023", "2023"), ("2022-01-01", "2022-12-31")])
def test_api_data_search_filters_by_date(client, since: str, until: str) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/search", params={"q": "NAVO", "since": since, "until": until}).json()
    for hit in body["hits"]:
        assert hit["date"] and since[:4] <= hit["date"][:4] <= until[:4]


def test_api_data_document_is_the_stored_record(client, docs) -> None:  # type: ignore[no-untyped-def]
    doc_id = docs["004_1ca4271ce6c07476"]
    record = client.get(f"/api/doc/{doc_id}").json()
    assert record["doc_id"] == doc_id
    text = record["text"]
    assert "Boekarest" in text
    for ref in record["references"]:
        assert text[ref["start"] : ref["end"]] == ref["text"]
    lean = client.get(f"/api/doc/{doc_id}", params={"text": "false"}).json()
    assert "text" not in lean and lean["references"] == record["references"]


def test_api_data_commitments_counts_and_filters_agree(client) -> None:  # type: ignore[no-untyped-def]
    board = client.get("/api/commitments", params={"as_of": "2023-08-01"}).json()
    assert board["as_of"] == "2023-08-01"
    assert sum(board["counts"].values()) == board["total"] == len(board["commitments"])
    for status, n in board["counts"].items():
        only = client.get("/api/commitments", params={"as_of": "2023-08-01", "status": status})
        rows = only.json()["commitments"]
        assert len(rows) == n and all(r["status"] == status for r in rows)


def test_api_data_commitments_accept_the_kamers_words(client) -> None:  # type: ignore[no-untyped-def]
    dutch = client.get("/api/commitments", params={"status": "Voldaan"}).json()
    assert dutch["status"] == "fulfilled"


def test_api_data_events_are_grouped_by_month_in_order(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/events", params={"upcoming": "false"}).json()
    months = [m["month"] for m in body["months"]]
    dated = [m for m in months if re.fullmatch(r"\d{4}-\d{2}", m)]
    assert dated == sorted(dated)
    for m in body["months"]:
        for ev in m["events"]:
            assert str(ev.get("start_date") or "").startswith(m["month"]) or m["month"] == "undated"


def test_api_data_dossier_lists_who_cites_it(client, docs) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/dossier/28676").json()
    citing = {c["doc_id"] for c in body["cited_by"]}
    assert docs["004_1ca4271ce6c07476"] in citing


def test_api_data_stats_count_documents(client, docs) -> None:  # type: ignore[no-untyped-def]
    stats = client.get("/api/stats").json()
    assert stats["documents"] == len(docs) >= 3


def test_api_data_pledges_are_date_ordered_series(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/pledges").json()
    for series in body["series"]:
        dates = [p["date"] for p in series["points"] if p["date"]]
        assert dates == sorted(dates)

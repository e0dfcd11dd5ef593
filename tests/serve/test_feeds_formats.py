"""Feeds: iCalendar that calendar apps accept and Atom that parses, with everything escaped."""

from __future__ import annotations

import pytest
from lxml import etree

from kamerlens.serve.feeds import ATOM, atom_feed, ics_calendar

EVENTS = [
    {
        "type": "event",
        "name": "Raad Buitenlandse Zaken; Brussel, België",
        "place": "Brussel",
        "start_date": "2022-12-12",
        "end_date": "2022-12-12",
        "sources": [{"doc_id": "kst-1", "text": "Tijdens de aanstaande Raad\nop 12 december"}],
    },
    {
        "type": "deadline",
        "name": "Deadline: informeren over de strategie " + "ë" * 80,
        "start_date": "2023-06",
        "end_date": "2023-06",
        "sources": [{"doc_id": "kst-2", "text": "x"}],
    },
    {"type": "event", "name": "NAVO-top", "start_date": "2023", "end_date": "2023", "sources": []},
]


def test_feeds_formats_ics_is_valid_icalendar() -> None:
    body = ics_calendar(EVENTS, "http://127.0.0.1:8000")
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    lines = body.split("\r\n")[:-1]
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "\n" not in body.replace("\r\n", "")
    unfolded = body.replace("\r\n ", "")
    assert unfolded.count("BEGIN:VEVENT") == 2  # "2023" alone is no calendar day
    assert "SUMMARY:Raad Buitenlandse Zaken\\; Brussel\\, België (Brussel)" in unfolded
    assert "DTSTART;VALUE=DATE:20221212" in unfolded and "DTEND;VALUE=DATE:20221213" in unfolded
    assert "DTSTART;VALUE=DATE:20230630" in unfolded  # a deadline "in June" ends with June
    assert "DESCRIPTION:Tijdens de aanstaande Raad op 12 december" in unfolded


def test_feeds_formats_ics_from_the_server(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/events.ics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    assert response.text.startswith("BEGIN:VCALENDAR")


def test_feeds_formats_atom_parses_and_escapes() -> None:
    entries = [
        {
            "id": "http://x/doc/1",
            "title": "<b>Brief</b> & meer",
            "url": "http://x/doc/1",
            "updated": "2022-11-30",
            "summary": "<script>alert(1)</script>",
        }
    ]
    feed = etree.fromstring(atom_feed("kamerlens: a&b", "http://x/s.atom", "http://x/s", entries))
    ns = {"a": ATOM}
    assert feed.findtext("a:title", namespaces=ns) == "kamerlens: a&b"
    entry = feed.find("a:entry", ns)
    assert entry.findtext("a:title", namespaces=ns) == "<b>Brief</b> & meer"
    assert entry.findtext("a:summary", namespaces=ns) == "<script>alert(1)</script>"
    assert entry.findtext("a:updated", namespaces=ns) == "2022-11-30T00:00:00Z"
    assert feed.findtext("a:updated", namespaces=ns) == "2022-11-30T00:00:00Z"


def test_feeds_formats_search_feed_lists_the_hits(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/search.atom", params={"q": "NAVO"})
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = etree.fromstring(response.content)
    ids = [e.findtext(f"{{{ATOM}}}id") for e in feed.findall(f"{{{ATOM}}}entry")]
    hits = client.get("/api/search", params={"q": "NAVO", "sort": "date", "per_page": 50}).json()
    assert ids == [f"http://testserver/doc/{h['doc_id']}" for h in hits["hits"]]
    for summary in feed.iter(f"{{{ATOM}}}summary"):
        assert "<mark>" not in (summary.text or "")


def test_feeds_formats_commitments_feed_parses(client) -> None:  # type: ignore[no-untyped-def]
    feed = etree.fromstring(client.get("/commitments.atom").content)
    board = client.get("/api/commitments").json()
    assert len(feed.findall(f"{{{ATOM}}}entry")) == min(50, board["total"])


def test_feeds_formats_ics_reads_back_with_icalendar() -> None:
    icalendar = pytest.importorskip("icalendar")
    cal = icalendar.Calendar.from_ical(ics_calendar(EVENTS, "http://127.0.0.1:8000"))
    events = cal.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events][
        0
    ] == "Raad Buitenlandse Zaken; Brussel, België (Brussel)"
    assert events[0].decoded("DTSTART").isoformat() == "2022-12-12"
    assert str(events[1]["SUMMARY"]).endswith("ë" * 80)  # folded and unfolded intact

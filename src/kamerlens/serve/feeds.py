"""Feeds to follow the record without an account: iCalendar (events, deadlines) and Atom.

iCalendar is written by hand (RFC 5545: escaped text, CRLF lines folded at 75 octets); Atom is
built with lxml, so every value is escaped by the XML serialiser.
"""

from __future__ import annotations

import calendar
import hashlib
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import quote

from lxml import etree

from kamerlens.serve.text import cut, plain_snippet

ATOM = "http://www.w3.org/2005/Atom"


def _ics_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    out: list[str] = []
    cur = b""
    for ch in line:
        b = ch.encode("utf-8")
        if len(cur) + len(b) > (75 if not out else 74):
            out.append(cur.decode("utf-8"))
            cur = b""
        cur += b
    out.append(cur.decode("utf-8"))
    return "\r\n ".join(out)


def _full_day(value: Any, *, month_end: bool = False) -> date | None:
    """A full date from YYYY-MM-DD, or from YYYY-MM (its last day) for a deadline."""
    text = str(value or "")
    try:
        if len(text) >= 10:
            return date.fromisoformat(text[:10])
        if month_end and len(text) == 7:
            y, m = int(text[:4]), int(text[5:7])
            return date(y, m, calendar.monthrange(y, m)[1])
    except ValueError:
        return None
    return None


def _uid(*parts: Any) -> str:
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:24]
    return f"{digest}@kamerlens"


def _vevent(
    uid: str, start: date, end: date, summary: str, desc: str, url: str, stamp: str
) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{end + timedelta(days=1):%Y%m%d}",  # DTEND is exclusive
        f"SUMMARY:{_ics_text(summary)}",
        f"DESCRIPTION:{_ics_text(desc)}",
        f"URL:{url}",
        "END:VEVENT",
    ]


def _doc_of(row: dict[str, Any]) -> str:
    """The document an event or deadline comes from (the first of its sources)."""
    sources = row.get("sources") or []
    if sources and isinstance(sources[0], dict):
        return str(sources[0].get("doc_id") or "")
    return str(row.get("doc_id") or "")


def ics_calendar(events: list[dict[str, Any]], base: str) -> str:
    """One VCALENDAR with an all-day VEVENT per dated meeting and commitment deadline."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//kamerlens//events//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:kamerlens: meetings and deadlines",
    ]
    for ev in events:
        deadline = (ev.get("type") or ev.get("kind")) == "deadline"
        # "June" alone is no calendar day for a meeting; a deadline in June falls on its last day.
        start = _full_day(ev.get("start_date"), month_end=deadline)
        if start is None:
            continue
        end = _full_day(ev.get("end_date"), month_end=deadline) or start
        name = str(ev.get("name") or "Event") + (f" ({ev['place']})" if ev.get("place") else "")
        doc = _doc_of(ev)
        sources = ev.get("sources") or [ev]
        desc = " | ".join(cut(str(s.get("text") or ""), 300) for s in sources[:3])
        lines += _vevent(
            _uid(ev.get("type"), name, start, ev.get("place")),
            start,
            max(start, end),
            name,
            desc,
            f"{base}/doc/{quote(doc)}" if doc else base,
            stamp,
        )
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _stamp(value: Any) -> str:
    """RFC 3339 for Atom from a document date (YYYY[-MM[-DD]]), else now."""
    text = str(value or "")
    for n, suffix in ((10, ""), (7, "-01"), (4, "-01-01")):
        if len(text) >= n:
            try:
                return date.fromisoformat(text[:n] + suffix).strftime("%Y-%m-%dT00:00:00Z")
            except ValueError:
                break
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def atom_feed(title: str, self_url: str, page_url: str, entries: list[dict[str, str]]) -> bytes:
    """An Atom 1.0 feed. Each entry: id, title, url, updated (a date), summary."""
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    _sub(feed, "id", self_url)
    _sub(feed, "title", title)
    stamps = [_stamp(e.get("updated")) for e in entries]
    _sub(feed, "updated", max(stamps) if stamps else _stamp(None))
    _sub(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    _sub(feed, "link", rel="alternate", href=page_url, type="text/html")
    author = _sub(feed, "author")
    _sub(author, "name", "kamerlens")
    _sub(feed, "generator", "kamerlens")
    for e, stamp in zip(entries, stamps, strict=True):
        entry = _sub(feed, "entry")
        _sub(entry, "id", e["id"])
        _sub(entry, "title", e.get("title") or "(untitled)")
        _sub(entry, "updated", stamp)
        _sub(entry, "link", rel="alternate", href=e["url"], type="text/html")
        _sub(entry, "summary", e.get("summary") or "", type="text")
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True)


def search_entries(hits: list[dict[str, Any]], base: str) -> list[dict[str, str]]:
    return [
        {
            "id": f"{base}/doc/{quote(str(h.get('doc_id')))}",
            "title": str(h.get("title") or h.get("doc_id")),
            "url": f"{base}/doc/{quote(str(h.get('doc_id')))}",
            "updated": str(h.get("date") or ""),
            "summary": plain_snippet(h.get("snippet")),
        }
        for h in hits
    ]


def commitment_entries(rows: list[dict[str, Any]], base: str) -> list[dict[str, str]]:
    out = []
    for c in rows:
        doc = quote(str(c.get("doc_id") or ""))
        due = c.get("deadline") or c.get("deadline_text")
        out.append(
            {
                "id": f"{base}/doc/{doc}#commitment-{c.get('start')}",
                "title": f"[{c.get('status') or 'open'}] {c.get('actor') or 'Government'}: "
                + cut(str(c.get("action") or c.get("text") or ""), 80),
                "url": f"{base}/doc/{doc}",
                "updated": str(c.get("doc_date") or c.get("date") or ""),
                "summary": cut(str(c.get("text") or ""), 600)
                + (f" (deadline: {due})" if due else ""),
            }
        )
    return out

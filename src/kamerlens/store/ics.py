"""Events and commitment deadlines as an iCalendar file (RFC 5545).

All-day events (VALUE=DATE): a date with only a month (``2023-07``) spans that month. Lines are
folded at 75 octets and end in CRLF; text values are escaped as the RFC asks.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from typing import Any

PRODID = "-//kamerlens//kamerlens events//NL"


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> list[str]:
    """Split a content line into pieces of at most 75 octets, never inside a UTF-8 character."""
    out: list[str] = []
    current, size, limit = "", 0, 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += ch
        size += n
    out.append(current)
    return out


def _span(start: str | None, end: str | None) -> tuple[date, date] | None:
    """(first day, day after the last day) of a YYYY[-MM[-DD]] range."""
    from kamerlens.store.questions import period_end

    if not start or len(start) < 7:
        return None  # a bare year is no calendar entry
    try:
        first = date.fromisoformat(start if len(start) == 10 else start + "-01")
        last = date.fromisoformat(period_end(end or start) or start)
    except ValueError:
        return None
    return first, max(first, last) + timedelta(days=1)


def calendar(entries: list[dict[str, Any]]) -> str:
    """One VCALENDAR with a VEVENT per dated entry of ``Store.events()``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    for entry in entries:
        span = _span(entry["start_date"], entry["end_date"])
        if span is None:
            continue
        key = f"{entry['type']}|{entry['name']}|{entry['start_date']}|{entry['place'] or ''}"
        uid = hashlib.sha1(key.encode("utf-8")).hexdigest()[:20] + "@kamerlens"
        sources = "; ".join(
            f"{s['doc_id']}: {' '.join((s['text'] or '').split())[:200]}" for s in entry["sources"]
        )
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{span[0]:%Y%m%d}",
            f"DTEND;VALUE=DATE:{span[1]:%Y%m%d}",
            f"SUMMARY:{_escape(entry['name'])}",
        ]
        if entry.get("place"):
            lines.append(f"LOCATION:{_escape(entry['place'])}")
        lines.append(f"CATEGORIES:{'DEADLINE' if entry['type'] == 'deadline' else 'MEETING'}")
        lines.append(f"DESCRIPTION:{_escape(sources)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(piece + "\r\n" for line in lines for piece in _fold(line))


__all__ = ["PRODID", "calendar"]

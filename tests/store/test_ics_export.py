"""The iCalendar export parses (RFC 5545) and the table export reads back in every format."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import icalendar
import pyarrow.parquet as pq
import pytest
from storekit import seed_000, seed_004

from kamerlens.errors import QueryError
from kamerlens.link import relink
from kamerlens.store.core import SqlStore
from kamerlens.store.ics import calendar


@pytest.fixture
def seeds(store: SqlStore) -> SqlStore:
    store.add(*seed_000())
    store.add(*seed_004())
    relink(store)
    return store


def test_ics_is_valid_rfc5545(seeds: SqlStore) -> None:
    text = calendar(seeds.events())
    data = text.encode("utf-8")
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    assert b"\n" not in data.replace(b"\r\n", b"")
    cal = icalendar.Calendar.from_ical(data)
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == 5  # 3 meetings and 2 commitment deadlines
    for event in events:
        assert event["UID"] and event["DTSTAMP"] and event["DTSTART"]
        assert event["DTEND"].dt > event["DTSTART"].dt
    summit = next(e for e in events if str(e["SUMMARY"]) == "NAVO-Top")
    assert str(summit["LOCATION"]) == "Vilnius"
    assert summit["DTSTART"].dt.isoformat() == "2023-07-01"
    assert summit["DTEND"].dt.isoformat() == "2023-08-01"  # the month, as the text says "juli"


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_export_formats_read_back(seeds: SqlStore, tmp_path: Path, fmt: str) -> None:
    written = seeds.export(str(tmp_path / fmt), format=fmt)
    assert len(written) == 19
    path = tmp_path / fmt / f"references.{fmt}"
    if fmt == "csv":
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
    elif fmt == "json":
        rows = json.loads(path.read_text("utf-8"))
    else:
        rows = pq.read_table(path).to_pylist()
    assert len(rows) == 4
    assert {r["dossier"] for r in rows} == {"28676", "36200-X"}


def test_export_bad_format(seeds: SqlStore, tmp_path: Path) -> None:
    with pytest.raises(QueryError):
        seeds.export(str(tmp_path), format="xlsx")

"""A metadata table of Kamerstukken (CSV with at least ``identifier`` and ``title`` columns).

Such a table is no document to read: ``kamerlens ingest`` loads its rows into the store's
``catalogue`` (so citations resolve to titles), and ``kamerlens extract`` gives a record that says
what it is and extracts nothing from it.
"""

from __future__ import annotations

import csv
import io

from kamerlens.ingest import RawDocument, sha256_hex

COLUMNS = frozenset({"identifier", "title"})


def header(data: bytes) -> list[str] | None:
    """The column names when ``data`` starts like a catalogue CSV, else None."""
    first = data[:4096].split(b"\n", 1)[0].decode("utf-8-sig", errors="replace").strip()
    if "," not in first:
        return None
    names = [name.strip() for name in next(csv.reader([first]))]
    return names if set(names) >= COLUMNS else None


def parse_catalogue(data: bytes, source: str) -> RawDocument:
    text = data.decode("utf-8-sig", errors="replace")
    rows = max(sum(1 for _ in csv.reader(io.StringIO(text))) - 1, 0)
    title = f"Catalogue of {rows} Kamerstukken"
    return RawDocument(
        source=source,
        data=data,
        sha256=sha256_hex(data),
        format="catalogue",
        text=title,
        meta={"kind": "catalogue", "title": title},
        structured=True,
    )

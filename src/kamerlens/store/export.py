"""Export every table (no raw sources) as CSV, JSON or Parquet files, one per table."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kamerlens.errors import QueryError, StoreError
from kamerlens.store.rows import ITEM_TABLES, q

if TYPE_CHECKING:
    from kamerlens.store.core import SqlStore

TABLES: tuple[str, ...] = (
    "documents",
    "texts",
    *ITEM_TABLES,
    "entity_mentions",
    "links",
    "catalogue",
)
EXPORT_FORMATS = ("csv", "json", "parquet")


def export(store: SqlStore, directory: str | Path, *, format: str = "csv") -> list[str]:
    """Write ``DIR/<table>.<format>`` for every table; returns the paths written."""
    if format not in EXPORT_FORMATS:
        raise QueryError(f"--format must be csv, json or parquet, not {format!r}")
    out = Path(directory)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"cannot create the export folder ({exc.strerror})", source=str(out)
        ) from exc
    written = []
    for table in TABLES:
        columns, rows = store._table(f"SELECT * FROM {q(table)} {store._export_order(table)}")
        path = out / f"{table}.{format}"
        if format == "csv":
            with path.open("w", newline="", encoding="utf-8") as fh:
                writer = csv.writer(fh)
                writer.writerow(columns)
                writer.writerows(rows)
        elif format == "json":
            data: list[dict[str, Any]] = [dict(zip(columns, r, strict=True)) for r in rows]
            path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table_data = {c: [r[i] for r in rows] for i, c in enumerate(columns)}
            pq.write_table(pa.table(table_data), path)
        written.append(str(path))
    return written


__all__ = ["EXPORT_FORMATS", "TABLES", "export"]

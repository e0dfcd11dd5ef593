"""Record items <-> table rows: one place that knows how each item kind is laid out in SQL.

Most kinds map field for field onto columns; motions, fulfilments, entities and footnotes hold
nested values that are flattened here (JSON lists, made_in_* columns, a mentions table).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from functools import cache
from typing import Any

from kamerlens.models import Record

# Columns of each item table after (id, doc_id, seq, start, "end"); the order of the model fields.
COLUMNS: dict[str, tuple[str, ...]] = {
    "references": ("kind", "dossier", "number", "chamber", "text", "year", "page", "item"),
    "motions": ("members", "cs", "date", "dossier", "number", "subject", "text", "mentions"),
    "amounts": ("value", "currency", "text", "purpose", "donor", "recipient"),
    "percentages": ("value", "of", "text"),
    "dates": ("start_date", "end_date", "text", "year_inferred", "relation"),
    "events": ("name", "place", "start_date", "end_date", "relation", "text"),
    "commitments": (
        "text",
        "actor",
        "action",
        "deadline",
        "deadline_text",
        "requested_by",
        "subject",
    ),
    "fulfilments": ("text", "made_in_dossier", "made_in_number", "subject"),
    "positions": ("actor", "verb", "text"),
    "entities": ("type", "name", "code", "mention_count"),
    "findings": ("kind", "message"),
    "footnotes": ("number", "text", "marker_start", "marker_end"),
    "sections": ("title",),
    "turns": ("name", "role", "party", "label_end"),
}
ITEM_TABLES: tuple[str, ...] = tuple(COLUMNS)
# Model fields stored in their own column beyond COLUMNS (nested values flattened above).
_HANDLED: dict[str, set[str]] = {
    "motions": {"members", "mentions"},
    "fulfilments": {"made_in"},
    "footnotes": {"marker"},
    "entities": {"mentions"},
    "turns": {"speaker"},
}
# Later additions to the record contract that have a column of their own (migration 0002).
PROMOTED: dict[str, tuple[str, ...]] = {
    "amounts": ("recipient_key",),
    "commitments": ("kind",),  # migration 0005
    "motions": ("appreciation",),
}
_BOOLS = {"cs", "year_inferred"}


def q(name: str) -> str:
    """Quote an identifier ("references", "end" and "of" are SQL keywords)."""
    return '"' + name.replace('"', '""') + '"'


def item_columns(table: str) -> tuple[str, ...]:
    """The columns ``item_rows`` (and ``entity_row``) fill, in their order."""
    return ("doc_id", "seq", "start", "end", *COLUMNS[table], *PROMOTED.get(table, ()), "extra")


def insert_sql(table: str) -> str:
    cols = item_columns(table)
    return (
        f"INSERT INTO {q(table)} ({', '.join(q(c) for c in cols)}) "
        f"VALUES ({', '.join('?' for _ in cols)})"
    )


def _value(item: Any, column: str) -> Any:
    value = getattr(item, column)
    if isinstance(value, bool):
        return int(value)
    return value


@cache
def _extra_fields(cls: type, table: str) -> tuple[str, ...]:
    """Fields of a model class that no column holds: new in the contract since the schema."""
    known = {"start", "end", *COLUMNS[table], *PROMOTED.get(table, ()), *_HANDLED.get(table, ())}
    return tuple(f.name for f in dataclasses.fields(cls) if f.name not in known)


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return value


def extra_json(table: str, item: Any) -> str | None:
    names = _extra_fields(type(item), table)  # type: ignore[arg-type]
    if not names:
        return None
    return json.dumps({n: _jsonable(getattr(item, n)) for n in names}, ensure_ascii=False)


def _promoted(table: str, item: Any) -> tuple[Any, ...]:
    return tuple(getattr(item, c, None) for c in PROMOTED.get(table, ()))


def item_rows(doc_id: str, table: str, items: Iterable[Any]) -> list[tuple[Any, ...]]:
    """Rows for every table except entities (which need their ids for the mentions)."""
    rows: list[tuple[Any, ...]] = []
    for seq, item in enumerate(items):
        if table == "motions":
            values: tuple[Any, ...] = (
                json.dumps(list(item.members), ensure_ascii=False),
                int(item.cs),
                item.date,
                item.dossier,
                item.number,
                item.subject,
                item.text,
                json.dumps([{"start": m.start, "end": m.end} for m in item.mentions]),
            )
        elif table == "fulfilments":
            made_in = item.made_in
            values = (
                item.text,
                made_in.dossier if made_in else None,
                made_in.number if made_in else None,
                item.subject,
            )
        elif table == "turns":
            sp = item.speaker
            values = (sp.name, sp.role, sp.party, item.label_end)
        elif table == "footnotes":
            marker = item.marker
            values = (
                item.number,
                item.text,
                marker.start if marker else None,
                marker.end if marker else None,
            )
        else:
            values = tuple(_value(item, c) for c in COLUMNS[table])
        rows.append(
            (
                doc_id,
                seq,
                item.start,
                item.end,
                *values,
                *_promoted(table, item),
                extra_json(table, item),
            )
        )
    return rows


def entity_row(doc_id: str, seq: int, entity: Any) -> tuple[Any, ...]:
    first = min(entity.mentions, key=lambda m: m.start) if entity.mentions else None
    return (
        doc_id,
        seq,
        first.start if first else None,
        first.end if first else None,
        entity.type,
        entity.name,
        entity.code,
        len(entity.mentions),
        extra_json("entities", entity),
    )


def record_items(record: Record) -> dict[str, tuple[Any, ...]]:
    return {table: getattr(record, table) for table in ITEM_TABLES}


def row_to_item(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """A stored row back in the shape of ``Record.to_dict()`` (plus its ``id``)."""
    out: dict[str, Any] = {}
    if table == "motions":
        out = {
            "members": json.loads(row["members"] or "[]"),
            "cs": bool(row["cs"]),
            "date": row["date"],
            "dossier": row["dossier"],
            "number": row["number"],
            "subject": row["subject"],
            "text": row["text"],
            "start": row["start"],
            "end": row["end"],
            "mentions": json.loads(row["mentions"] or "[]"),
        }
    elif table == "fulfilments":
        made_in = None
        if row["made_in_dossier"] is not None or row["made_in_number"] is not None:
            made_in = {"dossier": row["made_in_dossier"], "number": row["made_in_number"]}
        out = {
            "text": row["text"],
            "made_in": made_in,
            "start": row["start"],
            "end": row["end"],
            "subject": row["subject"],
        }
    elif table == "footnotes":
        marker = None
        if row["marker_start"] is not None:
            marker = {"start": row["marker_start"], "end": row["marker_end"]}
        out = {
            "number": row["number"],
            "text": row["text"],
            "start": row["start"],
            "end": row["end"],
            "marker": marker,
        }
    elif table == "turns":
        speaker = {"name": row["name"], "role": row["role"], "party": row["party"]}
        out = {"speaker": speaker, "start": row["start"], "end": row["end"]}
        out["label_end"] = row["label_end"]
    else:
        for column in COLUMNS[table]:
            if column == "mention_count":
                continue  # a convenience column for SQL readers; the record has the mentions
            value = row[column]
            out[column] = bool(value) if column in _BOOLS and value is not None else value
        if table != "entities":
            out["start"], out["end"] = row["start"], row["end"]
    for column in PROMOTED.get(table, ()):
        out[column] = row.get(column)
    if row.get("extra"):
        out.update(json.loads(row["extra"]))
    out["id"] = row["id"]
    return out


__all__ = [
    "COLUMNS",
    "ITEM_TABLES",
    "entity_row",
    "insert_sql",
    "item_columns",
    "item_rows",
    "q",
    "row_to_item",
]

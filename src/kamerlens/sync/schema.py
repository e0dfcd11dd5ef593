"""What the Tweede Kamer's XML Schemas fix about each entity, read from the schemas themselves.

The official XSDs (``schema/``, one per entity, namespace ``tkData/v1-0``) give each field's type,
whether it may repeat and whether it is a relation (a child with a ``ref`` GUID). The feed parser
checks what they fix (GUIDs, booleans, integers, dates, the toezegging status list) and ignores
what they leave open: unknown elements, missing optional fields, other namespaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from lxml import etree

TK_NS = "http://www.tweedekamer.nl/xsd/tkData/v1-0"
XS = "{http://www.w3.org/2001/XMLSchema}"
GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

# schema type name -> the kind of value the parser checks
_KINDS = {
    "intType": "int",
    "xs:int": "int",
    "unsignedIntType": "int",
    "xs:unsignedInt": "int",
    "shortType": "int",
    "longType": "int",
    "booleanType": "bool",
    "xs:boolean": "bool",
    "dateTimeType": "datetime",
    "xs:dateTime": "datetime",
    "dateType": "date",
    "xs:date": "date",
    "vergaderjaarType": "vergaderjaar",
    "toezeggingstatus": "enum",
    "referentieLiteral": "ref",
    "referentieType": "ref",
    "referentieBijgewerktLiteral": "ref",
}


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text | int | bool | datetime | date | vergaderjaar | enum | ref
    many: bool
    values: tuple[str, ...] = ()  # the enumeration, for kind "enum"


@dataclass(frozen=True)
class EntitySchema:
    element: str  # the payload's element name: "document", "zaakActor" ...
    fields: dict[str, Field]


def schema_files() -> list[str]:
    """Names of the bundled XSD files (the tests validate fixtures against them)."""
    folder = resources.files("kamerlens.sync") / "schema"
    return sorted(e.name for e in folder.iterdir() if e.name.endswith(".xsd"))


def schema_path() -> str:
    """A filesystem path of the bundled ``tkData-v1-0.xsd`` (which includes all the others)."""
    return str(resources.files("kamerlens.sync") / "schema" / "tkData-v1-0.xsd")


def _enumerations(root: etree._Element) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for simple in root.iter(f"{XS}simpleType"):
        values = tuple(e.get("value") or "" for e in simple.iter(f"{XS}enumeration"))
        if values and simple.get("name"):
            out[simple.get("name") or ""] = values
    return out


def _parse(data: bytes) -> EntitySchema | None:
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    element = root.find(f"{XS}element")
    if element is None:
        return None
    enums = _enumerations(root)
    fields: dict[str, Field] = {}
    for el in root.iter(f"{XS}element"):
        name = el.get("name")
        if not name or el is element:
            continue
        type_name = el.get("type") or ""
        kind = _KINDS.get(type_name, "enum" if type_name in enums else "text")
        many = el.get("maxOccurs") == "unbounded"
        fields[name] = Field(name, kind, many, enums.get(type_name, ()))
    return EntitySchema(element.get("name") or "", fields)


@cache
def entity_schemas() -> dict[str, EntitySchema]:
    """Payload element name -> its schema, for every entity the bundled XSDs define."""
    folder = resources.files("kamerlens.sync") / "schema"
    out: dict[str, EntitySchema] = {}
    for name in schema_files():
        if not name.startswith("tkData-v1-0-") or name.endswith(("base.xsd", "iso-8601.xsd")):
            continue
        parsed = _parse((folder / name).read_bytes())
        if parsed is not None:
            out[parsed.element] = parsed
    return out


__all__ = [
    "GUID",
    "TK_NS",
    "EntitySchema",
    "Field",
    "entity_schemas",
    "schema_files",
    "schema_path",
]

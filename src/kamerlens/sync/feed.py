"""SyncFeed pages (Atom 1.0) -> entities.

A page is ``<feed>`` with ``<entry>`` elements; each entry's ``<content>`` holds one entity in the
``tkData/v1-0`` namespace with the attributes ``id`` (GUID), ``tk:bijgewerkt`` (dateTime) and
``tk:verwijderd`` (boolean; both in the tkData namespace, as the schema declares them global);
relations are child elements with a ``ref`` GUID. The feed's
``<link rel="next">`` is the next page; each entry's own ``<link rel="next">`` carries the
skiptoken just after it, which is where a later run resumes.

Strict where the schema is: the three attributes, GUIDs, integers, booleans, dates and the
toezegging status list; an entity that breaks them is reported (one line naming it) and left out,
the rest of the page goes on. Lenient where the schema leaves things open: unknown elements,
missing optional fields, extra namespaces, and payloads whose namespace a proxy stripped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from lxml import etree

from kamerlens.errors import SyncError
from kamerlens.store.opendata import Entity
from kamerlens.sync.schema import GUID, TK_NS, EntitySchema, Field, entity_schemas

ATOM = "http://www.w3.org/2005/Atom"
XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
_BOOL = {"true": True, "1": True, "false": False, "0": False}
_DATETIME = re.compile(r"^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$")
_DATE = re.compile(r"^-?\d{4,}-\d{2}-\d{2}(?:Z|[+-]\d{2}:\d{2})?$")
_VERGADERJAAR = re.compile(r"^\d{4}-\d{4}$")
# Status words the register uses beyond the schema's list (FORMATS.md); matched case-blind.
_EXTRA_STATUS = ("Deels voldaan", "Afgedaan", "Deels afgedaan", "Ingetrokken")


class EntityError(ValueError):
    """One entity breaks what the schema fixes (the message names the field)."""


@dataclass
class FeedPage:
    url: str
    entities: list[Entity]
    errors: list[str]  # one line per entity left out
    next_url: str | None  # the feed's next page
    resume: str | None  # where a later run goes on: next page, or after the last entry


def category_of(element: str) -> str:
    """``zaakActor`` -> ``ZaakActor`` (the feed's category names the element with a capital)."""
    return element[:1].upper() + element[1:]


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _not_a_feed(data: bytes, url: str) -> SyncError:
    head = data.lstrip()[:200].lower()
    if head.startswith((b"{", b"[")):
        what = "JSON"
    elif b"<html" in head or head.startswith(b"<!doctype html"):
        what = "an HTML page"
    elif not head:
        what = "nothing"
    else:
        what = "something that is not XML"
    return SyncError(f"answered {what}, not an Atom feed", source=url)


def _root(data: bytes, url: str) -> etree._Element:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
    if not head.startswith(b"<") or head.startswith((b"<!doctype html", b"<html")):
        raise _not_a_feed(data, url)
    if b"<!ENTITY" in data[:4096]:
        raise SyncError("refused: the page declares XML entities", source=url)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise SyncError(f"malformed feed page ({exc})", source=url) from exc
    if _local(root.tag) != "feed" or etree.QName(root).namespace not in (ATOM, None):
        raise SyncError(f"not an Atom feed (its root is <{_local(root.tag)}>)", source=url)
    return root


def _link(el: etree._Element, rel: str) -> str | None:
    for link in el:
        if _local(link.tag) == "link" and (link.get("rel") or "alternate") == rel:
            href = link.get("href")
            if href:
                return href.strip()
    return None


def _check(value: str, spec: Field, where: str) -> Any:
    kind = spec.kind
    if kind == "int":
        if not re.fullmatch(r"[+-]?\d+", value):
            raise EntityError(f"{where}: {spec.name} must be a whole number, not {value!r}")
        return int(value)
    if kind == "bool":
        if value not in _BOOL:
            raise EntityError(f"{where}: {spec.name} must be true or false, not {value!r}")
        return _BOOL[value]
    if kind == "datetime":
        if not _DATETIME.match(value) or not _valid_date(value[:10]):
            raise EntityError(f"{where}: {spec.name} must be a date and time, not {value!r}")
        return value
    if kind == "date":
        if not _DATE.match(value) or not _valid_date(value[:10]):
            raise EntityError(f"{where}: {spec.name} must be a date, not {value!r}")
        return value[:10]
    if kind == "vergaderjaar" and not _VERGADERJAAR.match(value):
        raise EntityError(f"{where}: {spec.name} must be like 2024-2025, not {value!r}")
    if kind == "enum":
        for known in (*spec.values, *_EXTRA_STATUS):
            if value.casefold() == known.casefold():
                return (
                    known[:1] + known[1:].lower() if known.casefold() == "deels voldaan" else known
                )
        raise EntityError(f"{where}: {spec.name} {value!r} is none of {', '.join(spec.values)}")
    return value


def _valid_date(text: str) -> bool:
    if text.startswith("0001"):  # the register's "no date"; kept and read as none later
        return True
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _fields(payload: etree._Element, schema: EntitySchema | None, entity: Entity) -> None:
    where = f"{entity.category} {entity.id}"
    specs = schema.fields if schema else {}
    for child in payload:
        name = _local(child.tag)
        if not name or name == "annotatie":
            continue
        spec = specs.get(name)
        ref = child.get("ref")
        if (spec and spec.kind == "ref") or ref is not None:
            if ref is None:
                continue  # a relation without target (nil): nothing to link
            if not GUID.match(ref):
                raise EntityError(f"{where}: {name} ref {ref!r} is not a GUID")
            entity.refs.setdefault(name, []).append(ref)
            continue
        if child.get(XSI_NIL) in ("true", "1") or len(child):
            if child.get(XSI_NIL) in ("true", "1"):
                entity.fields[name] = None
            continue  # unknown structure the schema does not give: left alone
        value = (child.text or "").strip()
        entity.fields[name] = _check(value, spec, where) if spec else value


def _attr(payload: etree._Element, name: str) -> str | None:
    """A global attribute of the schema: namespaced (``tk:bijgewerkt``), or bare where a proxy
    stripped the namespaces."""
    value = payload.get(f"{{{TK_NS}}}{name}")
    return value if value is not None else payload.get(name)


def parse_entity(payload: etree._Element, entry_label: str) -> Entity:
    """One ``<content>`` payload -> Entity; raises EntityError naming what is wrong."""
    element = _local(payload.tag)
    category = category_of(element)
    entity_id = payload.get("id") or ""
    if not GUID.match(entity_id):
        raise EntityError(f"{category} {entry_label}: id {entity_id!r} is not a GUID")
    where = f"{category} {entity_id}"
    deleted = _attr(payload, "verwijderd")
    if deleted not in _BOOL:
        raise EntityError(f"{where}: verwijderd must be true or false, not {deleted!r}")
    updated = _attr(payload, "bijgewerkt") or ""
    if not _DATETIME.match(updated):
        raise EntityError(f"{where}: bijgewerkt must be a date and time, not {updated!r}")
    entity = Entity(category, entity_id, updated, _BOOL[deleted or "false"])
    entity.content_type = _attr(payload, "contentType") or None
    if not entity.deleted:
        _fields(payload, entity_schemas().get(element), entity)
    return entity


def parse_page(data: bytes, url: str) -> FeedPage:
    """Parse one feed page. A page that is no feed at all raises SyncError (naming ``url``)."""
    root = _root(data, url)
    entities: list[Entity] = []
    errors: list[str] = []
    for entry in root:
        if _local(entry.tag) != "entry":
            continue
        label = next((e.text or "" for e in entry if _local(e.tag) == "title"), "").strip()
        content = next((e for e in entry if _local(e.tag) == "content"), None)
        payload = (
            next((c for c in content if isinstance(c.tag, str)), None)
            if content is not None
            else None
        )
        if payload is None:
            errors.append(f"{url}: entry {label or '?'} has no entity in its <content>")
            continue
        try:
            entity = parse_entity(payload, label or "?")
        except EntityError as exc:
            errors.append(str(exc))
            continue
        entity.resume = _link(entry, "next")
        entity.enclosure = _link(entry, "enclosure")
        entities.append(entity)
    next_url = _link(root, "next")
    resume = next_url
    if resume is None:
        resume = next((e.resume for e in reversed(entities) if e.resume), None)
    return FeedPage(url, entities, errors, next_url, resume)


def parse_time(value: str | None) -> datetime | None:
    """An xs:dateTime as a datetime (None for none or the register's year 0001)."""
    if not value or value.startswith("0001"):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


__all__ = [
    "Entity",
    "EntityError",
    "FeedPage",
    "category_of",
    "parse_entity",
    "parse_page",
    "parse_time",
]

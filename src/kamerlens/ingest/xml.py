"""XML, parsed in hardened mode, and handed on by its root element.

The parser never expands entities, never loads a DTD and never touches the network; on top of
that a document whose DOCTYPE declares entities is refused outright, because no official
publication needs one and every entity attack (the "billion laughs" bomb, ``file:///etc/passwd``
as an external entity) starts with such a declaration.

Root elements:
- ``officiele-publicatie``, ``kamerstuk`` and their family -> :mod:`kamerlens.ingest.publication`
- ``metadata_gegevens``, ``owms-metadata``, SRU ``searchRetrieveResponse``/``record`` ->
  :mod:`kamerlens.ingest.records`
- the VLOS namespace (``vlosCoreDocument``, ``verslag``) -> :mod:`kamerlens.ingest.vlos`
"""

from __future__ import annotations

import re

from lxml import etree

from kamerlens.errors import IngestError
from kamerlens.ingest import RawDocument

VLOS_NS = "http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0"
_METADATA_ROOTS = frozenset(
    {"metadata_gegevens", "owms-metadata", "searchRetrieveResponse", "record", "gzd", "meta"}
)
_VLOS_ROOTS = frozenset({"vlosCoreDocument", "verslag", "vergaderverslag"})
_ROOT_TAG = re.compile(rb"<[A-Za-z_]")
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.I)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _prolog(data: bytes) -> bytes:
    """The bytes before the root element (where a DOCTYPE and its entities would be)."""
    pos = 0
    while True:
        m = _ROOT_TAG.search(data, pos)
        if m is None:
            return data
        # "<!" and "<?" do not match [A-Za-z_], so the first match is the root element, unless
        # it sits inside a comment or the DOCTYPE's internal subset: skip past those.
        before = data[: m.start()]
        if before.count(b"<!--") > before.count(b"-->") or (
            _DOCTYPE.search(before) and before.rfind(b"[") > before.rfind(b"]")
        ):
            pos = m.end()
            continue
        return before


def parse_tree(data: bytes, source: str) -> etree._Element:
    """Parse ``data`` safely; raise :class:`IngestError` for entity tricks or malformed XML."""
    prolog = _prolog(data)
    if _ENTITY_DECL.search(prolog):
        raise IngestError(
            "XML refused: its DOCTYPE declares entities (entity expansion is not allowed)",
            source=source,
        )
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line = f"line {exc.lineno}: " if exc.lineno else ""
        message = str(exc.msg if hasattr(exc, "msg") else exc).split("\n")[0]
        raise IngestError(f"malformed XML ({line}{message})", source=source) from exc
    if root is None:
        raise IngestError("malformed XML (no root element)", source=source)
    return root


def local(tag: object) -> str:
    """The local name of an element tag ("{ns}name" -> "name"); "" for comments and PIs."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def namespace(tag: object) -> str:
    if isinstance(tag, str) and tag.startswith("{"):
        return tag[1:].split("}", 1)[0]
    return ""


def parse_xml(data: bytes, source: str) -> RawDocument:
    root = parse_tree(data, source)
    name = local(root.tag)
    if namespace(root.tag) == VLOS_NS or name in _VLOS_ROOTS:
        from kamerlens.ingest.vlos import parse_vlos

        return parse_vlos(root, data, source)
    if name in _METADATA_ROOTS:
        from kamerlens.ingest.records import parse_record

        return parse_record(root, data, source)
    from kamerlens.ingest.publication import parse_publication

    return parse_publication(root, data, source)

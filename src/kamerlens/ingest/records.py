"""Metadata records of KOOP (``metadata.xml``, OWMS metadata, SRU search records) -> RawDocument.

A record has no body: its text is the title (and abstract or description, when given), and its
meta holds every ``name -> value`` pair, under the names KOOP uses (``DC.identifier``,
``DCTERMS.issued``, ``OVERHEIDop.dossiernummer`` ...) plus the plain keys the rest of kamerlens
reads (``identifier``, ``dossier``, ``number``, ``title``, ``date``, ``kind``).
"""

from __future__ import annotations

from lxml import etree

from kamerlens.errors import IngestError
from kamerlens.ingest import RawDocument, sha256_hex
from kamerlens.ingest.blocks import Writer, tidy
from kamerlens.ingest.publication import canonical_dossier
from kamerlens.ingest.xml import local

# Element name (any namespace) -> the KOOP metadata name it stands for.
_PREFIX = {
    "identifier": "DC.identifier",
    "title": "DC.title",
    "creator": "DC.creator",
    "type": "DC.type",
    "language": "DC.language",
    "subject": "DC.subject",
    "issued": "DCTERMS.issued",
    "available": "DCTERMS.available",
    "modified": "DCTERMS.modified",
    "date": "DCTERMS.date",
    "abstract": "DCTERMS.abstract",
    "publisher": "DCTERMS.publisher",
    "description": "DC.description",
}
# Repeatable names whose values are joined with "; ".
_REPEATABLE = frozenset({"OVERHEIDop.indiener", "OVERHEIDop.behandeldDossier", "DC.creator"})
_SKIP = frozenset({"enrichedData", "gebiedsmarkering", "Punt", "recordSchema", "recordPacking"})


def _collect(root: etree._Element) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}

    def add(name: str, value: str | None) -> None:
        value = tidy(value or "")
        if name and value and value not in found.setdefault(name, []):
            found[name].append(value)

    def walk(el: etree._Element, group: str) -> None:
        for child in el:
            name = local(child.tag)
            if not name or name in _SKIP:
                continue
            if child.get("name") and child.get("content") is not None:  # <metadata name= content=>
                add(child.get("name", ""), child.get("content"))
                walk(child, group)
                continue
            if len(child):
                walk(child, name)
                continue
            key = name.replace("dcterms.", "")
            if group in ("owmskern", "owmsmantel") and key in _PREFIX:
                add(_PREFIX[key], child.text)
            elif "}" in str(child.tag) and "dc" in str(child.tag).split("}")[0].lower()[-12:]:
                add(_PREFIX.get(key, f"DC.{key}"), child.text)
            else:
                add(f"OVERHEIDop.{name}" if group in ("tpmeta", "oep") else name, child.text)

    walk(root, local(root.tag))
    return found


def parse_record(root: etree._Element, data: bytes, source: str) -> RawDocument:
    found = _collect(root)
    meta = {
        name: ("; ".join(values) if name in _REPEATABLE else values[0])
        for name, values in found.items()
    }
    title = meta.get("DC.title") or meta.get("OVERHEIDop.documenttitel")
    out = Writer()
    if title:
        out.heading(title)
    for name in ("DCTERMS.abstract", "DC.description", "OVERHEIDop.dossiertitel"):
        if meta.get(name) and meta[name] != title:
            out.para(meta[name])
    text = out.text()
    if not text:
        raise IngestError("not a document (metadata record without a title)", source=source)
    _plain_keys(meta)
    return RawDocument(
        source=source,
        data=data,
        sha256=sha256_hex(data),
        format="xml-metadata",
        text=text,
        meta=meta,
        headings=tuple(out.headings),
        structured=True,
    )


def _plain_keys(meta: dict[str, str]) -> None:
    """Add the plain keys (identifier, dossier, number, title, date, kind) the extractors read."""
    pairs = (
        ("identifier", "DC.identifier"),
        ("title", "DC.title"),
        ("number", "OVERHEIDop.ondernummer"),
        ("vergaderjaar", "OVERHEIDop.vergaderjaar"),
    )
    for plain, name in pairs:
        if meta.get(name):
            meta[plain] = meta[name]
    dossier = meta.get("OVERHEIDop.dossiernummer")
    if dossier:
        meta["dossier"] = canonical_dossier(dossier) or dossier
    for name in ("OVERHEIDop.datumBrief", "DCTERMS.issued", "DCTERMS.available", "DCTERMS.date"):
        if meta.get(name):
            meta["date"] = meta[name][:10]
            break
    kind = meta.get("OVERHEIDop.documenttitel") or meta.get("DC.type")
    if kind:
        meta["kind"] = kind
    if meta.get("OVERHEIDop.indiener"):
        meta["signer"] = meta["OVERHEIDop.indiener"].split("; ")[0]

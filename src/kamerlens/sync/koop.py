"""``kamerlens sync --source koop``: Kamerstukken from the KOOP SRU service, by their XML.

The SRU 2.0 service answers ``searchRetrieveResponse`` pages of records (``owmskern``,
``owmsmantel``, ``tpmeta``, ``enrichedData`` with an ``itemUrl`` per manifestation); each
Kamerstuk's XML is fetched and ingested as any publication XML. A Kamerstuk that the Tweede
Kamer's feed already gave (its Word or PDF file) and KOOP now gives as XML stays ONE document:
the XML takes the place of the file and every link moves with it.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from lxml import etree

from kamerlens.errors import KamerlensError, QueryError, SyncError
from kamerlens.store import opendata
from kamerlens.store.ids import canonical_dossier
from kamerlens.sync.client import Client, rebase
from kamerlens.sync.run import CategorySummary, Progress, SyncSummary, store_file

if TYPE_CHECKING:
    from kamerlens.store.core import SqlStore

DEFAULT_KOOP = "https://repository.overheid.nl"
PAGE_SIZE = 100


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def check_dossier(dossier: str | None) -> str | None:
    """``--dossier`` as kamerlens writes dossiers ("36200 X" -> "36200-X"); anything else is
    refused, since its text goes into the CQL query."""
    if dossier is None:
        return None
    canonical = canonical_dossier(dossier)
    if canonical is None:
        raise QueryError(
            f"--dossier must be a dossier number like 29924 or 36200-X, not {dossier!r}"
        )
    return canonical


def build_query(
    dossier: str | None, since: str | None, until: str | None, kind: str = "Kamerstuk"
) -> str:
    """CQL for Kamerstukken, e.g. ``c.product-area==officielepublicaties AND dt.type=Kamerstuk
    AND w.dossiernummer==29924 AND dt.date>=2025-01-01``."""
    parts = ["c.product-area==officielepublicaties", f"dt.type={kind}"]
    canonical = check_dossier(dossier)
    if canonical:
        parts.append(f"w.dossiernummer=={canonical.split('-')[0]}")
    if since:
        parts.append(f"dt.date>={since}")
    if until:
        parts.append(f"dt.date<={until}")
    return " AND ".join(parts)


def parse_records(data: bytes, url: str) -> tuple[list[dict[str, Any]], int | None]:
    """Records of one SRU page and the position of the next page (None at the end)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise SyncError(f"malformed SRU answer ({exc})", source=url) from exc
    if _local(root) != "searchRetrieveResponse":
        raise SyncError(f"not an SRU answer (its root is <{_local(root)}>)", source=url)
    for diag in root.iter():
        if _local(diag) == "diagnostic":
            message = " ".join(
                (e.text or "").strip() for e in diag if _local(e) in ("message", "details")
            )
            raise SyncError(f"the SRU service refused the query ({message.strip()})", source=url)
    records = []
    for rec in root.iter():
        if _local(rec) != "recordData":
            continue
        values: dict[str, Any] = {"items": {}}
        for el in rec.iter():
            name = _local(el)
            if name == "itemUrl" and el.get("manifestation"):
                values["items"][el.get("manifestation")] = (el.text or "").strip()
            elif (
                name in ("identifier", "title", "dossiernummer", "ondernummer", "date")
                and name not in values
            ):
                values[name] = (el.text or "").strip()
        records.append(values)
    nxt = next((e.text for e in root.iter() if _local(e) == "nextRecordPosition"), None)
    return records, int(nxt) if nxt and nxt.strip().isdigit() else None


def _take(
    store: SqlStore, client: Client, base: str, rec: dict[str, Any], s: CategorySummary
) -> None:
    ident = rec.get("identifier") or ""
    xml_url = rec["items"].get("xml")
    key = f"koop:{ident}"
    if opendata.koop_known(store, key):
        s.unchanged += 1
        return
    if not xml_url:
        s.errors.append(f"KOOP {ident}: no XML manifestation in its record")
        return
    dossier = canonical_dossier(rec.get("dossiernummer")) if rec.get("dossiernummer") else None
    number = rec.get("ondernummer") or None
    try:
        doc_id = store_file(store, client, rebase(xml_url, base), xml_url)
    except KamerlensError as exc:
        s.errors.append(f"KOOP {ident}: its XML {exc}")
        return
    s.documents += 1
    earlier = opendata.linked_doc(store, dossier, number)
    for other in opendata.docs_of_kamerstuk(store, dossier, number, besides=doc_id):
        opendata.move_document(store, other, doc_id)  # one Kamerstuk, one document
    if earlier and earlier != doc_id and opendata.is_stored(store, earlier):
        opendata.move_document(store, earlier, doc_id)
    opendata.write_page(
        store,
        "koop",
        "Kamerstuk",
        [],
        resume=None,
        failed=[],
        documents=[opendata.DocumentLink(key, "koop", doc_id, dossier, number)],
    )
    s.added += 1


def sync_koop(
    store: SqlStore,
    *,
    base_url: str = DEFAULT_KOOP,
    dossier: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
    client: Client | None = None,
    progress: Progress | None = None,
) -> SyncSummary:
    """Fetch the Kamerstukken the query finds (not yet stored) and ingest their XML."""
    own = client is None
    http = client or Client()
    summary = SyncSummary("koop")
    s = summary.categories.setdefault("Kamerstuk", CategorySummary("Kamerstuk"))
    started = time.perf_counter()
    query = build_query(dossier, since, until)
    position: int | None = 1
    try:
        while position is not None and (limit is None or s.entities < limit):
            params = {"query": query, "startRecord": position, "maximumRecords": PAGE_SIZE}
            url = f"{base_url.rstrip('/')}/sru?{urlencode(params)}"
            try:
                records, nxt = parse_records(http.get(url), url)
            except SyncError as exc:
                s.errors.append(str(exc))
                break
            if nxt is not None and nxt <= position:  # it would read the same records forever
                s.errors.append(
                    f"{url}: the SRU service's nextRecordPosition {nxt} does not move past"
                    f" {position}"
                )
                nxt = None
            position = nxt
            s.pages += 1
            for rec in records[: None if limit is None else limit - s.entities]:
                s.entities += 1
                _take(store, http, base_url, rec, s)
            if progress:
                progress(s)
    finally:
        summary.requests, summary.retried = http.requests, http.retried
        summary.seconds = time.perf_counter() - started
        if own:
            http.close()
    return summary


__all__ = ["DEFAULT_KOOP", "build_query", "check_dossier", "parse_records", "sync_koop"]

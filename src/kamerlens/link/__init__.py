"""across documents: references -> documents, commitments -> fulfilments, pledges over time.

``relink(store)`` recomputes every link from what the store holds and writes them to the
``links`` table, one kind per transaction. It runs after each ingest and reprocess; the
questions (``commitments``, ``pledges``) read the links and compute status at question time.
Citations (references -> stored documents and catalogue entries) are resolved by the store's
queries directly, so they are always current.
"""

from __future__ import annotations

from typing import Any

from kamerlens.link.commitments import cover_links, fulfil_links
from kamerlens.link.recipients import LOOKBACK, RecipientKey, merge, resolve
from kamerlens.store.base import Store


def relink(store: Store) -> dict[str, int]:
    """Recompute the ``fulfils``, ``covers`` and ``recipient`` links; returns counts per kind."""
    documents = {d["doc_id"]: d for d in store.document_index()}
    commitments = store.items("commitments")
    fulfils = fulfil_links(
        commitments, store.items("fulfilments"), store.items("references"), documents
    )
    covers = cover_links(commitments, documents)
    recipients = recipient_links(store)
    store.set_links("fulfils", fulfils)
    store.set_links("covers", covers)
    store.set_links("recipient", recipients)
    return {"fulfils": len(fulfils), "covers": len(covers), "recipient": len(recipients)}


def recipient_links(store: Store) -> list[dict[str, Any]]:
    """One ``recipient`` link per amount with a recipient, to its group key (``to_key``)."""
    pending: list[tuple[dict[str, Any], Any]] = []
    for amount in store.items("amounts"):
        given = amount.get("recipient_key")  # the extractor's key, from the whole document
        if given and given.isupper() and " " not in given:
            pending.append(
                (
                    amount,
                    RecipientKey(
                        given,
                        f"recipient «{amount['recipient']}» (named {given} in the document)",
                        0.9,
                    ),
                )
            )
            continue
        if not amount["recipient"]:
            continue

        def before(a: dict[str, Any] = amount) -> str:
            start = max(0, (a["start"] or 0) - LOOKBACK)
            return store.text_slice(a["doc_id"], start, a["start"] or 0)

        found = resolve(amount["recipient"], before)
        if found:
            pending.append((amount, found))
    groups = merge([found.key for _, found in pending])
    return [
        {
            "from_doc": amount["doc_id"],
            "from_table": "amounts",
            "from_id": amount["id"],
            "to_key": groups[found.key],
            "evidence": found.evidence,
            "confidence": found.confidence,
        }
        for amount, found in pending
    ]


__all__ = ["recipient_links", "relink"]

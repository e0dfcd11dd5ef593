"""across documents: references -> documents, commitments -> fulfilments, pledges over time.

``link_new(store)`` runs after each ingest: it recomputes only the links that the documents
stored since the last run can change (``link/incremental.py``). ``relink(store)`` recomputes
every link from what the store holds (after ``reprocess``); both write the ``links`` table in one
transaction and give the same links. The questions (``commitments``, ``pledges``) read the links
and compute status at question time. Citations (references -> stored documents and catalogue
entries) are resolved by the store's queries directly, so they are always current.
"""

from __future__ import annotations

from typing import Any

from kamerlens.link.recipients import LOOKBACK, RecipientKey, merge, resolve
from kamerlens.store.base import Store


def relink(store: Store) -> dict[str, int]:
    """Recompute the ``fulfils``, ``covers`` and ``recipient`` links; returns counts per kind."""
    from kamerlens.link.incremental import update

    return update(store, full=True)  # type: ignore[arg-type]


def link_new(store: Store) -> dict[str, int]:
    """Link what was stored since the last run (a full relink the first time)."""
    from kamerlens.link.incremental import update

    return update(store)  # type: ignore[arg-type]


def recipient_keys(
    store: Store, amounts: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], RecipientKey]]:
    """The recipient key of each amount that has one (before names are grouped)."""
    pending: list[tuple[dict[str, Any], RecipientKey]] = []
    for amount in amounts:
        given = amount.get("recipient_key")  # the extractor's key, from the whole document
        if given and given.isupper() and " " not in given:
            evidence = f"recipient «{amount['recipient']}» (named {given} in the document)"
            pending.append((amount, RecipientKey(given, evidence, 0.9)))
            continue
        if not amount["recipient"]:
            continue

        def before(a: dict[str, Any] = amount) -> str:
            start = max(0, (a["start"] or 0) - LOOKBACK)
            return store.text_slice(a["doc_id"], start, a["start"] or 0)

        found = resolve(amount["recipient"], before)
        if found:
            pending.append((amount, found))
    return pending


def recipient_links(store: Store) -> list[dict[str, Any]]:
    """One ``recipient`` link per amount with a recipient, to its group key (``to_key``)."""
    pending = recipient_keys(store, store.items("amounts"))
    groups = merge([found.key for _, found in pending])
    return [
        {
            "from_doc": amount["doc_id"],
            "from_table": "amounts",
            "from_id": amount["id"],
            "to_key": groups[found.key],
            "from_key": found.key,
            "evidence": found.evidence,
            "confidence": found.confidence,
        }
        for amount, found in pending
    ]


__all__ = ["link_new", "recipient_keys", "recipient_links", "relink"]

"""Commitments -> the later documents that keep them, with evidence and a confidence.

Two kinds of link (``links.kind``):
- ``fulfils``: a later document's fulfilment points to where the commitment was made: its
  ``made_in`` is the commitment's document (dossier/number), or a Kamerstuk cited in the
  commitment's own sentence (the debate it was made in). Confidence 0.9 when that document holds
  one commitment; with several, the one whose subject fits best (0.6 + 0.35 x similarity).
- ``covers``: a later document of the same actor, dated before the deadline (or within a year
  when there is none), whose title covers the commitment's subject (0.3 + 0.5 x similarity, kept
  from similarity 0.6). Weaker by nature: the evidence names the title and the score.
Fulfilments that say they keep a commitment only in part get ``to_key = 'partial'``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from kamerlens.link.text import content_words, fold, similarity

PARTIAL = re.compile(
    r"\b(deels|gedeeltelijk|voor een deel|eerste stap|in een volgende brief|later nader|"
    r"vooralsnog|op een later moment)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = {"ik", "wij", "we", "mij", "ondergetekende"}
_GOVERNMENT = {"het kabinet", "kabinet", "de regering", "regering", "de ministers", "wij"}
COVER_THRESHOLD = 0.6
MAX_CANDIDATES = 400


def _cut(text: str | None, width: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


Target = tuple[str, str]  # (dossier, number) a fulfilment says the commitment was made in


def commitment_targets(
    commitments: list[dict[str, Any]], references: list[dict[str, Any]]
) -> dict[Target, list[dict[str, Any]]]:
    """Commitments by where they were made: their document's (dossier, number) first, then
    each Kamerstuk cited inside the commitment's own sentence (in commitment, then reference
    order). ``commitments`` and ``references`` in id order; the link stage relies on the order
    when it rebuilds this for a few targets only."""
    by_target: dict[Target, list[dict[str, Any]]] = defaultdict(list)
    for c in commitments:
        if c["doc_dossier"] and c["doc_number"]:
            by_target[(c["doc_dossier"], c["doc_number"])].append(c)
    spans = defaultdict(list)
    for r in references:
        spans[r["doc_id"]].append(r)
    for c in commitments:  # the debate or document cited in the commitment's own sentence
        for r in spans.get(c["doc_id"], ()):
            if r["dossier"] and r["number"] and c["start"] <= r["start"] < c["end"]:
                by_target[(r["dossier"], r["number"])].append(c)
    return by_target


def fulfil_links(
    commitments: list[dict[str, Any]],
    fulfilments: list[dict[str, Any]],
    references: list[dict[str, Any]],
    documents: dict[str, dict[str, Any]],
) -> list[dict[str, Any]]:
    """``fulfils`` links from fulfilments to the commitments they keep (or to the document).
    ``documents`` in store order: of several with one (dossier, number) the last one counts."""
    by_target = commitment_targets(commitments, references)
    stored = {
        (d["dossier"], d["number"]): d["doc_id"]
        for d in documents.values()
        if d["dossier"] and d["number"]
    }
    return fulfil_links_with(fulfilments, by_target, stored)


def fulfil_links_with(
    fulfilments: list[dict[str, Any]],
    by_target: dict[Target, list[dict[str, Any]]],
    stored: dict[Target, str],
) -> list[dict[str, Any]]:
    """The links of ``fulfilments``, given the commitments and the stored document of each of
    their targets (all of them, or the link stage's subset for these fulfilments)."""
    links: list[dict[str, Any]] = []
    for f in fulfilments:
        target = (f["made_in_dossier"], f["made_in_number"])
        if not all(target):
            continue
        made_in = f"Kamerstuk {target[0]}, nr. {target[1]}"
        candidates = [
            c
            for c in by_target.get(target, [])
            if c["doc_id"] != f["doc_id"] and not _later(c["doc_date"], f["doc_date"])
        ]
        partial = "partial" if PARTIAL.search(f["text"] or "") else "full"
        base = {
            "from_doc": f["doc_id"],
            "from_table": "fulfilments",
            "from_id": f["id"],
            "to_key": partial,
        }
        if not candidates:
            if target in stored and stored[target] != f["doc_id"]:
                links.append(
                    {
                        **base,
                        "to_doc": stored[target],
                        "to_table": "documents",
                        "evidence": f"«{_cut(f['text'])}» keeps a commitment made in {made_in}",
                        "confidence": 0.6,
                    }
                )
            continue
        subject = f["subject"] or f["text"]
        scored = sorted(
            ((similarity(c["subject"] or c["text"], subject), c) for c in candidates),
            key=lambda pair: -pair[0],
        )
        for rank, (score, c) in enumerate(scored):
            if len(scored) == 1:
                confidence = 0.9
            elif rank == 0 or score >= 0.8:
                confidence = round(0.6 + 0.35 * score, 2)
            else:
                continue
            links.append(
                {
                    **base,
                    "to_doc": c["doc_id"],
                    "to_table": "commitments",
                    "to_id": c["id"],
                    "evidence": f"«{_cut(f['text'])}» ({f['doc_id']}, {f['doc_date'] or 'undated'})"
                    f" says it keeps a commitment made in {made_in}",
                    "confidence": confidence,
                }
            )
    return links


def _later(a: str | None, b: str | None) -> bool:
    """True when date ``a`` is known to lie after date ``b``."""
    return bool(a and b and a[:10] > b[:10])


def _actor_key(actor: str | None, signer_role: str | None) -> str | None:
    """Who must keep it: 'ik' is the signer of the letter; the cabinet is any minister."""
    folded = fold(actor or "").strip()
    if not folded or folded in _FIRST_PERSON:
        return fold(signer_role) if signer_role else None
    if folded in _GOVERNMENT:
        return "*"
    return folded


def _deadline_end(c: dict[str, Any]) -> str | None:
    from kamerlens.store.questions import period_end

    end = period_end(c["deadline"])
    if end:
        return end
    if c["doc_date"]:
        made = date.fromisoformat(c["doc_date"][:10])
        return (made + timedelta(days=365)).isoformat()
    return None


# Documents that may cover a commitment: (subject words, made, until, actor key) -> each
# candidate document with how many content words its title shares with the subject. May
# return documents of other actors; ``cover_link`` filters them.
Candidates = Callable[[set[str], str, str, str], list[tuple[dict[str, Any], int]]]


class _TitleIndex:
    """Documents by date with an inverted index of the content words of their titles, one per
    signer role (so a commitment only walks the documents of roles that can keep it)."""

    def __init__(self, documents: dict[str, dict[str, Any]]) -> None:
        dated = sorted(
            (d for d in documents.values() if d["date"]), key=lambda d: (d["date"], d["doc_id"])
        )
        self.docs = dated
        self.dates = [d["date"] for d in dated]
        # role -> word -> ascending positions in ``docs``
        self.words: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        for i, d in enumerate(dated):
            role = d["signer_role"] or ""
            for word in content_words(d["title"]):
                self.words[role][word].append(i)
        self._roles: dict[str, list[str]] = {}

    def _roles_of(self, actor: str) -> list[str]:
        if actor not in self._roles:
            self._roles[actor] = [r for r in self.words if _same_actor(actor, r or None)]
        return self._roles[actor]

    def candidates(
        self, words: set[str], after: str, until: str, actor: str
    ) -> list[tuple[dict[str, Any], int]]:
        """Documents of the actor dated in (after, until] whose title shares a word."""
        lo, hi = bisect_right(self.dates, after), bisect_right(self.dates, until)
        if lo >= hi:
            return []
        shared: dict[int, int] = defaultdict(int)
        for role in self._roles_of(actor):
            index = self.words[role]
            for word in words:
                postings = index.get(word)
                if postings:
                    for i in postings[bisect_left(postings, lo) : bisect_left(postings, hi)]:
                        shared[i] += 1
        return [(self.docs[i], n) for i, n in shared.items()]


def cover_links(
    commitments: list[dict[str, Any]], documents: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """``covers`` links: later documents of the same actor whose title covers the subject."""
    index = _TitleIndex(documents)
    links: list[dict[str, Any]] = []
    for c in commitments:
        link = cover_link(c, index.candidates)
        if link:
            links.append(link)
    return links


def cover_key(c: dict[str, Any]) -> tuple[set[str], str, str] | None:
    """(subject words, made, until) of a commitment that can be covered, else None."""
    words = content_words(c["subject"] or c["text"])
    actor = _actor_key(c["actor"], c["doc_signer_role"])
    until = _deadline_end(c)
    if not words or not actor or not c["doc_date"] or not until:
        return None
    return words, c["doc_date"][:10], until


def cover_link(c: dict[str, Any], candidates: Candidates) -> dict[str, Any] | None:
    """The best later document of the same actor whose title covers ``c``'s subject.

    Which documents are weighed depends on ``c`` and those documents alone (the same actor,
    dated in range, a shared title word; at most MAX_CANDIDATES, most shared words first), so
    the link stage can tell which commitments a new document may change."""
    key = cover_key(c)
    if key is None:
        return None
    words, made, until = key
    subject = c["subject"] or c["text"]
    actor = _actor_key(c["actor"], c["doc_signer_role"])
    assert actor is not None
    found = [
        (d, n)
        for d, n in candidates(words, made, until, actor)
        if d["doc_id"] != c["doc_id"] and _same_actor(actor, d["signer_role"])
    ]
    found.sort(key=lambda pair: (-pair[1], pair[0]["date"], pair[0]["doc_id"]))
    chosen = sorted((d for d, _ in found[:MAX_CANDIDATES]), key=lambda d: (d["date"], d["doc_id"]))
    best: tuple[float, dict[str, Any]] | None = None
    for d in chosen:
        score = similarity(subject, d["title"])
        if score >= COVER_THRESHOLD and (best is None or score > best[0]):
            best = (score, d)
    if best is None:
        return None
    score, d = best
    return {
        "from_doc": d["doc_id"],
        "from_table": "documents",
        "from_id": None,
        "to_doc": c["doc_id"],
        "to_table": "commitments",
        "to_id": c["id"],
        "to_key": "full",
        "evidence": f"later document of {d['signer_role']} ({d['date']}) titled"
        f" «{_cut(d['title'], 120)}» covers «{_cut(subject, 120)}»"
        f" (match {score:.2f}, before {until})",
        "confidence": round(0.3 + 0.5 * score, 2),
    }


def _same_actor(actor: str, signer_role: str | None) -> bool:
    if not signer_role:
        return False
    role = fold(signer_role)
    if actor == "*":
        return "minister" in role or "staatssecretaris" in role
    return actor == role or actor in role or role in actor


__all__ = ["COVER_THRESHOLD", "PARTIAL", "cover_links", "fulfil_links"]

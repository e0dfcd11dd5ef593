"""Who speaks in a document: whether it is a debate, and whether a speaker is of the government.

The one answer to "is this a debate" that every component reads (the kind of document, motions,
commitments, the speaker of each item). The ``turns`` component decides it once
(:func:`kamerlens.extract.turns.is_debate_turns`) and keeps the turns of a debate only; the turn
holding a place is :meth:`kamerlens.extract.pipeline.Doc.turn_at`. Outside a debate, a label line
still says who speaks its own paragraph (:func:`label_at`), and that is never the writer. A leaf
module: both ``turns`` and the statement helpers (``_cues``) import it, it imports neither.
"""

from __future__ import annotations

from bisect import bisect_right

from kamerlens.extract.pipeline import Doc
from kamerlens.models import Speaker, Turn

GOVERNMENT_ROLES = frozenset({"minister", "staatssecretaris", "minister-president"})


def is_debate(doc: Doc) -> bool:
    """Whether the document is a debate (it has speaker turns: see ``turns``)."""
    return bool(doc.results.get("turns"))


def label_at(doc: Doc, pos: int) -> Speaker | None:
    """Outside a debate, the speaker of the label line whose paragraph holds ``pos``: a letter
    reporting "De heer Jansen (VVD): ..." or an excerpt of two turns. None elsewhere."""
    labels: list[Turn] = doc.results.get("labels") or []
    i = bisect_right(labels, pos, key=lambda t: t.start) - 1
    if i < 0:
        return None
    label = labels[i]
    return label.speaker if label.start <= pos < max(label.end, label.label_end + 1) else None


def is_government(speaker: Speaker | None) -> bool:
    return speaker is not None and speaker.role in GOVERNMENT_ROLES


def government_actor(speaker: Speaker) -> str:
    """How a member of the government speaking in a debate is named as an actor: "Minister
    Weerwind", "Staatssecretaris Van der Burg", "Minister-president Rutte"."""
    title = "Minister-president" if speaker.role == "minister-president" else str(speaker.role)
    title = title[:1].upper() + title[1:]
    return f"{title} {speaker.name}" if speaker.name else title


__all__ = ["GOVERNMENT_ROLES", "government_actor", "is_debate", "is_government", "label_at"]

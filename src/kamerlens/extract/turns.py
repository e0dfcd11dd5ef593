"""turns: a debate read as speaker turns, in flat text as well as in text with line breaks.

Handelingen, VLOS minutes and transcripts give every turn a label: "De voorzitter:", "Minister
Weerwind:", "De heer Van Nispen (SP):". Publishers' tools often remove the line breaks, so a label
is recognised by its own shape and by what stands before it (the start of the text or of a line,
or the end of a sentence, glued or not), never by a line break alone. The labels are data
(``kamerlens/data/labels.toml``, read through :mod:`kamerlens.labels`, which ingest reads too).
Only a document whose turns make a debate (:func:`is_debate_turns`) keeps them.

Every item of a debate gets its speaker from the turn it stands in (:func:`assign_speakers`, the
last component); only members of the government make commitments there.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from kamerlens.extract._speech import is_debate
from kamerlens.extract.pipeline import Doc, component
from kamerlens.labels import label_group, label_re, label_role
from kamerlens.models import Speaker, Turn

# What may stand right before a label: a sentence end (also glued to it), a quote or bracket
# closing a sentence, or a line break. Checked on the text before each candidate.
_BEFORE_OK = frozenset('.!?…"”’)]\n')
# The fewest turns of a debate: the chair gives the floor, someone speaks, someone answers.
_FEWEST = 3


def find_turns(text: str, end: int | None = None) -> list[Turn]:
    """The speaker turns of ``text[:end]``, in order, as its labels divide it; [] when it holds
    fewer than two labels. Whether they make a debate is :func:`is_debate_turns`.

    >>> t = "De voorzitter: Het woord is aan de minister. Minister Weerwind: Voorzitter."
    >>> [(x.speaker.role, x.speaker.name) for x in find_turns(t)]
    [('voorzitter', None), ('minister', 'Weerwind')]
    """
    end = len(text) if end is None else end
    marks: list[tuple[int, int, Speaker]] = []
    for m in label_re().finditer(text, 0, end):
        if _opens_turn(text, m.start()):
            marks.append((m.start(), m.end(), _speaker(m)))
    if len(marks) < 2:
        return []
    turns = []
    for k, (start, label_end, speaker) in enumerate(marks):
        stop = marks[k + 1][0] if k + 1 < len(marks) else end
        while stop > label_end and text[stop - 1].isspace():
            stop -= 1
        turns.append(Turn(speaker=speaker, start=start, end=stop, label_end=label_end))
    return turns


def is_debate_turns(found: Sequence[Turn]) -> bool:
    """Whether turns make a debate: three or more, the chair or a member of parliament among the
    speakers. Label-shaped lines of a letter do not ("Staatssecretaris Van Rij: fiscaliteit", a
    list of portfolios or of contacts), nor a text in which only the government speaks.

    This is the one decision: the ``turns`` component keeps turns only for a debate, and every
    other component asks :func:`kamerlens.extract._speech.is_debate`.
    """
    return len(found) >= _FEWEST and any(t.speaker.role in ("voorzitter", "lid") for t in found)


def _opens_turn(text: str, pos: int) -> bool:
    k = pos
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return k == 0 or text[k - 1] in _BEFORE_OK


def _speaker(m: re.Match[str]) -> Speaker:
    found = m.groupdict()
    name = found.get(label_group(m, "name"))
    party = found.get(label_group(m, "party"))
    return Speaker(
        name=" ".join(name.split()) if name else None,
        role=label_role(m),
        party=" ".join(party.split()) if party else None,
    )


@component("turns", needs=("sentences",), sets=("turns", "sentences"))
def turns(doc: Doc) -> None:
    found = find_turns(doc.text, doc.body_end)
    if not is_debate_turns(found):
        found = []
    doc.results["turns"] = found
    if found:
        doc.sentences = _split_at_labels(doc.text, doc.sentences, found)


def _split_at_labels(
    text: str, sentences: list[tuple[int, int]], found: list[Turn]
) -> list[tuple[int, int]]:
    """Sentences never run over a speaker label, and a label is no part of a sentence: "... nr.
    52!De voorzitter: Snel door." gives "... nr. 52!" and "Snel door."."""
    cuts = sorted({t.start for t in found} | {t.label_end for t in found})
    labels = {t.start: t.label_end for t in found}
    out: list[tuple[int, int]] = []
    i = 0
    for s, e in sentences:
        while i < len(cuts) and cuts[i] <= s:
            i += 1
        points = [s]
        j = i
        while j < len(cuts) and cuts[j] < e:
            points.append(cuts[j])
            j += 1
        points.append(e)
        for a, b in zip(points, points[1:], strict=False):
            if a in labels and labels[a] >= b:
                continue  # the label itself
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append((a, b))
    return out


# Item kinds whose items carry a ``speaker``.
_SPOKEN = ("references", "motions", "amounts", "percentages", "dates", "events", "commitments",
           "fulfilments", "positions")


@component("speakers", needs=("turns",))
def assign_speakers(doc: Doc) -> None:
    """Give every item of a debate the speaker of the turn it stands in."""
    if not is_debate(doc):
        return
    for kind in _SPOKEN:
        items = doc.results.get(kind)
        if not items:
            continue
        out = []
        for item in items:
            turn = doc.turn_at(item.start)
            if turn is not None and getattr(item, "speaker", None) is None:
                item = dataclasses.replace(item, speaker=turn.speaker)
            out.append(item)
        doc.results[kind] = out


__all__ = ["assign_speakers", "find_turns", "is_debate_turns", "turns"]

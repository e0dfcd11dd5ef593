"""turns: a debate read as speaker turns, in flat text as well as in text with line breaks.

Handelingen, VLOS minutes and transcripts give every turn a label: "De voorzitter:", "Minister
Weerwind:", "De heer Van Nispen (SP):". Publishers' tools often remove the line breaks, so a label
is recognised by its own shape and by what stands before it (the start of the text or of a line,
or the end of a sentence, glued or not), never by a line break alone. The labels are data
(``kamerlens/data/labels.toml``, read through :mod:`kamerlens.labels`, which ingest reads too).
Only a document whose turns make a debate (:func:`is_debate_turns`) keeps them; a letter that
reports a conversation line by line keeps its label lines apart (``labels``), so that no label
line is read as the writer's. Sentences are split at every label, debate or not. The letter test
reads the signer as the ``document`` component will (:func:`kamerlens.extract.document.signer`).

Every item of a debate gets its speaker from the turn it stands in (:func:`assign_speakers`, the
last component); only members of the government make commitments there.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from kamerlens.extract._speech import is_debate, is_government
from kamerlens.extract.document import signer
from kamerlens.extract.pipeline import Doc, component
from kamerlens.labels import label_group, label_matches, label_role
from kamerlens.models import ITEM_KINDS, Speaker, Turn

# What may stand right before a label: a sentence end (also glued to it), a quote or bracket
# closing a sentence, or a line break. Checked on the text before each candidate.
_BEFORE_OK = frozenset('.!?…"”’)]\n')
# The fewest turns of a debate without a member of the government: the chair gives the floor,
# someone speaks, someone answers. With one, two do: a member asks and the minister answers.
_FEWEST = 3
_PARLIAMENT = ("voorzitter", "lid")
# A letter's head: its salutation or its address to the chair of a chamber.
_SALUTATION = re.compile(
    r"(?i)\b(?:geachte\s+(?:voorzitter|heer|mevrouw|leden)"
    r"|aan\s+de\s+voorzitter\s+van\s+de\s+(?:tweede|eerste)\s+kamer)\b"
)
_GOVERNMENT_SIGNER = re.compile(r"minister|staatssecretaris|bewindspersoon|premier", re.I)
# Where a label line of a letter stops: a line ending a sentence, or a blank line.
_LINE_END = re.compile(r"[.!?:;][ \t]*\n|\n[ \t]*\n")


def find_labels(text: str, end: int | None = None) -> list[Turn]:
    """Every speaker label of ``text[:end]`` that opens a turn, in order; each turn reaching to
    the next label (or ``end``). :func:`find_turns` is the same for two labels or more."""
    end = len(text) if end is None else end
    marks: list[tuple[int, int, Speaker]] = []
    for m in label_matches(text, 0, end):
        if _opens_turn(text, m.start()):
            marks.append((m.start(), m.end(), _speaker(m)))
    turns = []
    for k, (start, label_end, speaker) in enumerate(marks):
        stop = marks[k + 1][0] if k + 1 < len(marks) else end
        while stop > label_end and text[stop - 1].isspace():
            stop -= 1
        turns.append(Turn(speaker=speaker, start=start, end=stop, label_end=label_end))
    return turns


def find_turns(text: str, end: int | None = None) -> list[Turn]:
    """The speaker turns of ``text[:end]``, in order, as its labels divide it; [] when it holds
    fewer than two labels. Whether they make a debate is :func:`is_debate_turns`.

    >>> t = "De voorzitter: Het woord is aan de minister. Minister Weerwind: Voorzitter."
    >>> [(x.speaker.role, x.speaker.name) for x in find_turns(t)]
    [('voorzitter', None), ('minister', 'Weerwind')]
    """
    found = find_labels(text, end)
    return found if len(found) >= 2 else []


def is_debate_turns(found: Sequence[Turn], doc: Doc | None = None) -> bool:
    """Whether turns make a debate: the chair or a member of parliament among the speakers, and
    either three turns or more, or a member of the government answering. Label-shaped lines of a
    letter do not ("Staatssecretaris Van Rij: fiscaliteit", a list of portfolios or of contacts),
    nor a text in which only the government speaks. Given the document, a letter (a salutation
    before the first label, a member of the government signing) is no debate either, unless its
    label lines make most of its body: a letter may report a conversation line by line.

    This is the one decision: the ``turns`` component keeps turns only for a debate, and every
    other component asks :func:`kamerlens.extract._speech.is_debate`.
    """
    if len(found) < 2 or not any(t.speaker.role in _PARLIAMENT for t in found):
        return False
    if len(found) < _FEWEST and not any(is_government(t.speaker) for t in found):
        return False
    return doc is None or not _a_letter(doc, found)


def _a_letter(doc: Doc, found: Sequence[Turn]) -> bool:
    """A letter of the government whose label lines (each up to the end of its paragraph) make
    no more than half of its body."""
    head = _SALUTATION.search(doc.text, 0, found[0].start)
    if head is None:
        return False
    role = signer(doc).role
    if not role or not _GOVERNMENT_SIGNER.search(role):
        return False
    reported = sum(t.end - t.start for t in _lines(doc.text, found))
    return 2 * reported <= doc.body_end - head.end()


def _lines(text: str, found: Sequence[Turn]) -> list[Turn]:
    """The turns cut where the label's paragraph ends: outside a debate, a label line stands for
    its own paragraph only ("De heer Jansen (VVD): vroeg naar de kosten.")."""
    out = []
    for t in found:
        m = _LINE_END.search(text, t.label_end, t.end)
        out.append(dataclasses.replace(t, end=m.start() + 1) if m else t)
    return out


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


@component("turns", needs=("sentences",), sets=("turns", "labels", "sentences"))
def turns(doc: Doc) -> None:
    """The turns of a debate (``turns``); outside a debate, the label lines (``labels``, each
    reaching to the end of its paragraph), whose words no writer says. Sentences never run
    over a label, debate or not."""
    found = find_labels(doc.text, doc.body_end)
    debate = is_debate_turns(found, doc)
    doc.results["turns"] = found if debate else []
    doc.results["labels"] = [] if debate else _lines(doc.text, found)
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
        if (
            (i == len(cuts) or cuts[i] >= e)
            and s not in labels
            and not text[s].isspace()
            and not text[e - 1].isspace()
        ):
            out.append((s, e))  # most sentences hold no label: kept as split gave them
            continue
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


# Item kinds whose items carry a ``speaker``: what is said (not who is named, what is wrong with
# the document, or its parts)
_SPOKEN = tuple(
    k for k in ITEM_KINDS if k not in ("entities", "findings", "footnotes", "sections", "turns")
)


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


__all__ = ["assign_speakers", "find_labels", "find_turns", "is_debate_turns", "turns"]

"""turns: a debate read as speaker turns, in flat text as well as in text with line breaks.

Handelingen, VLOS minutes and transcripts give every turn a label: "De voorzitter:", "Minister
Weerwind:", "De heer Van Nispen (SP):". Publishers' tools often remove the line breaks, so a label
is recognised by its own shape and by what stands before it (the start of the text or of a line,
or the end of a sentence, glued or not), never by a line break alone. The labels are data
(``data/turns.toml``).

Every item of a debate gets its speaker from the turn it stands in (:func:`assign_speakers`, the
last component); only members of the government make commitments there.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache

from kamerlens.extract._cues import load_toml
from kamerlens.extract.pipeline import Doc, component
from kamerlens.models import Speaker, Turn

GOVERNMENT_ROLES = frozenset({"minister", "staatssecretaris", "minister-president"})

# What may stand right before a label: a sentence end (also glued to it), a quote or bracket
# closing a sentence, or a line break. Checked on the text before each candidate.
_BEFORE_OK = frozenset('.!?…"”’)]\n')


@cache
def _labels() -> tuple[re.Pattern[str], tuple[str, ...]]:
    data = load_toml("turns.toml")
    particle = "|".join(re.escape(p) for p in data["particles"])
    word = r"[A-ZÀ-ÝĀ-Ž][\w'’]*(?:-[\w'’]+)*"
    # a surname: capitalised words, particles between them ("Van der Plas", "Faber-van de
    # Klashorst", "Gualthérie van Weezel"), at most five words
    name = rf"(?:(?:{particle})\s+)*{word}(?:\s+(?:(?:{particle})\s+)*{word}){{0,4}}"
    groups, roles = [], []
    for i, label in enumerate(data["label"]):
        pattern = label["pattern"].replace("{NAME}", name)
        for group in ("party", "chair"):
            pattern = pattern.replace(f"(?P<{group}>", f"(?P<{group}{i}>")
        groups.append(f"(?P<l{i}>{pattern})")
        roles.append(label["role"])
    return re.compile(r"(?:" + "|".join(groups) + r")[ \t]*:"), tuple(roles)


def find_turns(text: str, end: int | None = None) -> list[Turn]:
    """The speaker turns of ``text[:end]``, in order; [] when it holds fewer than two labels.

    >>> t = "De voorzitter: Het woord is aan de minister. Minister Weerwind: Voorzitter."
    >>> [(x.speaker.role, x.speaker.name) for x in find_turns(t)]
    [('voorzitter', None), ('minister', 'Weerwind')]
    """
    end = len(text) if end is None else end
    pattern, roles = _labels()
    marks: list[tuple[int, int, Speaker]] = []
    for m in pattern.finditer(text, 0, end):
        if not _opens_turn(text, m.start()):
            continue
        i = _group(m)
        marks.append((m.start(), m.end(), _speaker(m, i, roles[i])))
    if len(marks) < 2:
        return []
    turns = []
    for k, (start, label_end, speaker) in enumerate(marks):
        stop = marks[k + 1][0] if k + 1 < len(marks) else end
        while stop > label_end and text[stop - 1].isspace():
            stop -= 1
        turns.append(Turn(speaker=speaker, start=start, end=stop, label_end=label_end))
    return turns


def _group(m: re.Match[str]) -> int:
    """Which label alternative matched (the outer group ``l<i>``)."""
    for name, value in m.groupdict().items():
        if value is not None and name.startswith("l"):
            return int(name[1:])
    return 0


def _opens_turn(text: str, pos: int) -> bool:
    k = pos
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return k == 0 or text[k - 1] in _BEFORE_OK


def _speaker(m: re.Match[str], i: int, role: str) -> Speaker:
    label = " ".join(m.group(f"l{i}").split())
    party = m.groupdict().get(f"party{i}")
    chair = m.groupdict().get(f"chair{i}")
    if role == "voorzitter":
        return Speaker(name=" ".join(chair.split()) if chair else None, role=role)
    if role == "lid":
        name = re.sub(r"^(?:De\s+heer|Mevrouw|Kamerlid)\s+", "", label)
        name = name[: name.rfind("(")].strip()
        return Speaker(name=name, role=role, party=" ".join(party.split()) if party else None)
    name = label.split(None, 1)[1] if " " in label else label
    return Speaker(name=name, role=role)


def turn_at(turns: Sequence[Turn], pos: int, starts: Sequence[int] | None = None) -> Turn | None:
    """The turn whose words hold ``pos`` (None before the first label or inside a label)."""
    starts = starts if starts is not None else [t.start for t in turns]
    i = bisect_right(starts, pos) - 1
    if i < 0:
        return None
    turn = turns[i]
    return turn if turn.label_end <= pos < max(turn.end, turn.label_end + 1) else None


def is_government(speaker: Speaker | None) -> bool:
    return speaker is not None and speaker.role in GOVERNMENT_ROLES


@component("turns", needs=("sentences",), sets=("turns", "sentences"))
def turns(doc: Doc) -> None:
    found = find_turns(doc.text, doc.body_end)
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
    found = doc.results.get("turns") or []
    if not found:
        return
    starts = [t.start for t in found]
    for kind in _SPOKEN:
        items = doc.results.get(kind)
        if not items:
            continue
        out = []
        for item in items:
            turn = turn_at(found, item.start, starts)
            if turn is not None and getattr(item, "speaker", None) is None:
                item = dataclasses.replace(item, speaker=turn.speaker)
            out.append(item)
        doc.results[kind] = out


__all__ = ["GOVERNMENT_ROLES", "assign_speakers", "find_turns", "is_government", "turn_at", "turns"]

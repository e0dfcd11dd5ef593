"""Motions in a debate: what the speakers say of them.

Three things that only a debate's speaker turns tell (``doc.results["turns"]``):

- a member speaking of a motion of her or his own ("mijn motie", "Ik ga hierover een motie
  indienen", "We hebben al een motie ingediend"): the speaker is its submitter;
- the dossier of a motion it names by number only ("De motie op stuk nr. 48"), where the numbers
  it names with a dossier ("Zij krijgt nr. 38 (36410-VI)") enclose it;
- the government's appreciation of each motion ("De motie op stuk nr. 39 krijgt oordeel Kamer",
  "Die ontraad ik", "de motie neem ik over"), and the chair stating the outcome ("Op verzoek van de
  heer X stel ik voor zijn motie (36410-VI, nr. 71) aan te houden", "Dan is de motie op stuk nr.
  38 bij dezen ontraden"). A statement gives its value to the speaker's current motion: the one
  named in the same sentence, else earlier in the same turn, else in the turn just before (the
  chair giving the number the minister asked for). An amendment or an unnamed motion spoken of in
  between ("een motie die vraagt ...") is no motion named before, and a later statement overrides
  an earlier one ("anders moet ik 'm ontraden", then the chair: "aangehouden").

Vocabulary: ``data/motions.toml`` (``own``, ``not_the_motion``, ``conditional``, ``appreciation``).
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from kamerlens.extract._cues import load_toml
from kamerlens.extract._speech import is_debate, is_government
from kamerlens.extract.lexicon import lower
from kamerlens.extract.needles import may_match
from kamerlens.extract.pipeline import Doc
from kamerlens.models import Mention, Motion, Turn

_LOOKBACK = 3000  # how far back in a turn a motion named before is still the current one
_AFTER = 80  # "Ik ontraad de motie op stuk nr. 12": the motion right after the words
_NEGATION = re.compile(r"\b(?:niet|geen)\b")


@dataclass(frozen=True)
class _Rule:
    value: str
    who: frozenset[str]
    pattern: re.Pattern[str]


_Patterns = tuple[tuple[re.Pattern[str], ...], re.Pattern[str], re.Pattern[str], tuple[_Rule, ...]]


@cache
def _vocabulary() -> _Patterns:
    data = load_toml("motions.toml")
    own = tuple(re.compile(p) for p in data["own"])
    rules = tuple(
        _Rule(a["value"], frozenset(a["who"]), re.compile(a["pattern"]))
        for a in data["appreciation"]
    )
    return own, re.compile(data["not_the_motion"]), re.compile(data["conditional"]), rules


# ---------------------------------------------------------------- a member's own motion


def own_mentions(
    doc: Doc, taken: Sequence[tuple[int, int]], texts: Sequence[int]
) -> list[tuple[int, int, str]]:
    """(start, end, speaker) of each place where a member speaks of a motion of her or his own,
    outside the spans ``taken`` by other mentions. "Ik ga een motie hierover voorlezen" before a
    motion text (starting at one of ``texts``) in the same turn announces that text: the text is
    the motion, the announcement no other one."""
    own = _vocabulary()[0]
    out: list[tuple[int, int, str]] = []
    for turn in doc.results.get("turns") or []:
        if turn.speaker.role != "lid" or not turn.speaker.name:
            continue
        low = lower(doc)
        found = sorted(
            (m.start(), m.end())
            for pattern in own
            if may_match(pattern, doc.text, low, turn.label_end, turn.end)
            for m in pattern.finditer(doc.text, turn.label_end, turn.end)
        )
        last_end = -1
        for start, end in found:
            if start < last_end or any(s < end and start < e for s, e in taken):
                continue
            if any(start < t < turn.end for t in texts):
                continue
            out.append((start, end, turn.speaker.name))
            last_end = end
    return out


def debate_dossiers(named: Iterable[tuple[str, str]], numbers: Iterable[str]) -> dict[str, str]:
    """The dossier of each of the motion ``numbers`` a debate names without one ("de motie op stuk
    nr. 48"), from the (dossier, number) pairs it ``named`` ("Zij krijgt nr. 38 (36410-VI)", "zijn
    motie (36410-VI, nr. 71)"). Motions submitted in one debate are numbered as one block per
    dossier, and the chair names the dossier with only some of them: a debate that names one
    dossier gives it to every number. One that names several (a begroting and a wetsvoorstel)
    gives a number the dossier whose range of named numbers holds it, or, outside every range,
    the one range that reaches it without crossing another (below the lowest range, above the
    highest, where the ranges do not overlap); a number in two ranges or in a gap between two
    gets none.

    >>> debate_dossiers([("36410-VI", "47"), ("36410-VI", "72")], ["38", "50"])
    {'38': '36410-VI', '50': '36410-VI'}
    >>> named = [("36410-VI", "38"), ("36410-VI", "44"), ("36500", "12")]
    >>> debate_dossiers(named, ["40", "12", "7", "20", "50"])
    {'12': '36500', '40': '36410-VI', '50': '36410-VI', '7': '36500'}
    """
    ranges: dict[str, tuple[int, int]] = {}
    for dossier, number in named:
        if _DIGITS.fullmatch(number):
            n = int(number)
            lo, hi = ranges.get(dossier, (n, n))
            ranges[dossier] = (min(lo, n), max(hi, n))
    asked = sorted({n for n in numbers if _DIGITS.fullmatch(n)}, key=int)
    if not ranges:
        return {}
    if len(ranges) == 1:
        (only,) = ranges
        return dict.fromkeys(asked, only)
    lowest = min(ranges.items(), key=lambda r: r[1][0])
    highest = max(ranges.items(), key=lambda r: r[1][1])
    spans = sorted(ranges.values())
    apart = all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))
    found: dict[str, str] = {}
    for asked_n in asked:
        v = int(asked_n)
        holding = [d for d, (lo, hi) in ranges.items() if lo <= v <= hi]
        if len(holding) == 1:
            found[asked_n] = holding[0]
        elif not holding and apart and v < lowest[1][0]:
            found[asked_n] = lowest[0]
        elif not holding and apart and v > highest[1][1]:
            found[asked_n] = highest[0]
    return dict(sorted(found.items()))


_DIGITS = re.compile(r"[0-9]+")


# ---------------------------------------------------------------- appreciations


def appreciate(doc: Doc, motions: list[Motion]) -> list[Motion]:
    """The motions with the appreciation the government (or the chair) gives them in a debate."""
    if not is_debate(doc) or not motions:
        return motions
    turns: Sequence[Turn] = doc.results["turns"]
    anchors = _anchors(doc.text, motions)
    starts = [s for s, _ in doc.sentences]
    given: dict[int, tuple[str, int, int]] = {}
    for k, turn in enumerate(turns):
        who = _who(turn)
        if who is None:
            continue
        previous = turns[k - 1] if k else None
        for start, end, value, targets in _statements(doc, turn, previous, who, anchors, starts):
            for i in targets:
                given[i] = (value, start, end)  # a later statement overrides an earlier one
    return [
        dataclasses.replace(m, appreciation=given[i][0], appreciation_span=Mention(*given[i][1:]))
        if i in given
        else m
        for i, m in enumerate(motions)
    ]


def _who(turn: Turn) -> str | None:
    if is_government(turn.speaker):
        return "government"
    return "chair" if turn.speaker.role == "voorzitter" else None


class _Anchors:
    """Where motions are named (with the motion's index) and where something else that a
    "deze motie" might point at is (index None), in text order."""

    def __init__(self, items: list[tuple[int, int, int | None]]) -> None:
        self.items = sorted(items)
        self.starts = [s for s, _, _ in self.items]

    def last_before(self, lo: int, hi: int) -> list[int] | None:
        """The motions named last in [lo, hi) (several when one mention names several: "de
        moties op stuk nrs. 12 en 13"); [] when something else was spoken of last; None when
        nothing is named there."""
        i = bisect_left(self.starts, hi) - 1
        if i < 0 or self.starts[i] < lo:
            return None
        at = self.starts[i]
        same = [idx for s, _, idx in self.items[bisect_left(self.starts, at) : i + 1] if s == at]
        return [idx for idx in same if idx is not None]

    def first_after(self, lo: int, hi: int) -> list[int] | None:
        i = bisect_left(self.starts, lo)
        if i >= len(self.starts) or self.starts[i] >= hi:
            return None
        at = self.starts[i]
        same = [idx for s, _, idx in self.items[i : bisect_right(self.starts, at)]]
        return [idx for idx in same if idx is not None]


def _anchors(text: str, motions: list[Motion]) -> _Anchors:
    named = [(m.start, m.end, i) for i, mo in enumerate(motions) for m in mo.mentions]
    spans = sorted((s, e) for s, e, _ in named)
    starts = [s for s, _ in spans]
    other: list[tuple[int, int, int | None]] = []
    for m in _vocabulary()[1].finditer(text):
        j = bisect_right(starts, m.end()) - 1
        if j >= 0 and spans[j][1] > m.start():
            continue  # part of a named motion ("een motie ingediend ... door de leden X en Y")
        other.append((m.start(), m.end(), None))
    return _Anchors([*named, *other])


def _statements(
    doc: Doc, turn: Turn, previous: Turn | None, who: str, anchors: _Anchors, starts: list[int]
) -> list[tuple[int, int, str, list[int]]]:
    _, _, conditional, rules = _vocabulary()
    text, low = doc.text, lower(doc)
    out: list[tuple[int, int, str, list[int]]] = []
    # only the rules whose literal words the turn holds can match in it (needles.py: exact)
    rules = tuple(r for r in rules if who in r.who
                  and may_match(r.pattern, text, low, turn.label_end, turn.end))
    if not rules:
        return out
    for s, e in _sentences(doc, turn, starts):
        if text[s:e].rstrip().endswith("?"):
            continue  # "Dan wordt de motie door de minister ontraden, hè?"
        for rule in rules:
            if not may_match(rule.pattern, text, low, s, e):
                continue
            for m in rule.pattern.finditer(text, s, e):
                if _NEGATION.search(m.group(0)) or conditional.search(text[s : m.start()]):
                    continue
                targets = _referent(anchors, turn, previous, s, e, m.start(), m.end())
                if targets:
                    out.append((m.start(), m.end(), rule.value, targets))
    return sorted(out)


def _sentences(doc: Doc, turn: Turn, starts: list[int]) -> list[tuple[int, int]]:
    """The sentences of ``turn`` after its label; ``starts`` are those of ``doc.sentences``."""
    i = max(0, bisect_right(starts, turn.label_end) - 1)
    out = []
    for s, e in doc.sentences[i : bisect_left(starts, turn.end)]:
        s, e = max(s, turn.label_end), min(e, turn.end)
        if e > s:
            out.append((s, e))
    return out


def _referent(
    anchors: _Anchors, turn: Turn, previous: Turn | None, s: int, e: int, start: int, end: int
) -> list[int]:
    """The motions a statement at [start, end) in the sentence [s, e) is about."""
    found = anchors.last_before(s, end)  # "De motie op stuk nr. 42: oordeel Kamer"
    if found is None:
        found = anchors.first_after(end, min(e, end + _AFTER))  # "Ik ontraad de motie-X"
    if found is None:
        found = anchors.last_before(max(turn.label_end, s - _LOOKBACK), s)
    if found is None and previous is not None:
        found = anchors.last_before(previous.label_end, previous.end)
    return found or []


__all__ = ["appreciate", "debate_dossiers", "own_mentions"]

"""Who says each body sentence, for commitments: the government, the chair, or a report."""

from __future__ import annotations

import re

from kamerlens.extract._cues import written_by_government
from kamerlens.extract._speech import is_debate, is_government, label_at
from kamerlens.extract.pipeline import Doc

# Who speaks a sentence, for commitments: a member of the government (or the writer of a
# government letter), the chair (whose list of toezeggingen counts), or a document of parliament
# that reports what a named minister promised (a decision list).
_GOV, _CHAIR, _REPORTED = "government", "chair", "reported"
# The chair's list of toezeggingen, after "Ik heb de volgende toezeggingen genoteerd" in the same
# turn: each item reports what a named member of the government promised ("— De minister stuurt
# de Kamer voor 1 juli een brief over ..."), and is a toezegging as the Kamer registers it.
_LISTED = "listed"
# what opens the list: "de volgende toezeggingen (genoteerd)", "Toezeggingen:", not "Er zijn
# vandaag geen toezeggingen gedaan"; its items open with a dash, a bullet or a number
_LIST_OPENS = re.compile(
    r"(?<!geen\s)\b(?:de\s+)?volgende\s+toezegging(?:en)?\b|\btoezeggingen\s*:", re.IGNORECASE
)
_ITEM = re.compile(r"\s*(?:[—–•▪-]|\d{1,2}[.)])\s")
# The questions of an Aanhangsel or a list of questions: "Vraag 3" up to the next "Antwoord".
_QUESTION = re.compile(r"(?:^|\n|(?<=[.?!]\s))[ \t]*Vraag\s*\d+[a-z]?\b")
_ANSWER = re.compile(r"(?:^|\n|(?<=[.?!]\s))[ \t]*Antwoord\b")


def spoken_sentences(doc: Doc) -> list[tuple[int, int, str]]:
    """The body sentences someone who can promise says, with who that is (_GOV or _CHAIR)."""
    sents = [(s, e) for s, e in doc.sentences if s < doc.body_end]
    out: list[tuple[int, int, str]] = []
    if is_debate(doc):
        opened: dict[int, int] = {}  # turn start -> where its list of toezeggingen opens (or -1)
        ended: set[int] = set()  # turns whose list has ended (a sentence that is no item)
        for s, e in sents:
            turn = doc.turn_at(s)
            if turn is None:
                continue
            if is_government(turn.speaker):
                out.append((s, e, _GOV))
            elif turn.speaker.role == "voorzitter":
                if turn.start not in opened:
                    m = _LIST_OPENS.search(doc.text, turn.label_end, turn.end)
                    opened[turn.start] = m.end() if m else -1
                at = opened[turn.start]
                listed = False
                if 0 <= at <= s and turn.start not in ended:
                    listed = _ITEM.match(doc.text, s) is not None
                    if not listed:
                        ended.add(turn.start)  # the first sentence after the items ends the list
                out.append((s, e, _LISTED if listed else _CHAIR))
        return out
    if not written_by_government(doc):
        # a decision list or a motion reports others: only a named minister's promise counts
        return [(s, e, _REPORTED) for s, e in sents]
    asked = _question_spans(doc.text, doc.body_end)
    if not asked and not doc.results.get("labels"):
        return [(s, e, _GOV) for s, e in sents]  # most letters: every sentence the writer's
    for s, e in sents:
        if any(a <= s < b for a, b in asked):
            continue
        if label_at(doc, s) is None:  # a label line reports another speaker, not the writer
            out.append((s, e, _GOV))
    return out


def _question_spans(text: str, end: int) -> list[tuple[int, int]]:
    if text.find("Vraag", 0, end) < 0:
        return []  # every match holds the word (the pattern opens with a look-behind: slow)
    spans = []
    for q in _QUESTION.finditer(text, 0, end):
        a = _ANSWER.search(text, q.end(), end)
        spans.append((q.start(), a.start() if a else end))
    return spans


__all__ = ["_CHAIR", "_GOV", "_LISTED", "_REPORTED", "spoken_sentences"]

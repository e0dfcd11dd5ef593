"""A real debate with its speakers filled in, for the pages that show who says what.

The extraction of speaker turns is not this test's subject: here the turns are read off the
speaker labels that open lines in the normalized text of the real Handelingen PDF (as the PDF
prints them, in bold), every item gets the speaker of the turn it stands in, the commitments
that promise the Kamer something (to come back to it, to inform it) are called toezeggingen
and the others voornemens, and the motions the minister
speaks of get an appreciation. The record is otherwise what kamerlens extracts.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from kamerlens.extract import extract_raw
from kamerlens.ingest import RawDocument, read
from kamerlens.models import Record, Speaker, Turn

DEBATE_PDF = (
    Path(__file__).resolve().parents[1]
    / "real"
    / "docs"
    / ("handelingen_lnv_begroting_2024_pdf.pdf")
)
_LABEL = re.compile(
    r"(?m)^(?:(?P<chair>De voorzitter)|(?P<role>Minister|Staatssecretaris) (?P<minister>[^\n:]+)"
    r"|(?:De heer|Mevrouw|Kamerlid) (?P<member>[^\n():]+) \((?P<party>[^\n()]+)\)):$"
)
_TO_KAMER = re.compile(r"\b(?:terug|informeren|toezeggen)\b")
_KINDS = ("references", "motions", "amounts", "percentages", "dates", "events", "commitments",
          "fulfilments", "positions")  # fmt: skip


def _speaker(m: re.Match[str]) -> Speaker:
    if m["chair"]:
        return Speaker(name=None, role="voorzitter")
    if m["minister"]:
        return Speaker(name=m["minister"], role=m["role"].lower())
    return Speaker(name=m["member"], role="lid", party=m["party"])


def turns_of(text: str, body_end: int) -> tuple[Turn, ...]:
    found = list(_LABEL.finditer(text, 0, body_end))
    turns = []
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else body_end
        turns.append(Turn(speaker=_speaker(m), start=m.start(), end=end, label_end=m.end()))
    return tuple(turns)


def _in_turn(item: Any, turns: tuple[Turn, ...]) -> Speaker | None:
    start = getattr(item, "start", None)
    if start is None and getattr(item, "mentions", None):
        start = item.mentions[0].start
    for turn in turns:
        if start is not None and turn.start <= start < turn.end:
            return turn.speaker
    return None


def debate_record() -> tuple[RawDocument, Record]:
    raw = read(DEBATE_PDF)
    record = extract_raw(raw)
    turns = turns_of(record.text, len(record.text))  # the debate has no footnotes
    changes: dict[str, Any] = {"turns": turns}
    for kind in _KINDS:
        items = []
        for item in getattr(record, kind):
            speaker = _in_turn(item, turns)
            extra: dict[str, Any] = {"speaker": speaker}
            if kind == "commitments":  # a promise to come back to the Kamer, or an own act
                extra["kind"] = "toezegging" if _TO_KAMER.search(item.text) else "voornemen"
            if kind == "motions" and speaker is not None and speaker.role == "minister":
                extra["appreciation"] = "ontraden"
            names = {f.name for f in fields(item)}
            items.append(replace(item, **{k: v for k, v in extra.items() if k in names}))
        changes[kind] = tuple(items)
    return raw, replace(record, **changes)


APPRECIATION_TXT = DEBATE_PDF.with_name("hand_jenv_begroting_2024_appreciatie.txt")


def appreciation_record() -> tuple[RawDocument, Record]:
    """The JenV begroting 2024 debate where the minister gives her view of the motions on
    dossier 36410-VI; the views are set here (in turn: oordeel Kamer, ontraden, ontijdig)."""
    raw = read(APPRECIATION_TXT)
    record = extract_raw(raw)
    views = ("oordeel Kamer", "ontraden", "ontijdig")
    motions = tuple(
        replace(
            m, appreciation=views[k % len(views)], speaker=Speaker("Yeşilgöz-Zegerius", "minister")
        )
        for k, m in enumerate(record.motions)
    )
    return raw, replace(record, motions=motions)

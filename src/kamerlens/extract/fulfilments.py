"""fulfilments: passages saying the document keeps an earlier promise or carries out a motion.

"Tijdens het Commissie Debat ... (Kamerstuk 36 180, nr. 7), zegde ik u toe ...", "Met deze brief
geef ik invulling aan de toezegging ...", "kom ik die toezegging na", "ter uitvoering van de motie
...", "In deze brief ga ik in op de motie ...". Carrying out a motion counts as a fulfilment (the
Kamer's request is then the promise kept); a committee's request answered does not.

``made_in`` is where the promise was made: the Kamerstuk cited in the sentence before the cue
("Tijdens het debat (Kamerstuk 36 180, nr. 7), zegde ik u toe"), else one cited right after it or
in a footnote of the sentence; for a motion, the motion's own dossier and number. A Kamerstuk that
is a motion mentioned inside a promise is not where that promise was made. Null when unknown.

A cue that points back ("Met deze brief geef ik invulling aan die toezegging") is joined with the
sentence before it that states the promise: one fulfilment, not two. Cue patterns are data
(``data/fulfilments.toml``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import Any

from kamerlens.extract import scan
from kamerlens.extract._cues import body_sentences, load_toml, sentences_hit, squash, words
from kamerlens.extract.pipeline import Doc, component
from kamerlens.models import Fulfilment, MadeIn


@dataclass(frozen=True)
class _Cue:
    kind: str  # promise | motion
    strong: bool
    pattern: re.Pattern[str]


@dataclass
class _Found:
    index: int  # sentence number
    kind: str
    start: int
    end: int
    cue_start: int
    cue_end: int
    made_in: MadeIn | None
    subject: str | None


@cache
def _cues() -> tuple[_Cue, ...]:
    data = load_toml("fulfilments.toml")
    cues = []
    for cue in data["cue"]:
        pattern = words(cue["pattern"].replace("{GOV}", data["gov"]))
        cues.append(_Cue(cue["kind"], bool(cue.get("strong")), re.compile(pattern, re.I)))
    # strong cues first: a sentence with both is kept for the stronger reason
    return tuple(sorted(cues, key=lambda c: not c.strong))


# The cues, as triggers of the one scan (see scan.py): a sentence without one is skipped.
_cue_bits = scan.declare_each("fulfilments", "cue", lambda: [cue.pattern for cue in _cues()])


@cache
def _cue_union() -> int:
    return scan.union(_cue_bits())


# Cheap pre-selection (case-sensitive: fast; "Toezegging" opening a sentence is caught by "toe").
# Factored by first letter ("toe\b|toegezegd|oezegging|otie"): the same matches, found faster.
_PRE = re.compile(r"t(?:oe\b|oegezegd)|o(?:ezegging|tie)")
_EXCLUDE = re.compile(
    r"\bverzoekt\s+(?:de\s+regering|het\s+kabinet)|\bdeelt\s+u\b|\bbent\s+u\b|\bkunt\s+u\b|\bwilt\s+u\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:zal|zullen)\s+(?:ik|wij|we|het\s+kabinet)\b|\b(?:ik|wij|we|het\s+kabinet)\s+(?:zal|zullen)\b",
    re.IGNORECASE,
)
_THIS_DOCUMENT = re.compile(
    r"\b(?:hierbij|hiermee|hieronder|bijgaand|met\s+deze\s+brief|in\s+deze\s+brief)\b", re.I
)
_POINTS_BACK = re.compile(
    r"\b(?:die|deze|dit|dat)\s+(?:\S+\s+)?(?:toezegging(?:en)?|motie|moties|verzoek)\b", re.I
)


@component("fulfilments", needs=("references", "motions"))
def fulfilments(doc: Doc) -> None:
    sents = body_sentences(doc)
    index = {span: i for i, span in enumerate(sents)}
    found: list[_Found] = []
    refs = _kamerstukken(doc)
    found_in = doc.scan
    for span in sentences_hit(doc, _PRE):
        mask = found_in.mask(*span)
        if not mask & _cue_union():
            continue  # the one scan found no cue here (most sentences the pre-selection takes)
        item = _find(doc, index[span], *span, refs, mask)
        if item is None:
            continue
        prev = found[-1] if found else None
        if (
            prev is not None
            and prev.index == item.index - 1
            and prev.kind == item.kind
            and _POINTS_BACK.search(doc.text, item.cue_start, item.cue_end)
        ):
            # one promise, stated then kept; where it was made is said with the statement (the
            # keeping sentence cites the document that keeps it, if anything)
            prev.end, prev.index = item.end, item.index
            continue
        found.append(item)
    doc.results["fulfilments"] = [
        Fulfilment(
            text=doc.text[f.start : f.end],
            made_in=f.made_in,
            start=f.start,
            end=f.end,
            subject=f.subject,
        )
        for f in found
    ]


_Refs = tuple[list[int], list[Any]]  # Kamerstuk references sorted by start, and their starts


def _find(
    doc: Doc, index: int, start: int, end: int, refs: _Refs, mask: int = scan.ALL
) -> _Found | None:
    text = doc.text
    sentence = text[start:end]
    if sentence.rstrip(" »”’\"')").endswith("?") or _EXCLUDE.search(sentence):
        return None
    for cue, bit in zip(_cues(), _cue_bits(), strict=True):
        if not scan.has(mask, bit):
            continue
        m = cue.pattern.search(text, start, end)
        if m is None:
            continue
        if not cue.strong and _FUTURE.search(sentence) and not _THIS_DOCUMENT.search(sentence):
            return None  # "Zoals toegezegd zal ik u voor de zomer informeren": still a promise
        return _Found(
            index=index,
            kind=cue.kind,
            start=start,
            end=end,
            cue_start=m.start(),
            cue_end=m.end(),
            made_in=_made_in(doc, start, end, m.start(), cue.kind, refs),
            subject=_subject(doc, end, m, cue.kind),
        )
    return None


def _made_in(
    doc: Doc, start: int, end: int, cue_start: int, kind: str, refs: _Refs
) -> MadeIn | None:
    motions = list(doc.results.get("motions", ()))
    if kind == "motion":
        for motion in motions:
            places = [(mm.start, mm.end) for mm in motion.mentions] or [(motion.start, motion.end)]
            if any(start <= s < end for s, _ in places) and motion.dossier and motion.number:
                return MadeIn(motion.dossier, motion.number)
    motion_ids = {(m.dossier, m.number) for m in motions if m.dossier}
    cited = _cited(doc, start, end, refs)
    if kind == "promise":
        cited = [(pos, ref) for pos, ref in cited if (ref.dossier, ref.number) not in motion_ids]
        before = [c for c in cited if c[0] < cue_start]
        if before:
            return _made(before[-1][1])
    return _made(cited[0][1]) if cited else None


def _cited(doc: Doc, start: int, end: int, refs: _Refs) -> list[tuple[int, Any]]:
    """Kamerstukken cited in the sentence or in the footnotes its markers point to, by position
    (a footnote's references sit at its marker)."""
    out = [(r.start, r) for r in _between(refs, start, end)]
    for note in doc.norm.footnotes:
        marker = note.marker
        if marker is None or not (start <= marker.start < end):
            continue
        out.extend((marker.start, r) for r in _between(refs, note.start, note.end))
    return sorted(out, key=lambda c: c[0])


def _kamerstukken(doc: Doc) -> _Refs:
    refs = sorted(
        (r for r in doc.results.get("references", ()) if r.kind == "kamerstuk" and r.dossier),
        key=lambda r: r.start,
    )
    return [r.start for r in refs], refs


def _between(index: _Refs, start: int, end: int) -> list[Any]:
    starts, refs = index
    return refs[bisect_left(starts, start) : bisect_left(starts, end)]


def _made(ref: Any) -> MadeIn:
    return MadeIn(ref.dossier, ref.number)


_OVER = re.compile(r"\bover\s+", re.IGNORECASE)


def _subject(doc: Doc, end: int, m: re.Match[str], kind: str) -> str | None:
    """What was promised: the words after "zegde ik u toe" / "heb ik toegezegd", or the motion's
    subject, or the "over ..." phrase after the cue."""
    text = doc.text
    if kind == "motion":
        for motion in doc.results.get("motions", ()):
            places = [(mm.start, mm.end) for mm in motion.mentions] or [(motion.start, motion.end)]
            if any(m.start() <= s < end for s, _ in places) and motion.subject:
                return squash(motion.subject)
    if re.search(r"(?:toe|toegezegd)$", m.group(0), re.I):
        rest = text[m.end() : end]
        rest = re.sub(r"^[\s,]*(?:om\s+|dat\s+)?", "", rest)
        # a sentence run on past a footnote marker ("Jansen c.s.¹ Internationale ...") ends there
        rest = re.split(r"(?<=\.)[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s+(?=[A-Z])", rest, maxsplit=1)[0]
        return _clean(rest)
    over = _OVER.search(text, m.end(), end)
    return _clean(text[over.start() : end]) if over else None


def _clean(phrase: str) -> str | None:
    phrase = squash(re.sub(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+", "", phrase)).rstrip(" .,:;")
    return phrase if 3 <= len(phrase) <= 400 else None


__all__ = ["fulfilments"]

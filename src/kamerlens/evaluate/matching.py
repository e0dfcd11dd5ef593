"""Matching predicted items to the project's own gold items, kind by kind.

Each kind has a rule ``rule(gold, pred, context) -> score`` (0: not the same item, higher:
closer); :func:`match_items` finds a maximum one-to-one matching under it and
:func:`score_items` turns that into a :class:`~kamerlens.evaluate.scores.Score` with what was
missed, invented and which fields of matched items were wrong.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from kamerlens.evaluate.scores import Item, Score, describe

_TEXT_MATCH = 85  # rapidfuzz partial_ratio at which two quotes count as the same passage
_META_KEYS = {"text", "optional", "note", "aliases"}


# --------------------------------------------------------------------------- normalisation


def squash(text: str) -> str:
    """Lowercase letters and digits only: blind to hyphenation, line breaks and accents."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text.lower() if c.isalnum() and not unicodedata.combining(c))


def words(text: str | None) -> str:
    """Lowercase words without accents or punctuation, single-spaced."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def dossier_key(dossier: Any) -> str:
    """'36 200 X', '36200-X' and '36200 X' all become '36200X'; 'hoofdstuk' is noise."""
    text = str(dossier or "").upper().replace("HOOFDSTUK", "")
    return re.sub(r"[^0-9A-Z]", "", text)


_PARTICLES = {"van", "de", "der", "den", "ten", "ter", "te", "t", "het", "la", "le", "cs"}


def surname(name: Any) -> str:
    """The last real word of a person's name: 'A.B. Bakker' and 'Bakker' agree."""
    tokens = [t for t in words(str(name or "")).split() if t not in _PARTICLES and len(t) > 1]
    return tokens[-1] if tokens else words(str(name or ""))


def date_fits(gold: Any, pred: Any) -> bool:
    """A predicted date fits when it says at least what the gold says: '2023-07' ⊑ '2023-07-11'."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return str(pred).startswith(str(gold))


def _close(a: Any, b: Any) -> bool:
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= 1e-6 * max(1.0, abs(x), abs(y))


def _fuzzy(a: Any, b: Any, cutoff: int = _TEXT_MATCH) -> bool:
    x, y = words(str(a or "")), words(str(b or ""))
    if min(len(x), len(y)) < 5:  # partial_ratio finds "ik" somewhere in any long phrase
        return x == y
    return x == y or fuzz.partial_ratio(x, y) >= cutoff


# --------------------------------------------------------------------------- locating quotes


class Locator:
    """Finds a quoted gold passage in a record's text, ignoring case, spacing and hyphenation."""

    def __init__(self, text: str) -> None:
        self.text = text
        chars: list[str] = []
        index: list[int] = []
        for i, ch in enumerate(text):
            for c in unicodedata.normalize("NFKD", ch).lower():
                if c.isalnum() and not unicodedata.combining(c):
                    chars.append(c)
                    index.append(i)
        self.flat = "".join(chars)
        self.index = index

    def find_all(self, quote: str) -> list[tuple[int, int]]:
        """Every (start, end) of the quote in the text; empty when it is not there verbatim."""
        needle = squash(quote)
        spans: list[tuple[int, int]] = []
        if not needle:
            return spans
        at = self.flat.find(needle)
        while at >= 0:
            spans.append((self.index[at], self.index[at + len(needle) - 1] + 1))
            at = self.flat.find(needle, at + 1)
        return spans


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared length over the shorter span's length (1.0: one span lies within the other)."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    shortest = max(1, min(a[1] - a[0], b[1] - b[0]))
    return max(0, shared) / shortest


# --------------------------------------------------------------------------- match rules


@dataclass
class Context:
    """What a match rule may consult beside the two items: the record's text."""

    text: str = ""
    _locator: Locator | None = None

    @property
    def locator(self) -> Locator:
        if self._locator is None:
            self._locator = Locator(self.text)
        return self._locator

    def span_text(self, item: Item) -> str:
        start, end = item.get("start"), item.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(self.text):
            return self.text[start:end]
        return ""


def _quotes(gold: Item) -> list[str]:
    """The gold quote, or the alternatives a clerk accepts (a list: either sentence will do)."""
    text = gold.get("text")
    quotes = text if isinstance(text, list) else [text]
    return [str(q) for q in quotes if q]


def _passage_score(
    gold: Item,
    pred: Item,
    ctx: Context,
    pred_text: str | None = None,
    min_overlap: float = 0.5,
) -> float:
    """How well a prediction covers the gold quote: 0 (not the same passage) up to 1.

    First by place: the quote is located in the record's text and must overlap the predicted
    span by at least ``min_overlap`` (default: half) of the shorter of the two. Failing that
    (the quote is not in the text verbatim, or the span points elsewhere) by wording: rapidfuzz
    partial_ratio of the quote against the predicted text, discounted so that a located match
    wins a tie.
    """
    best = 0.0
    start, end = pred.get("start"), pred.get("end")
    other = pred_text if pred_text is not None else str(pred.get("text") or "")
    for quote in _quotes(gold):
        if ctx.text and isinstance(start, int) and isinstance(end, int):
            spans = ctx.locator.find_all(quote)
            if spans:
                overlap = max(_overlap(span, (start, end)) for span in spans)
                best = max(best, overlap if overlap >= min_overlap else 0.0)
        if other and best < 1.0:
            ratio = fuzz.partial_ratio(words(quote), words(other))
            if ratio >= _TEXT_MATCH:
                best = max(best, 0.9 * ratio / 100.0)
    return best


def _match_passage(gold: Item, pred: Item, ctx: Context) -> float:
    return _passage_score(gold, pred, ctx)


def _match_reference(gold: Item, pred: Item, ctx: Context) -> float:
    if (gold.get("kind") or "kamerstuk") != (pred.get("kind") or "kamerstuk"):
        return 0.0
    if dossier_key(gold.get("dossier")) != dossier_key(pred.get("dossier")):
        return 0.0
    return 1.0 if _number_key(gold) == _number_key(pred) else 0.0


def _number_key(item: Item) -> str:
    return str(item.get("number") or "").strip().upper()


def _member_names(item: Item) -> set[str]:
    return {surname(m) for m in item.get("members") or [] if surname(m)}


def _match_motion(gold: Item, pred: Item, ctx: Context) -> float:
    g_id = (dossier_key(gold.get("dossier")), str(gold.get("number") or ""))
    p_id = (dossier_key(pred.get("dossier")), str(pred.get("number") or ""))
    both_identified = all(g_id) and all(p_id)
    if both_identified and g_id != p_id:
        return 0.0
    if both_identified:
        return 1.0
    shared = _member_names(gold) & _member_names(pred)
    return 0.8 if shared else 0.0


def _match_amount(gold: Item, pred: Item, ctx: Context) -> float:
    if not _close(gold.get("value"), pred.get("value")):
        return 0.0
    if (gold.get("currency") or "EUR") != (pred.get("currency") or "EUR"):
        return 0.0
    return 1.0


def _match_percentage(gold: Item, pred: Item, ctx: Context) -> float:
    return 1.0 if _close(gold.get("value"), pred.get("value")) else 0.0


def _match_event(gold: Item, pred: Item, ctx: Context) -> float:
    if gold.get("start_date") is not None and not date_fits(
        gold.get("start_date"), pred.get("start_date")
    ):
        return 0.0
    g_place, p_place = words(gold.get("place")), words(pred.get("place"))
    if g_place and p_place and g_place != p_place:
        return 0.0
    place_ok = bool(g_place) and g_place == p_place
    g_name, p_name = words(gold.get("name")), words(pred.get("name"))
    name_ok = bool(g_name and p_name) and fuzz.token_set_ratio(g_name, p_name) >= 80
    if not (place_ok or name_ok):
        return 0.0
    return 0.5 + 0.25 * place_ok + 0.25 * name_ok


def _match_commitment(gold: Item, pred: Item, ctx: Context) -> float:
    # The brief: a commitment is found when its sentence is found AND its deadline is right
    # (when the clerk gave one, null included: "zo snel mogelijk" must not get a date).
    if "deadline" in gold and not date_fits(gold["deadline"], pred.get("deadline")):
        return 0.0
    return _passage_score(gold, pred, ctx)


def _match_finding(gold: Item, pred: Item, ctx: Context) -> float:
    if gold.get("kind") and gold["kind"] != pred.get("kind"):
        return 0.0
    pred_text = f"{ctx.span_text(pred)} {pred.get('message') or ''}"
    # A finding need only point into the flawed passage: any overlap will do.
    return _passage_score(gold, pred, ctx, pred_text=pred_text, min_overlap=1e-9)


def _entity_names(item: Item) -> set[str]:
    names = [item.get("name"), *(item.get("aliases") or [])]
    if item.get("type") == "person" or item.get("type") == ["person"]:
        return {surname(n) for n in names if n}
    return {words(n) for n in names if n}


def _match_entity(gold: Item, pred: Item, ctx: Context) -> float:
    types = gold.get("type")
    # A clerk may accept two types where the text allows both (Wales: a place or a country).
    if pred.get("type") not in (types if isinstance(types, list) else [types]):
        return 0.0
    if _entity_names(gold) & _entity_names(pred):
        return 1.0
    code = gold.get("code")
    return 0.9 if code and code == pred.get("code") else 0.0


MATCH_RULES: dict[str, Callable[[Item, Item, Context], float]] = {
    "references": _match_reference,
    "motions": _match_motion,
    "amounts": _match_amount,
    "percentages": _match_percentage,
    "events": _match_event,
    "commitments": _match_commitment,
    "fulfilments": _match_passage,
    "positions": _match_passage,
    "entities": _match_entity,
    "findings": _match_finding,
}
"""kind -> rule(gold, pred, context) -> score; 0 means "not the same item", higher is closer."""

# Fields compared on matched items (field-level accuracy), beyond what the match rule demands.
CHECKED_FIELDS: dict[str, tuple[str, ...]] = {
    "references": ("chamber",),
    "motions": ("members", "cs", "date", "dossier", "number"),
    "amounts": ("currency", "donor", "recipient", "purpose"),
    "percentages": ("of",),
    "events": ("name", "place", "start_date", "end_date", "relation"),
    "commitments": ("actor", "action", "deadline", "requested_by"),
    "fulfilments": ("made_in",),
    "positions": ("actor", "verb"),
    "entities": ("code",),
    "findings": (),
}


def field_agrees(name: str, gold: Any, pred: Any) -> bool:
    """Is a predicted field value what the gold says? Tolerant where wording may differ.

    A list in the gold (other than ``members``) lists the values a clerk accepts: an actor
    may be given as ``["ik", "Minister van Financiën"]``.
    """
    if isinstance(gold, list) and name != "members":
        return any(field_agrees(name, g, pred) for g in gold)
    if name in ("date", "start_date", "end_date", "deadline"):
        return date_fits(gold, pred)
    if gold is None or pred is None:
        return gold is None and pred is None
    if isinstance(gold, bool):
        return gold is pred
    if isinstance(gold, int | float):
        return _close(gold, pred)
    if name == "members":
        return {surname(m) for m in gold} == {surname(m) for m in pred or []}
    if name in ("dossier",):
        return dossier_key(gold) == dossier_key(pred)
    if name == "made_in":
        if not isinstance(pred, dict):
            return False
        return dossier_key(gold.get("dossier")) == dossier_key(pred.get("dossier")) and str(
            gold.get("number") or ""
        ) == str(pred.get("number") or "")
    return _fuzzy(gold, pred)



def match_items(
    kind: str, gold: list[Item], pred: list[Item], ctx: Context
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """A maximum one-to-one matching of gold to predicted items under the kind's rule.

    Required gold items are matched first (a maximum bipartite matching, candidates tried best
    first); optional gold items then take what is left. Returns (pairs of required matches,
    unmatched required gold indices, unmatched prediction indices).
    """
    rule = MATCH_RULES[kind]
    candidates: list[list[int]] = []
    for g in gold:
        scored = [(rule(g, p, ctx), j) for j, p in enumerate(pred)]
        candidates.append([j for s, j in sorted(scored, key=lambda x: -x[0]) if s > 0])
    owner: dict[int, int] = {}  # prediction index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    required = [i for i, g in enumerate(gold) if not g.get("optional")]
    optional = [i for i, g in enumerate(gold) if g.get("optional")]
    for i in required:
        augment(i, set())
    taken = set(owner)
    for i in optional:  # optional items only absorb predictions nobody required needs
        for j in candidates[i]:
            if j not in taken:
                taken.add(j)
                owner[j] = i
                break
    pairs = [(i, j) for j, i in owner.items() if not gold[i].get("optional")]
    matched_gold = {i for i, _ in pairs}
    missed = [i for i in required if i not in matched_gold]
    invented = [j for j in range(len(pred)) if j not in taken]
    return sorted(pairs), missed, invented


def _relaxed_event(gold: Item, pred: Item, ctx: Context) -> float:
    return _match_event({**gold, "start_date": None}, pred, ctx)


def _relaxed_reference(gold: Item, pred: Item, ctx: Context) -> float:
    return float(dossier_key(gold.get("dossier")) == dossier_key(pred.get("dossier")))


# Looser rules that find "the item meant, with a wrong field", to explain a miss.
RELAXED_RULES: dict[str, Callable[[Item, Item, Context], float]] = {
    "commitments": _match_passage,
    "events": _relaxed_event,
    "references": _relaxed_reference,
    "findings": _match_passage,
}
_KEY_FIELDS = {"references": ("number",), "findings": ("kind",)}


def _near_miss(kind: str, gold: Item, invented: list[Item], ctx: Context) -> str:
    """' — near: <prediction> (field want != got)' when an invented item is the one meant."""
    rule = RELAXED_RULES.get(kind)
    if rule is None or not invented:
        return ""
    score, best = max(((rule(gold, p, ctx), k) for k, p in enumerate(invented)), default=(0, 0))
    if score <= 0:
        return ""
    pred = invented[best]
    fields = _KEY_FIELDS.get(kind, ()) + CHECKED_FIELDS[kind]
    wrong = [
        f"{name} {gold[name]!r} != {pred.get(name)!r}"
        for name in fields
        if name in gold and not field_agrees(name, gold[name], pred.get(name))
    ]
    return f" — near: {describe(kind, pred)}" + (f" ({'; '.join(wrong)})" if wrong else "")


def score_items(kind: str, gold: list[Item], pred: list[Item], ctx: Context) -> Score:
    pairs, missed, invented = match_items(kind, gold, pred, ctx)
    score = Score()
    score.count(right=len(pairs), missed=len(missed), invented=len(invented))
    score.missed = [
        describe(kind, gold[i]) + _near_miss(kind, gold[i], [pred[j] for j in invented], ctx)
        for i in missed
    ]
    score.invented = [describe(kind, pred[j]) for j in invented]
    for i, j in pairs:
        for name in CHECKED_FIELDS[kind]:
            if name in gold[i] and name not in _META_KEYS:
                want, got = gold[i][name], pred[j].get(name)
                note = f"{describe(kind, gold[i])}: {name} {want!r} != {got!r}"
                score.check_field(name, field_agrees(name, want, got), note)
    return score


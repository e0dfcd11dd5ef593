"""Score extraction against hand-made gold annotations: precision, recall and F1 per kind.

A gold file (``tests/gold/<stem>.json``) describes one document as a careful clerk reads it::

    {"source": "examples/letters/x.txt",
     "document": {"kind": "verslag", "date": null, "date_between": ["2023-06-01", "2023-06-15"]},
     "references": [{"kind": "kamerstuk", "dossier": "36180", "number": "434", "text": "..."}],
     "commitments": [{"text": "zal het kabinet uw Kamer tijdig", "deadline": "2023-07"}], ...}

A kind is scored for a document only when its key is present (an empty list means "none expected",
so everything predicted is invented). Gold items marked ``"optional": true`` are neither missed
when absent nor invented when found: they absorb defensible extra output (a citation repeated in
metadata, a borderline mention). Spans are quoted text, never offsets, because offsets depend on
normalization; text-based kinds are matched by locating the quote in the record's text.

>>> score_document({"source": "x", "percentages": [{"value": 2.0}]},
...                {"percentages": [{"value": 2.0}, {"value": 20.0}]}).kinds["percentages"].f1
0.6666666666666666
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from kamerlens.errors import KamerlensError

Item = dict[str, Any]

KINDS: tuple[str, ...] = (
    "document",
    "references",
    "motions",
    "amounts",
    "percentages",
    "events",
    "commitments",
    "fulfilments",
    "positions",
    "entities",
    "findings",
)
DOCUMENT_FIELDS = ("kind", "title", "date", "date_estimated", "identifier", "dossier", "number")
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


# --------------------------------------------------------------------------- scores


@dataclass
class KindScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)
    fields: dict[str, list[int]] = field(default_factory=dict)  # name -> [correct, checked]
    wrong_fields: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        if self.tp + self.fp + self.fn == 0:
            return None
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    def add(self, other: KindScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        for name, (ok, n) in other.fields.items():
            acc = self.fields.setdefault(name, [0, 0])
            acc[0] += ok
            acc[1] += n

    def check_field(self, name: str, ok: bool, note: str) -> None:
        acc = self.fields.setdefault(name, [0, 0])
        acc[0] += ok
        acc[1] += 1
        if not ok:
            self.wrong_fields.append(note)

    def to_dict(self, *, details: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "fields": {k: {"correct": v[0], "checked": v[1]} for k, v in self.fields.items()},
        }
        if details:
            out.update(missed=self.missed, invented=self.invented, wrong_fields=self.wrong_fields)
        return out


@dataclass
class DocScore:
    gold: str
    source: str
    error: str | None = None
    kinds: dict[str, KindScore] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "source": self.source,
            "error": self.error,
            "kinds": {k: s.to_dict() for k, s in self.kinds.items()},
        }


def describe(kind: str, item: Item) -> str:
    """A one-line label of an item for the missed / invented lists."""
    if kind == "references":
        label = f"{item.get('kind') or 'kamerstuk'} {item.get('dossier')} nr. {item.get('number')}"
    elif kind == "motions":
        members = ", ".join(item.get("members") or []) or "?"
        label = f"motie {members} ({item.get('dossier')}, nr. {item.get('number')})"
    elif kind == "amounts":
        value = item.get("value")
        shown = f"{value:,.0f}" if isinstance(value, int | float) else str(value)
        label = f"{item.get('currency') or 'EUR'} {shown}"
    elif kind == "percentages":
        label = f"{item.get('value')}%"
    elif kind == "events":
        label = f"{item.get('name')} @ {item.get('place')} {item.get('start_date')}"
    elif kind == "entities":
        types = item.get("type")
        kinds = "/".join(types) if isinstance(types, list) else types
        label = f"{kinds} {item.get('name')} {item.get('code') or ''}".rstrip()
    elif kind == "findings":
        label = f"{item.get('kind') or 'finding'}: {item.get('message') or ''}".rstrip(": ")
    else:
        label = ""
    text = item.get("text")
    if isinstance(text, list):  # alternative quotes: show the first
        text = text[0] if text else ""
    quote = " ".join(str(text or "").split())
    if len(quote) > 90:
        quote = quote[:89] + "…"
    if not label:
        return f"«{quote}»"
    return f"{label} «{quote}»" if quote else label


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


def score_items(kind: str, gold: list[Item], pred: list[Item], ctx: Context) -> KindScore:
    pairs, missed, invented = match_items(kind, gold, pred, ctx)
    score = KindScore(tp=len(pairs), fp=len(invented), fn=len(missed))
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


def _document_values(doc: Item) -> dict[str, Any]:
    signer = doc.get("signer") or {}
    values = {k: doc.get(k) for k in DOCUMENT_FIELDS}
    values["signer.name"] = signer.get("name") if isinstance(signer, dict) else None
    values["signer.role"] = signer.get("role") if isinstance(signer, dict) else None
    return values


def _document_field_ok(name: str, gold: Any, pred: Any) -> bool:
    if isinstance(gold, list) and name != "date_between":  # alternatives the clerk accepts
        return any(_document_field_ok(name, g, pred) for g in gold)
    if name == "title":
        if gold is None or pred is None:
            return gold is None and pred is None
        return fuzz.ratio(words(gold), words(pred)) >= 90
    if name == "kind":
        return words(gold) == words(pred)
    if name == "date":
        return gold == pred
    if name == "signer.name":
        if gold is None or pred is None:
            return gold is None and pred is None
        return surname(gold) == surname(pred)
    return field_agrees(name, gold, pred)


def score_document_fields(gold: Item, pred: Item) -> KindScore:
    """Slot filling: a right value is a TP; a wrong one is FP and FN; a missing one FN.

    ``date_between: [lo, hi]`` accepts any predicted date in that range (an estimated date).
    """
    score = KindScore()
    checks = {k: v for k, v in gold.items() if k not in ("signer", "note")}
    signer = gold.get("signer")
    if isinstance(signer, dict):
        checks.update({f"signer.{k}": v for k, v in signer.items()})
    got_values = _document_values(pred)
    for name, want in checks.items():
        if name == "date_between":
            got = got_values.get("date")
            ok = got is not None and str(want[0]) <= str(got) <= str(want[1])
            want = f"{want[0]}..{want[1]}"
        else:
            got = got_values.get(name)
            ok = _document_field_ok(name, want, got)
        acc = score.fields.setdefault(name, [0, 0])
        acc[0] += ok
        acc[1] += 1
        if ok:
            score.tp += want is not None
            continue
        if want is not None:
            score.fn += 1
            score.missed.append(f"{name} = {want!r} (got {got!r})")
        if got is not None and got is not False:
            score.fp += 1
            score.invented.append(f"{name} = {got!r}")
    return score


def score_document(gold: Item, record: Item | None, *, kinds: Iterable[str] = KINDS) -> DocScore:
    """Score one predicted record (the JSON contract, with ``text``) against one gold file.

    ``record`` None means the document could not be extracted: every gold item is missed.
    """
    doc = DocScore(gold=str(gold.get("_path") or ""), source=str(gold.get("source") or ""))
    ctx = Context(text=str((record or {}).get("text") or ""))
    for kind in kinds:
        if kind not in gold:
            continue
        if kind == "document":
            predicted = (record or {}).get("document") or {}
            doc.kinds[kind] = score_document_fields(gold[kind], predicted)
            continue
        gold_items = [g for g in gold[kind] if isinstance(g, dict)]
        pred_items = [p for p in (record or {}).get(kind) or [] if isinstance(p, dict)]
        doc.kinds[kind] = score_items(kind, gold_items, pred_items, ctx)
    return doc


# --------------------------------------------------------------------------- the run


@dataclass
class Report:
    documents: list[DocScore]
    kinds: tuple[str, ...]

    def totals(self) -> dict[str, KindScore]:
        totals: dict[str, KindScore] = {}
        for kind in self.kinds:
            total = KindScore()
            for doc in self.documents:
                if kind in doc.kinds:
                    total.add(doc.kinds[kind])
            totals[kind] = total
        return totals

    def overall(self) -> KindScore:
        """Micro average over every kind and document."""
        total = KindScore()
        for score in self.totals().values():
            total.add(score)
        total.fields = {}
        return total

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": [d.to_dict() for d in self.documents],
            "kinds": {k: s.to_dict(details=False) for k, s in self.totals().items()},
            "overall": self.overall().to_dict(details=False),
            "failed": [{"source": d.source, "error": d.error} for d in self.documents if d.error],
        }


def load_gold(path: Path) -> Item:
    """Read one gold file; a malformed one is a KamerlensError naming the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KamerlensError(f"not a readable gold file ({exc})", source=str(path)) from exc
    if not isinstance(data, dict) or not isinstance(data.get("source"), str):
        raise KamerlensError('a gold file is a JSON object with a "source"', source=str(path))
    for kind in KINDS[1:]:
        if kind in data and not isinstance(data[kind], list):
            raise KamerlensError(f'"{kind}" must be a list', source=str(path))
    data["_path"] = str(path)
    return data


def resolve_source(source: str, gold_path: Path) -> Path:
    """The gold's source path, relative to the working folder or to any parent of the gold file."""
    candidate = Path(source)
    if candidate.is_absolute() or candidate.exists():
        return candidate
    for parent in gold_path.resolve().parents:
        if (parent / source).exists():
            return parent / source
    return candidate


Extractor = Callable[[Path], Item]


def _default_extractor(path: Path) -> Item:
    from kamerlens.extract import extract

    return extract(path).to_dict(include_text=True)


def evaluate(
    gold_dir: str | Path,
    *,
    kinds: Iterable[str] | None = None,
    extractor: Extractor | None = None,
) -> Report:
    """Run extraction on the source of every gold file in ``gold_dir`` and score it.

    A document that fails to ingest or extract is reported (``DocScore.error``), its gold items
    counted as missed; the run goes on.
    """
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise KamerlensError("no such folder of gold files", source=str(folder))
    chosen = tuple(kinds) if kinds else KINDS
    unknown = [k for k in chosen if k not in KINDS]
    if unknown:
        raise KamerlensError(f"unknown kind(s) {', '.join(unknown)}; known: {', '.join(KINDS)}")
    files = sorted(folder.glob("*.json"))
    if not files:
        raise KamerlensError("holds no gold files (*.json)", source=str(folder))
    run = extractor or _default_extractor
    documents: list[DocScore] = []
    for path in files:
        gold = load_gold(path)
        record: Item | None = None
        error: str | None = None
        try:
            record = run(resolve_source(gold["source"], path))
        except KamerlensError as exc:
            error = str(exc)
        except Exception as exc:  # noqa: BLE001  the scorer must survive bugs in the unit it scores
            error = f"{gold['source']}: {type(exc).__name__}: {exc}"
        doc = score_document(gold, record, kinds=chosen)
        doc.error = error
        documents.append(doc)
    return Report(documents=documents, kinds=chosen)


def _pct(value: float | None) -> str:
    return "    -" if value is None else f"{100 * value:5.1f}"


def render_table(report: Report, *, details: bool = True) -> str:
    """A plain-text report: per-kind scores, overall, then per document what was missed/invented."""
    head = f"{'kind':<12} {'gold':>5} {'pred':>5} {'tp':>5}   {'P':>5} {'R':>5} {'F1':>5}  fields"
    lines = [head]
    rows = list(report.totals().items()) + [("overall", report.overall())]
    for kind, s in rows:
        fields = ", ".join(f"{name} {ok}/{n}" for name, (ok, n) in sorted(s.fields.items()) if n)
        lines.append(
            f"{kind:<12} {s.tp + s.fn:>5} {s.tp + s.fp:>5} {s.tp:>5}   "
            f"{_pct(s.precision)} {_pct(s.recall)} {_pct(s.f1)}  {fields}"
        )
    failed = [d for d in report.documents if d.error]
    if failed:
        lines.append("")
        lines.append(f"failed to extract ({len(failed)}):")
        lines.extend(f"  {d.error}" for d in failed)
    if not details:
        return "\n".join(lines)
    for doc in report.documents:
        notes: list[str] = []
        for kind, s in doc.kinds.items():
            notes.extend(f"  missed   {kind}: {m}" for m in s.missed)
            notes.extend(f"  invented {kind}: {m}" for m in s.invented)
            notes.extend(f"  wrong    {kind}: {m}" for m in s.wrong_fields)
        if notes:
            lines.append("")
            lines.append(f"{doc.source}  ({Path(doc.gold).name})")
            lines.extend(notes)
    return "\n".join(lines)


__all__ = [
    "KINDS",
    "MATCH_RULES",
    "DocScore",
    "KindScore",
    "Report",
    "evaluate",
    "load_gold",
    "render_table",
    "score_document",
]

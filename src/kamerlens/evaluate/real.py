"""The real evaluation set: real Kamer documents with gold marked by careful reading.

A set is a folder laid out as ``tests/real/`` (see its ``GUIDELINES.md``)::

    docs/<name>.<ext>   the document as published (text, PDF, VLOS XML ...)
    gold/<name>.json    what a clerk marks in it (matched to the document by file stem)
    gold2/<name>.json   a second annotator's commitments, marked without seeing gold/ (optional)
    split.toml          dev = [names], test = [names]: the split by document, fixed once

The scoring is that of the independent reference scorer (``tests/real/score_real.py``, a copy
of the shared one); a test runs both on the same predictions and asserts equal figures:

- ``refs``: Kamerstuk citations per occurrence on (dossier, nr); references of another kind
  (Handelingen, Aanhangsel) are not in the gold;
- ``amounts``: sums in euros per occurrence on their value, within 0.5% (or 0.5 euro); sums in
  guilders are not scored;
- ``motions``: the set of first-named members per document (how often a motion is mentioned
  differs by taste);
- ``commitments``: text similarity >= 0.6, one to one; where a second annotator marked the
  document, recall counts the spans both marked and precision accepts the spans either marked.

Beside those (the reference scorer leaves them out): ``dates`` per occurrence on the calendar day
they write (a period open before a day, "voor 1 juli 2024", writes its end; the gold counts
dates with day and month only, so predictions without a day are not scored), and
the document's own ``doc_kind`` and ``doc_date`` (a date kamerlens estimated is not a stated one).
Predictions and gold are matched greedily in document order, as the reference scorer does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any

from kamerlens.evaluate.scores import Score

Item = dict[str, Any]
Extractor = Callable[[Path], Item]

REFERENCE_TYPES: tuple[str, ...] = ("refs", "amounts", "motions", "commitments")
"""The types the reference scorer computes; their figures must agree with it."""
TYPES: tuple[str, ...] = (*REFERENCE_TYPES, "dates", "doc_kind", "doc_date")
PARTS: tuple[str, ...] = ("dev", "test", "all")
TEXT_THRESHOLD = 0.6

# kamerlens' own names of document kinds -> the guidelines' coarser vocabulary (GUIDELINES.md:
# kamerbrief, aanhangsel, motie, handelingen, verslag, bnc_fiche, geannoteerde_agenda, nota). A
# kind not listed is compared as written, lower-cased with '_' for spaces ("motie", "nota").
KIND_NAMES: dict[str, str] = {
    "brief": "kamerbrief",
    "antwoorden op kamervragen": "aanhangsel",
    "verslag van een commissievergadering": "verslag",
    "verslag commissie": "verslag",
    "besluitenlijst": "verslag",  # a committee's decision list: the verslag of its meeting
    "geannoteerde agenda": "geannoteerde_agenda",
    "bnc-fiche": "bnc_fiche",
}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


# --------------------------------------------------------------------------- keys, as the reference


def norm_text(text: str | None) -> str:
    """NFKC, no soft hyphens, words broken across a line joined, white space single, lower case."""
    text = unicodedata.normalize("NFKC", text or "").replace("\u00ad", "")
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def norm_dossier(dossier: Any) -> str:
    """'36 200 X' and '36200X' become '36200-X'."""
    text = str(dossier or "").upper().replace(" ", "").replace("\u00a0", "")
    return re.sub(r"^(\d+)([A-Z]+)$", r"\1-\2", text)


def member_key(name: str | None) -> str:
    """The last word of a member's name, lower-cased: 'Van der Plas' and 'Plas' agree."""
    found = norm_text(name or "").split()
    return found[-1] if found else "(anon)"


@lru_cache(maxsize=1 << 16)  # recall and precision compare the same pairs; difflib is slow
def similar(a: str | None, b: str | None) -> float:
    """Similarity of two spans; one inside the other scores its length ratio plus 0.5."""
    a, b = norm_text(a), norm_text(b)
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return min(len(a), len(b)) / max(len(a), len(b)) + 0.5
    return SequenceMatcher(None, a, b).ratio()


def kind_key(kind: Any) -> str | None:
    """A document kind in the guidelines' vocabulary."""
    if not kind:
        return None
    text = " ".join(str(kind).lower().split())
    return KIND_NAMES.get(text, text.replace(" ", "_"))


def _within(value: float, gold: float) -> bool:
    return abs(value - gold) <= max(0.005 * abs(gold), 0.5)


def match_greedy(
    gold: Sequence[Any], pred: Sequence[Any], same: Callable[[Any, Any], bool]
) -> tuple[set[int], set[int]]:
    """Each prediction in turn takes the first gold item left that is the same.

    Returns the indices of matched gold and of matched predictions.
    """
    left = list(range(len(gold)))
    gold_hit: set[int] = set()
    pred_hit: set[int] = set()
    for j, p in enumerate(pred):
        for k, i in enumerate(left):
            if same(p, gold[i]):
                del left[k]
                gold_hit.add(i)
                pred_hit.add(j)
                break
    return gold_hit, pred_hit


def match_texts(
    gold: Sequence[str], pred: Sequence[str], threshold: float = TEXT_THRESHOLD
) -> tuple[set[int], set[int]]:
    """Each predicted span in turn takes the most similar gold span left, if similar enough."""
    left = list(range(len(gold)))
    gold_hit: set[int] = set()
    pred_hit: set[int] = set()
    for j, text in enumerate(pred):
        best, at = 0.0, -1
        for k, i in enumerate(left):
            score = similar(text, gold[i])
            if score > best:
                best, at = score, k
        if best >= threshold:
            gold_hit.add(left.pop(at))
            pred_hit.add(j)
    return gold_hit, pred_hit


def _any_similar(text: str, others: Sequence[str]) -> bool:
    return bool(match_texts(others, [text])[1])


# --------------------------------------------------------------------------- one document


def _quote(text: Any, limit: int = 80) -> str:
    flat = " ".join(str(text or "").split())
    return f"«{flat if len(flat) <= limit else flat[: limit - 1] + '…'}»"


def _score(hits: tuple[set[int], set[int]], gold: list[str], pred: list[str]) -> Score:
    """Counts and the labels of what was missed and invented, from the matched indices."""
    gold_hit, pred_hit = hits
    return Score(
        style="real",
        found=len(gold_hit),
        right=len(pred_hit),
        predicted=len(pred),
        gold=len(gold),
        missed=[label for i, label in enumerate(gold) if i not in gold_hit],
        invented=[label for j, label in enumerate(pred) if j not in pred_hit],
    )


def _items(record: Item, key: str) -> list[Item]:
    return [x for x in record.get(key) or [] if isinstance(x, dict)]


def _same(a: Any, b: Any) -> bool:
    return bool(a == b)


def score_refs(gold: Item, pred: Item) -> Score:
    g = list(gold.get("kamerstuk_refs") or [])
    p = [r for r in _items(pred, "references") if r.get("kind", "kamerstuk") in ("kamerstuk", None)]
    g_keys = [(norm_dossier(r["dossier"]), str(r["nr"])) for r in g]
    p_keys = [
        (norm_dossier(r.get("dossier")), str(r.get("number") or r.get("nr") or "")) for r in p
    ]
    return _score(
        match_greedy(g_keys, p_keys, _same),
        [f"{d} nr. {n} {_quote(r.get('text'))}" for (d, n), r in zip(g_keys, g, strict=True)],
        [f"{d} nr. {n} {_quote(r.get('text'))}" for (d, n), r in zip(p_keys, p, strict=True)],
    )


def _euros(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def score_amounts(gold: Item, pred: Item) -> Score:
    g = [a for a in gold.get("amounts") or [] if "value_eur" in a]  # guilders are not scored
    g_values = [float(a["value_eur"]) for a in g]
    p: list[tuple[float, Item]] = []
    for a in _items(pred, "amounts"):
        value = _euros(a.get("value"))
        if (a.get("currency") or "EUR").upper() == "EUR" and value is not None:
            p.append((value, a))
    return _score(
        match_greedy(g_values, [v for v, _ in p], _within),
        [f"EUR {v:,.0f} {_quote(a.get('text'))}" for v, a in zip(g_values, g, strict=True)],
        [f"EUR {v:,.0f} {_quote(a.get('text'))}" for v, a in p],
    )


def _first_members(items: Iterable[Item], member: Callable[[Item], Any]) -> dict[str, Item]:
    """The distinct first-named members, sorted, each with its first motion."""
    keys: dict[str, Item] = {}
    for m in items:
        keys.setdefault(member_key(member(m)), m)
    return dict(sorted(keys.items()))


def _pred_member(m: Item) -> Any:
    members = m.get("members") or ([m["member"]] if m.get("member") else [])
    return members[0] if members else None


def score_motions(gold: Item, pred: Item) -> Score:
    g = _first_members(gold.get("motions") or [], lambda m: m.get("member"))
    p = _first_members(_items(pred, "motions"), _pred_member)
    return _score(
        match_greedy(list(g), list(p), _same),
        [f"{k}: {_quote(m.get('text'))}" for k, m in g.items()],
        [f"{k}: {_quote(m.get('text'))}" for k, m in p.items()],
    )


def score_commitments(gold: Item, pred: Item, gold2: Item | None) -> Score:
    g = [str(c["text"]) for c in gold.get("commitments") or []]
    p = [str(c.get("text") or "") for c in _items(pred, "commitments")]
    if gold2 is None:
        return _score(match_texts(g, p), [_quote(t) for t in g], [_quote(t) for t in p])
    g2 = [str(c["text"]) for c in gold2.get("commitments") or []]
    core = [t for t in g if _any_similar(t, g2)]
    allowed = g + [t for t in g2 if not _any_similar(t, g)]
    core_hit, found = match_texts(core, p)
    _, right = match_texts(allowed, p)
    return Score(
        style="real",
        found=len(found),
        right=len(right),
        predicted=len(p),
        gold=len(core),
        missed=[_quote(t) for i, t in enumerate(core) if i not in core_hit],
        invented=[_quote(t) for j, t in enumerate(p) if j not in right],
    )


def written_day(date: Item) -> str | None:
    """The calendar day a date mention writes: its start, or the end of a period open before it
    ("voor 1 juli 2024": start None, end 2024-07-01); None when it names no day."""
    start, end = date.get("start_date"), date.get("end_date")
    day = start if start is not None else end
    return str(day) if day is not None and _ISO_DAY.match(str(day)) else None


def score_dates(gold: Item, pred: Item) -> Score:
    g = [d for d in gold.get("dates") or [] if d.get("iso")]
    p = [d for d in _items(pred, "dates") if written_day(d)]
    g_keys = [str(d["iso"]) for d in g]
    p_keys = [str(written_day(d)) for d in p]
    return _score(
        match_greedy(g_keys, p_keys, _same),
        [f"{k} {_quote(d.get('text'))}" for k, d in zip(g_keys, g, strict=True)],
        [f"{k} {_quote(d.get('text'))}" for k, d in zip(p_keys, p, strict=True)],
    )


def score_slot(want: str | None, got: str | None) -> Score:
    """One value of the document: right (found), wrong (missed and invented), absent, or extra."""
    right = int(want is not None and want == got)
    return Score(
        style="real",
        found=right,
        right=right,
        predicted=int(got is not None),
        gold=int(want is not None),
        missed=[f"{want} (got {got})"] if want is not None and not right else [],
        invented=[str(got)] if got is not None and not right else [],
    )


def score_record(
    gold: Item, pred: Item, gold2: Item | None = None, *, types: Iterable[str] = TYPES
) -> dict[str, Score]:
    """Score one prediction (a ``kamerlens extract`` record as JSON) against one gold file."""
    if isinstance(pred, list):  # `extract` of several files writes a list
        pred = pred[0] if pred else {}
    pred = pred if isinstance(pred, dict) else {}
    document = pred.get("document")
    document = document if isinstance(document, dict) else {}
    stated = None if document.get("date_estimated") else document.get("date")
    scorers: dict[str, Callable[[], Score]] = {
        "refs": lambda: score_refs(gold, pred),
        "amounts": lambda: score_amounts(gold, pred),
        "motions": lambda: score_motions(gold, pred),
        "commitments": lambda: score_commitments(gold, pred, gold2),
        "dates": lambda: score_dates(gold, pred),
        "doc_kind": lambda: score_slot(kind_key(gold.get("kind")), kind_key(document.get("kind"))),
        "doc_date": lambda: score_slot(gold.get("date"), stated),
    }
    return {t: scorers[t]() for t in types}

"""The project's own gold format: ``tests/gold``, ``tests/gold_heldout``, ``tests/gold_blind2``.

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

Most of these sets are written imitations of real genres: unit fixtures of the scorer and the
rules, not a measure of accuracy (that is :mod:`kamerlens.evaluate.real`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from kamerlens.errors import KamerlensError
from kamerlens.evaluate.matching import Context, field_agrees, score_items, surname, words
from kamerlens.evaluate.scores import DocScore, Item, Report, Score

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


def score_document_fields(gold: Item, pred: Item) -> Score:
    """Slot filling: a right value is a TP; a wrong one is FP and FN; a missing one FN.

    ``date_between: [lo, hi]`` accepts any predicted date in that range (an estimated date).
    """
    score = Score()
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
            score.count(right=want is not None)
            continue
        if want is not None:
            score.count(missed=1)
            score.missed.append(f"{name} = {want!r} (got {got!r})")
        if got is not None and got is not False:
            score.count(invented=1)
            score.invented.append(f"{name} = {got!r}")
    return score


def score_document(gold: Item, record: Item | None, *, kinds: Iterable[str] = KINDS) -> DocScore:
    """Score one predicted record (the JSON contract, with ``text``) against one gold file.

    ``record`` None means the document could not be extracted: every gold item is missed.
    """
    doc = DocScore(name=str(gold.get("_path") or ""), source=str(gold.get("source") or ""))
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

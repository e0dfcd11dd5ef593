"""Scores of an evaluation, one set of types for both gold formats: counts per kind (or type),
per document, and per run."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Item = dict[str, Any]


Style = Literal["written", "real"]


@dataclass
class Score:
    """Counts of one kind (the written format) or type (the real set): gold items found,
    predictions that are right, predicted, gold; what was missed and invented; the checks of the
    fields of matched items.

    ``found`` and ``right`` differ only for commitments of the real set marked by two annotators
    (recall on the spans both marked, precision against the spans either marked). ``style`` is
    the convention of the format when there is nothing to count, and its JSON: ``written`` gives
    no figure (None) and counts as tp/fp/fn; ``real`` scores as the reference scorer does
    (nothing predicted of nothing to find is perfect) and F1 as the mean of P and R.
    """

    found: int = 0
    right: int = 0
    predicted: int = 0
    gold: int = 0
    missed: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)
    fields: dict[str, list[int]] = field(default_factory=dict)  # name -> [correct, checked]
    wrong_fields: list[str] = field(default_factory=list)
    style: Style = "written"

    @property
    def tp(self) -> int:
        return self.right

    @property
    def fp(self) -> int:
        return self.predicted - self.right

    @property
    def fn(self) -> int:
        return self.gold - self.found

    def count(self, *, right: int = 0, missed: int = 0, invented: int = 0) -> None:
        """Count items that are right, gold items missed and predictions invented."""
        self.found += right
        self.right += right
        self.gold += right + missed
        self.predicted += right + invented

    @property
    def precision(self) -> float | None:
        if self.predicted:
            return self.right / self.predicted
        if self.style == "written":
            return None
        return 1.0 if self.gold == 0 else 0.0

    @property
    def recall(self) -> float | None:
        if self.gold:
            return self.found / self.gold
        return None if self.style == "written" else 1.0

    @property
    def f1(self) -> float | None:
        if self.style == "written":
            if self.tp + self.fp + self.fn == 0:
                return None
            return 2 * self.tp / (2 * self.tp + self.fp + self.fn)
        p, r = self.precision, self.recall
        assert p is not None and r is not None  # the real style always gives both
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.found += other.found
        self.right += other.right
        self.predicted += other.predicted
        self.gold += other.gold
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
        if self.style == "real":
            out: dict[str, Any] = {
                "precision": self.precision,
                "recall": self.recall,
                "f1": self.f1,
                "found": self.found,
                "right": self.right,
                "predicted": self.predicted,
                "gold": self.gold,
            }
            if details:
                out.update(missed=self.missed, invented=self.invented)
            return out
        out = {
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
    """The scores of one document, per kind (the written format) or type (the real set).

    ``name`` is what the gold is known by: its file (written) or the document's name in the set
    (real). ``source`` is what was scored: the document the gold names (written), or the
    document or prediction file read (real; empty when there was none).
    """

    name: str
    source: str
    error: str | None = None
    kinds: dict[str, Score] = field(default_factory=dict)
    style: Style = "written"

    def to_dict(self) -> dict[str, Any]:
        scores = {k: s.to_dict() for k, s in self.kinds.items()}
        if self.style == "real":
            return {"name": self.name, "source": self.source, "error": self.error, "types": scores}
        return {"gold": self.name, "source": self.source, "error": self.error, "kinds": scores}


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


@dataclass
class Report:
    """A run: the scores of each document, and their totals per kind (or type).

    A run of the real set also gives the set and part, and the names it did not score.
    """

    documents: list[DocScore]
    kinds: tuple[str, ...]
    style: Style = "written"
    root: str = ""
    part: str = ""
    not_annotated: list[str] = field(default_factory=list)  # in the part, no gold yet
    outside_split: list[str] = field(default_factory=list)  # gold not named in split.toml

    def totals(self) -> dict[str, Score]:
        totals = {kind: Score(style=self.style) for kind in self.kinds}
        for doc in self.documents:
            for kind, score in doc.kinds.items():
                if kind in totals:
                    totals[kind].add(score)
        return totals

    def overall(self) -> Score:
        """Micro average over every kind and document."""
        total = Score(style=self.style)
        for score in self.totals().values():
            total.add(score)
        total.fields = {}
        return total

    def to_dict(self) -> dict[str, Any]:
        documents = [d.to_dict() for d in self.documents]
        totals = {k: s.to_dict(details=False) for k, s in self.totals().items()}
        if self.style == "real":
            return {
                "set": self.root,
                "part": self.part,
                "types": totals,
                "documents": documents,
                "not_annotated": self.not_annotated,
                "outside_split": self.outside_split,
            }
        return {
            "documents": documents,
            "kinds": totals,
            "overall": self.overall().to_dict(details=False),
            "failed": [{"source": d.source, "error": d.error} for d in self.documents if d.error],
        }

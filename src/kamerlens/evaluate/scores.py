"""Scores of an evaluation against the project's own gold: per kind, per document, per run."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Item = dict[str, Any]


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


"""A pipeline of declared extraction components over one normalized document.

Each component is a function ``(doc: Doc) -> None`` declared with :func:`component`: its name,
the results it needs and the results it sets. ``PIPELINE`` fixes the order; :func:`check_order`
proves at import that every component runs after what it needs. A component reads ``doc.text``,
``doc.sentences``, ``doc.footnotes`` and earlier results, and writes its own results into
``doc.results[name]`` (a list of model items) or ``doc.info`` (document-level fields).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kamerlens.extract.scan import Scan
from kamerlens.ingest import RawDocument
from kamerlens.models import Turn
from kamerlens.normalize import NormalizedText


@dataclass
class Doc:
    raw: RawDocument
    norm: NormalizedText
    sentences: list[tuple[int, int]] = field(default_factory=list)
    results: dict[str, list[Any]] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)  # DocumentInfo fields being built
    _starts: list[int] = field(default_factory=list, repr=False)  # sentence starts, for bisect
    _scan: Scan | None = field(default=None, repr=False)
    # the speaker turns the starts below were taken from, and those starts (for bisect)
    _turns: list[Turn] | None = field(default=None, repr=False)
    _turn_starts: list[int] = field(default_factory=list, repr=False)
    # the footnotes' starts, for bisect, when they follow each other (else None: looked through)
    _note_starts: list[int] | None = field(default=None, repr=False)
    _notes_read: bool = field(default=False, repr=False)

    @property
    def text(self) -> str:
        return self.norm.text

    @property
    def body_end(self) -> int:
        return self.norm.body_end

    @property
    def scan(self) -> Scan:
        """The triggers of every component found in each sentence (one scan, done once)."""
        if self._scan is None or self._scan.sentences is not self.sentences:
            self._scan = Scan(self.text, self.sentences)  # (again when turns split sentences)
        return self._scan

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding ``pos`` (the whole text when none)."""
        if len(self._starts) != len(self.sentences):
            self._starts = [s for s, _ in self.sentences]
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        return (0, len(self.text))

    def turn_at(self, pos: int) -> Turn | None:
        """In a debate, the turn whose words hold ``pos`` (None before the first label, inside a
        label, or outside a debate)."""
        turns: list[Turn] = self.results.get("turns") or []
        if self._turns is not turns:
            self._turns, self._turn_starts = turns, [t.start for t in turns]
        i = bisect_right(self._turn_starts, pos) - 1
        if i < 0:
            return None
        turn = turns[i]
        return turn if turn.label_end <= pos < max(turn.end, turn.label_end + 1) else None

    def footnote_of(self, pos: int) -> str | None:
        """The number of the footnote whose text holds ``pos``, or None when in the body."""
        notes = self.norm.footnotes
        if not self._notes_read:
            # the footnotes follow each other as the normalizer writes them: one bisection
            if all(a.end <= b.start for a, b in zip(notes, notes[1:], strict=False)):
                self._note_starts = [n.start for n in notes]
            self._notes_read = True
        if self._note_starts is not None:
            i = bisect_right(self._note_starts, pos) - 1
            return notes[i].number if i >= 0 and pos < notes[i].end else None
        for note in notes:
            if note.start <= pos < note.end:
                return note.number
        return None


Component = Callable[[Doc], None]


@dataclass(frozen=True)
class Declared:
    name: str
    func: Component
    needs: tuple[str, ...]
    sets: tuple[str, ...]


REGISTRY: dict[str, Declared] = {}


def component(
    name: str, *, needs: tuple[str, ...] = (), sets: tuple[str, ...] = ()
) -> Callable[[Component], Component]:
    """Declare an extraction component (a decorator)."""

    def register(func: Component) -> Component:
        REGISTRY[name] = Declared(name, func, needs, sets or (name,))
        return func

    return register


def check_order(order: tuple[str, ...]) -> None:
    """Raise ValueError unless each component comes after every component it needs."""
    available: set[str] = set()
    for name in order:
        declared = REGISTRY[name]
        missing = [n for n in declared.needs if n not in available]
        if missing:
            raise ValueError(f"component {name!r} needs {missing} earlier in the pipeline")
        available.update(declared.sets)
        available.add(name)


def run(doc: Doc, order: tuple[str, ...]) -> Doc:
    for name in order:
        REGISTRY[name].func(doc)
    return doc

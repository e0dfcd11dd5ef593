"""One scan of a document's text for the trigger patterns of every component.

Each component declares its triggers: the patterns that must match in a sentence before one of
its full rules can (``declare``). All of them, loosened into supersets (``relax.py``), are
compiled into one Hyperscan database; a document's sentences are scanned with it once, and
each sentence gets a mask of the triggers found in it. A component then runs a full rule only
on a sentence whose mask holds that rule's trigger. Since a loosened pattern matches whatever
the original matches, a rule skipped this way could not have matched: the records are the same
as with every rule tried everywhere (tests/extract/test_scan.py compares both).

Where Hyperscan is missing (a platform without its wheel) or a text holds a character that
Python folds to ASCII in its own way (``needles.UNSAFE_FOLD``), every mask is full: every rule
is tried, as plain ``re``. ``KAMERLENS_SCAN=re`` forces that path.
"""

from __future__ import annotations

import hashlib
import os
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kamerlens.extract.needles import UNSAFE_FOLD
from kamerlens.extract.relax import relax_all

Source = Callable[[], Mapping[str, re.Pattern[str]]]
_SOURCES: dict[str, Source] = {}  # component -> its triggers (built when the database is)
_WINDOW_SOURCES: dict[str, Source] = {}  # component -> patterns it searches in short windows


def declare(component: str, source: Source) -> None:
    """Declare ``component``'s triggers: ``source()`` gives {name: pattern}; a trigger is then
    asked for as "component.name". Declared at import; read when the database is first built."""
    _SOURCES[component] = source


def declare_each(
    component: str, name: str, patterns: Callable[[], Sequence[re.Pattern[str]]]
) -> Callable[[], tuple[int, ...]]:
    """Declare each of ``patterns()`` as the trigger "component.<name><i>"; returns the getter of
    their bits, in the same order (cached: the bits are fixed once the database is built)."""
    declare(component, lambda: {f"{name}{i}": p for i, p in enumerate(patterns())})

    @cache
    def bits() -> tuple[int, ...]:
        return tuple(bit(f"{component}.{name}{i}") for i in range(len(patterns())))

    return bits


def declared(window: bool = False) -> dict[str, re.Pattern[str]]:
    """Every declared pattern by its name "component.name": the triggers of the one scan, or
    (``window``) the patterns searched in windows."""
    sources = _WINDOW_SOURCES if window else _SOURCES
    return {
        f"{component}.{name}": pattern
        for component in sorted(sources)
        for name, pattern in sources[component]().items()
    }


def declare_window(component: str, source: Source) -> None:
    """Declare patterns that ``component`` searches in strings of its own making (a clause, the
    words before a match): :func:`window_mask` says which of them may match in one such string.
    Their bits are asked for as "component.name" too."""
    _WINDOW_SOURCES[component] = source


@dataclass(frozen=True)
class _Database:
    bits: dict[str, int]  # trigger -> its bit (0 for a trigger with no loosened form: always)
    expression_bits: tuple[int, ...]  # Hyperscan expression id -> bit
    db: Any  # hyperscan.Database, or None: the plain path
    window_bits: tuple[int, ...] = ()  # the same for the window patterns, in a database apart
    window_db: Any = None


def _engine() -> Any:
    if os.environ.get("KAMERLENS_SCAN", "").lower() == "re":
        return None
    try:
        import hyperscan
    except ImportError:  # pragma: no cover  a platform without the wheel: the plain path
        return None
    return hyperscan


def _expressions() -> list[bytes]:
    """The loosened patterns of the database (for a benchmark of another engine)."""
    return _loosened(declared())[1]


@cache
def _database() -> _Database:
    bits, expressions, expression_bits = _loosened(declared())
    _, window_expressions, window_bits = _loosened(declared(window=True), bits)
    hs = _engine()
    db = _compile(hs, expressions) if hs is not None and expressions else None
    window_db = _compile(hs, window_expressions) if hs is not None and window_expressions else None
    return _Database(bits, tuple(expression_bits), db, tuple(window_bits), window_db)


def _loosened(
    patterns: dict[str, re.Pattern[str]], bits: dict[str, int] | None = None
) -> tuple[dict[str, int], list[bytes], list[int]]:
    bits = {} if bits is None else bits
    expressions: list[bytes] = []
    expression_bits: list[int] = []
    for key, pattern in patterns.items():
        loosened = relax_all(pattern)
        if loosened is None:
            bits[key] = 0  # no superset: asked for, it is always there
            continue
        bit = 1 << (len(bits) + 1)
        bits[key] = bit
        for alternative in loosened:
            expressions.append(alternative.encode("utf-8"))
            expression_bits.append(bit)
    return bits, expressions, expression_bits


def _compile(hs: Any, expressions: list[bytes], flags: int | None = None) -> Any:
    """The Hyperscan database, from the cache folder when one was compiled for the same
    patterns (compiling takes about a second, loading a few milliseconds). The default
    ``flags`` are those of the trigger scan."""
    if flags is None:
        flags = hs.HS_FLAG_CASELESS | hs.HS_FLAG_UTF8 | hs.HS_FLAG_DOTALL | hs.HS_FLAG_SINGLEMATCH
    digest = hashlib.sha256(b"\0".join([b"%d" % flags, *expressions])).hexdigest()[:20]
    cached = _cache_dir() / f"scan-{hs.__version__}-{digest}.hsdb"
    try:
        db = hs.loadb(cached.read_bytes(), hs.HS_MODE_BLOCK)
        db.scratch = hs.Scratch(db)
        return db
    except Exception:  # noqa: BLE001  no cache, or one of another build: compile
        pass
    db = hs.Database()
    db.compile(
        expressions=expressions,
        ids=list(range(len(expressions))),
        elements=len(expressions),
        flags=[flags] * len(expressions),
    )
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(hs.dumpb(db))
        tmp.replace(cached)
    except OSError:  # a read-only home: compile again next time
        pass
    return db


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kamerlens"


ALL = -1  # a mask that holds every trigger


class Scan:
    """The triggers found in each sentence of one document."""

    def __init__(self, text: str, sentences: list[tuple[int, int]]) -> None:
        self.sentences = sentences
        self._masks: dict[tuple[int, int], int] = {}
        self._data = _database()
        self.full = self._data.db is None or any(ch in text for ch in UNSAFE_FOLD)
        if not self.full:
            self._scan(text, sentences)

    def _scan(self, text: str, sentences: list[tuple[int, int]]) -> None:
        db, bits = self._data.db, self._data.expression_bits
        found = [0]

        def hit(expression: int, _from: int, _to: int, _flags: int, _ctx: Any) -> None:
            found[0] |= bits[expression]

        masks = self._masks
        for span in sentences:
            found[0] = 0
            db.scan(text[span[0] : span[1]].encode("utf-8"), match_event_handler=hit)
            if found[0]:  # a sentence with no trigger keeps no entry (a long text: many)
                masks[span] = found[0]

    def mask(self, start: int, end: int) -> int:
        """The triggers of the sentence ``(start, end)``: every one when it was not scanned."""
        if self.full:
            return ALL
        found = self._masks.get((start, end))
        if found is not None:
            return found
        i = bisect_left(self.sentences, (start, end))
        scanned = i < len(self.sentences) and self.sentences[i] == (start, end)
        return 0 if scanned else ALL


def window_mask(text: str) -> int:
    """The window patterns (:func:`declare_window`) that may match in ``text``: every one when
    there is no engine or ``text`` holds a character Python folds its own way."""
    data = _database()
    if data.window_db is None or any(ch in text for ch in UNSAFE_FOLD):
        return ALL
    bits = data.window_bits
    found = [0]

    def hit(expression: int, _from: int, _to: int, _flags: int, _ctx: Any) -> None:
        found[0] |= bits[expression]

    data.window_db.scan(text.encode("utf-8"), match_event_handler=hit)
    return found[0]


def bit(trigger: str) -> int:
    """The bit of a declared trigger ("component.name") in a mask; 0 when it has no loosened
    form (test with :func:`has`, which then always says yes)."""
    return _database().bits[trigger]


def union(bits: list[int] | tuple[int, ...]) -> int:
    """One mask for "any of these triggers" (:data:`ALL` when one has no loosened form)."""
    out = 0
    for b in bits:
        if b == 0:
            return ALL
        out |= b
    return out


def has(mask: int, trigger_bit: int) -> bool:
    """Whether a sentence of ``mask`` may match the trigger of ``trigger_bit``."""
    return trigger_bit == 0 or bool(mask & trigger_bit)


__all__ = [
    "ALL", "Scan", "bit", "declare", "declare_each", "declare_window", "declared", "has", "union",
    "window_mask",
]  # fmt: skip


def started(
    pattern: re.Pattern[str], starts: Iterable[int], text: str, start: int, end: int
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` (as ``finditer`` gives them), tried only at ``starts`` (in
    order): every match of ``pattern`` starts at one of them."""
    done = start
    match = pattern.match
    for at in starts:
        if at < done:
            continue
        m = match(text, at, end)
        if m is not None:
            done = m.end()
            yield m

"""A construction whose one-scan trigger is not its own pattern (``trigger`` in
data/promises.toml) holds a match of that trigger wherever the pattern matches: else the scan
would skip a sentence the construction promises in."""

from __future__ import annotations

from pathlib import Path

from kamerlens.extract._promises import constructions
from kamerlens.extract.sentences import split
from kamerlens.ingest import read
from kamerlens.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
REAL = sorted((ROOT / "tests" / "real" / "docs").iterdir())
LETTERS = sorted((ROOT / "examples" / "letters").glob("*.txt"))


def test_every_match_holds_its_trigger() -> None:
    own = [c for c in constructions() if c.trigger is not None]
    assert own
    matched = 0
    for path in REAL + LETTERS:
        text = normalize(read(path)).text
        for s, e in split(text):
            for c in own:
                for m in c.pattern.finditer(text, s, e):
                    matched += 1
                    assert c.trigger is not None
                    assert c.trigger.search(text, m.start(), m.end()), (c.name, m.group(0))
    assert matched > 100

"""The shared keyword pass finds the same words whether Hyperscan says where to try the
patterns or the regex engine tries them at every word edge (the path without Hyperscan)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerlens.extract import extract, lexicon
from kamerlens.ingest import read
from kamerlens.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples" / "letters").glob("*.txt"))[:4]

pytest.importorskip("hyperscan")

TEXTS = [
    "Voor de zomer informeer ik uw Kamer; het algemeen overleg van 5 juni.",
    # phrases broken over lines, spaced twice or by white space outside ASCII
    "het algemeen\n  overleg, het algemeen\u2009overleg en het algemeen\xa0overleg",
    "het algemeen\x1coverleg\u2028(algemeen\x85overleg) «aanstaande» –afgelopen— 'a.s.'",
    # characters outside Latin-1 next to the words: the bytes scanned give them one "?"
    "€ 5 mln voor de gemeenten – 12% – “aankomende” ‘afgelopen’ 3\u202f%",
    "",
    "aangekondigd",
]


def _scan_both(low: str) -> tuple[object, object]:
    pattern, groups = lexicon._combined()
    with_engine = lexicon._scan(low, pattern, groups)
    engine = lexicon._ENGINE[pattern]
    assert engine is not None, "Hyperscan is installed: the pass should use it"
    lexicon._ENGINE[pattern] = None
    try:
        plain = lexicon._scan(low, pattern, groups)
    finally:
        lexicon._ENGINE[pattern] = engine
    return with_engine, plain


@pytest.mark.parametrize("text", TEXTS)
def test_lexicon_keywords_same_with_and_without_hyperscan(text: str) -> None:
    extract(b"Ik zal uw Kamer voor de zomer informeren.", name="warm.txt")  # registers groups
    with_engine, plain = _scan_both(text.lower())
    assert with_engine == plain


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_lexicon_keywords_same_on_letters(path: Path) -> None:
    extract(b"Ik zal uw Kamer voor de zomer informeren.", name="warm.txt")
    low = lexicon.lower_text(normalize(read(path)).text)
    with_engine, plain = _scan_both(low)
    assert with_engine == plain
    assert with_engine  # a letter holds keywords: the comparison says something

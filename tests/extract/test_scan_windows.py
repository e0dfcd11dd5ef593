"""The window scan (``scan.window_mask``) changes no record: where a window pattern matches in
a string, the string's mask holds its bit. Checked on the windows ``_promises.undone`` reads,
and on the Unicode edges where Python's rules and an ASCII engine part ways."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kamerlens.extract import extract, scan
from kamerlens.extract.sentences import split
from kamerlens.ingest import read
from kamerlens.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
REAL = sorted((ROOT / "tests" / "real" / "docs").iterdir())

pytest.importorskip("hyperscan")


def _patterns() -> dict[str, re.Pattern[str]]:
    extract(b"Ik zal uw Kamer voor de zomer informeren.", name="warm.txt")  # loads the rules
    return scan.declared(window=True)


def _windows(text: str, s: int, e: int) -> list[str]:
    """The sentence, and pieces of it as ``undone`` cuts them: from each clause-opening word to
    the end, up to each comma, and a piece with a relative clause taken out."""
    sentence = text[s:e]
    out = [sentence]
    for m in re.finditer(r"\b(?:zal|zullen|ik|we|wij|het|de)\b", sentence):
        out.append(sentence[m.start() :])
        out.append(sentence[: m.start()])
        out.append(sentence[m.start() : m.start() + 90])
    out.extend(sentence.split(","))
    out.append(re.sub(r"\s(?:die|welke|waarin)\s[^,;]*,", " ", sentence))
    return out


def test_window_mask_holds_every_pattern_that_matches() -> None:
    patterns = _patterns()
    assert len(patterns) > 20
    bits = {key: scan.bit(key) for key in patterns}
    assert scan._database().window_db is not None
    matched = 0
    for path in REAL:
        text = normalize(read(path)).text
        for s, e in split(text)[:400]:
            for window in _windows(text, s, e):
                mask = scan.window_mask(window)
                for key, pattern in patterns.items():
                    if pattern.search(window) is not None:
                        matched += 1
                        assert scan.has(mask, bits[key]), (path.name, key, window[:80])
    assert matched > 1_000


@pytest.mark.parametrize(
    "text",
    [
        "ik\u00a0moet dat\u00a0nog niet doen",
        "Wij zijn¹ momenteel bezig; daarná gaan we door",
        "«ik zal» dat straks in mijn tweede termijn behandelen",
        "Ik heb dit eerder toegezegd, maar het kabinet zal niet reageren",
        "ALS DAAR AANLEIDING TOE IS",
    ],
)
def test_window_mask_sound_on_unicode_edges(text: str) -> None:
    patterns = _patterns()
    mask = scan.window_mask(text)
    for key, pattern in patterns.items():
        if pattern.search(text) is not None:
            assert scan.has(mask, scan.bit(key)), key


def test_window_mask_unsafe_fold_text_is_full() -> None:
    assert scan.window_mask("Ik moet \u212aamer informeren") == scan.ALL

"""The one scan (extract/scan.py) changes no record: its masks are supersets of what the full
rules match, and extraction with the scan gives the same records as the plain-``re`` path that
tries every rule everywhere (the path of a platform without Hyperscan)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from kamerlens.extract import extract, scan
from kamerlens.extract.relax import relax_all
from kamerlens.extract.sentences import split
from kamerlens.ingest import read
from kamerlens.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
REAL = sorted((ROOT / "tests" / "real" / "docs").iterdir())
EXAMPLES = sorted((ROOT / "examples" / "letters").glob("*.txt"))[:4]

pytest.importorskip("hyperscan")


def _triggers() -> dict[str, re.Pattern[str]]:
    extract(b"Ik zal uw Kamer voor de zomer informeren.", name="warm.txt")  # loads the rules
    return scan.declared()


@pytest.fixture(scope="module")
def plain() -> Iterator[None]:
    """The plain path: every mask full, as without Hyperscan."""
    mp = pytest.MonkeyPatch()
    mp.setenv("KAMERLENS_SCAN", "re")
    scan._database.cache_clear()
    try:
        yield
    finally:
        mp.undo()
        scan._database.cache_clear()


def _records(paths: list[Path]) -> dict[str, object]:
    return {p.name: extract(p).to_dict() for p in paths}


def test_scan_records_equal_plain_path() -> None:
    """Every real document and four example letters: the same record both ways."""
    paths = REAL + EXAMPLES
    scan._database.cache_clear()
    assert scan._database().db is not None  # the scan is on
    with_scan = _records(paths)
    mp = pytest.MonkeyPatch()
    mp.setenv("KAMERLENS_SCAN", "re")
    scan._database.cache_clear()
    try:
        assert scan._database().db is None
        without = _records(paths)
    finally:
        mp.undo()
        scan._database.cache_clear()
    differ = [name for name in with_scan if with_scan[name] != without[name]]
    assert not differ, f"records differ with the scan: {differ}"
    assert sum(len(r["commitments"]) for r in with_scan.values()) > 50  # type: ignore[arg-type,index]


def test_scan_mask_holds_every_trigger_that_matches() -> None:
    """The soundness the records rest on: where a trigger's Python pattern matches in a
    sentence (as the rules search it: pos and endpos at the sentence), its bit is in the
    sentence's mask. Checked for every declared trigger on every sentence of the real set."""
    triggers = _triggers()
    assert len(triggers) > 60
    bits = {key: scan.bit(key) for key in triggers}
    matched = 0
    for path in REAL:
        text = normalize(read(path)).text
        spans = split(text)
        sc = scan.Scan(text, spans)
        for s, e in spans:
            mask = sc.mask(s, e)
            for key, pattern in triggers.items():
                if bits[key] and not mask & bits[key] and pattern.search(text, s, e):
                    pytest.fail(f"{path.name}: {key} matches {text[s:e][:80]!r}, not in mask")
                matched += bool(mask & bits[key])
    assert matched > 2_000


# Texts where Python's Unicode rules and an ASCII engine part ways: letters outside ASCII next
# to a word boundary, other white space, superscripts (word characters to Python), quotes.
_EDGES = [
    "Ik\u00a0zal uw Kamer voor\u00a0de zomer informeren.",
    "Ik zal¹ uw Kamer vóór de zomer informeren.",
    "«Ik zal» uw Kamer ’voor de zomer’ informeren.",
    "é zal ik uw Kamer\u2003informeren vóór 1 juli 2025.",
    "Het kabinet\u2009zal de Kamer in het voorjaar van 2025 informeren.",
    "De Minister van Buitenlandse Zaken zal uw Kamer vóór het zomerreces informeren.",
    "ZAL IK UW KAMER VOOR DE ZOMER INFORMEREN",
    "Wij\tzullen\nuw Kamer\r\ninformeren.",
]


@pytest.mark.parametrize("text", _EDGES)
def test_scan_mask_sound_on_unicode_edges(text: str) -> None:
    triggers = _triggers()
    spans = [(0, len(text)), *split(text)]
    sc = scan.Scan(text, spans)
    for s, e in spans:
        for key, pattern in triggers.items():
            if pattern.search(text, s, e) is not None:
                assert scan.has(sc.mask(s, e), scan.bit(key)), (key, text[s:e])


def test_scan_unsafe_fold_text_takes_every_rule() -> None:
    """A text with a letter Python folds to ASCII its own way (the Kelvin sign) is not scanned."""
    text = "Ik zal uw \u212aamer informeren."
    sc = scan.Scan(text, [(0, len(text))])
    assert sc.full and sc.mask(0, len(text)) == scan.ALL


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"\bzal\b", "zal"),
        (r"(?i)\bvóór\b", "VÓÓR"),
        (r"[^.;]{2,5}x", "abx"),
        (r"(?i)\b[A-Z]\w+t\s+ik\b", "Morgen stuurt ik"),
        (r"(?-i:[A-ZÀ-Ý])\w+", "Éa"),
        (r"\d+\s*%", "12\u00a0%"),
    ],
)
def test_relax_superset_on_small_cases(pattern: str, text: str) -> None:
    import hyperscan

    compiled = re.compile(pattern)
    assert compiled.search(text)
    loosened = relax_all(compiled)
    assert loosened
    db = hyperscan.Database()
    flags = hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_DOTALL
    db.compile(
        expressions=[x.encode() for x in loosened],
        ids=list(range(len(loosened))),
        elements=len(loosened),
        flags=[flags] * len(loosened),
    )
    found: list[int] = []
    db.scan(text.encode(), match_event_handler=lambda i, *_: found.append(i))
    assert found


def test_relax_refuses_back_references() -> None:
    assert relax_all(re.compile(r"(\w)\1")) is None

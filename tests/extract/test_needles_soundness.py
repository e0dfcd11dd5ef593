"""extract.needles: a pattern is skipped only when it cannot match (same output, less work)."""

from __future__ import annotations

import re

import pytest

from kamerlens.extract.document_kind import _kind_rules
from kamerlens.extract.needles import FOLD_UNSAFE, UNSAFE_FOLD, fold_safe, may_match, needles

PATTERNS = [
    r"(?i)\bDe\s+Kamer,\s+gehoord\s+de\s+beraadslaging\b",
    r"(?m)^[ \t]*(?:Nr\.\s*\w+\s+)?(?:VERSLAG|Verslag)\b"
    r"|(?i:\b(?:hierbij|bijgaand)\b[^.\n]{0,80}\bverslag\b)",
    r"\b(?:GEWIJZIGDE\s+)?MOTIE\s+VAN\s+(?:HET\s+LID|DE\s+LEDEN)\b",
    r"(?im)^[ \t]*(?:betreft|onderwerp|document)[ \t]*:?[ \t]+(\S[^\n]{3,200}?)[ \t]*$",
    r"(?:Staten|STATEN)(?i:-generaal)",
    r"(?i:ministerie)\s+van\s+(?-i:Financiën)",
]
TEXTS = [
    "De Kamer,\ngehoord de beraadslaging,\nverzoekt de regering ...",
    "DE KAMER, GEHOORD DE BERAADSLAGING",
    "Nr. 12 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG",
    "Hierbij zend ik u het verslag van de Raad.",
    "GEWIJZIGDE MOTIE VAN HET LID JANSEN",
    "Betreft: Antwoorden op Kamervragen",
    "ONDERWERP Geannoteerde agenda",
    "Staten-Generaal en STATEN-GENERAAL",
    "het Ministerie van Financiën en het ministerie van financiën",
    "De ſtaten (long s), de İnspectie, een Kelvin-teken: 5 K.",
    "Een brief zonder een van deze woorden.",
]


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("text", TEXTS)
def test_needles_never_skip_a_match(pattern: str, text: str) -> None:
    compiled = re.compile(pattern)
    if compiled.search(text):
        assert may_match(compiled, text)
        assert may_match(compiled, text, text.lower())


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (PATTERNS[0], "Een brief over de begroting."),
        (PATTERNS[2], "Een motie van het lid Jansen (in kleine letters)."),
        (PATTERNS[3], "Geachte voorzitter, hierbij de brief."),
    ],
)
def test_needles_skip_a_text_without_the_words(pattern: str, text: str) -> None:
    assert needles(re.compile(pattern)) is not None
    assert not may_match(re.compile(pattern), text)


def test_needles_window_limits_the_search() -> None:
    compiled = re.compile(r"(?i)\bgehoord\b")
    text = "gehoord aan het begin, niet verder"
    assert may_match(compiled, text, None, 0, 10)
    assert not may_match(compiled, text, None, 5, len(text))


def test_needles_unsafe_fold_list_is_complete() -> None:
    """Every character outside ASCII that (?i) takes for an ASCII letter is in UNSAFE_FOLD."""
    letter = re.compile(r"(?i)[a-z]")
    found = {
        chr(i)
        for i in range(128, 0x110000)
        if not 0xD800 <= i < 0xE000
        and letter.match(chr(i))
        and chr(i).lower() not in "abcdefghijklmnopqrstuvwxyz"
    }
    assert found <= set(UNSAFE_FOLD)


@pytest.mark.parametrize("rule", range(len(_kind_rules())))
def test_needles_of_every_kind_rule_are_sound(rule: int) -> None:
    _name, _where, pattern, also = _kind_rules()[rule]
    for compiled in filter(None, (pattern, also)):
        found = needles(compiled)
        if found is None:
            continue
        for text in TEXTS:
            if compiled.search(text):
                assert found.may_match(text)


def test_needles_fold_unsafe_list_is_complete() -> None:
    """Outside FOLD_UNSAFE, (?i) on a character equals plain matching on its lower case."""
    sre = pytest.importorskip("_sre")
    compiler = pytest.importorskip("re._compiler")
    extra = {k for k in compiler._EXTRA_CASES} | {
        v for vs in compiler._EXTRA_CASES.values() for v in vs
    }
    missing = []
    for i in range(128, 0x110000):
        if 0xD800 <= i < 0xE000:
            continue
        ch, low = chr(i), chr(sre.unicode_tolower(i))
        word_changes = (ch.isalnum() or ch == "_") != (low.isalnum() or low == "_")
        if ord(low) in extra or ch.lower() != low or word_changes:
            missing.append(ch)
    assert set(missing) <= set(FOLD_UNSAFE)
    assert fold_safe("Een gewone Nederlandse tekst met é, ë en ç.")
    assert not fold_safe("Een tekst met een Griekse Σ.")

"""Small text helpers shared by the link stage: folding, content words, similarity."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

# Dutch (and a few English) function words and words every government letter uses: they say
# nothing about the subject of a commitment.
STOPWORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "of",
        "van",
        "voor",
        "aan",
        "in",
        "op",
        "met",
        "over",
        "bij",
        "door",
        "naar",
        "uit",
        "om",
        "te",
        "tot",
        "als",
        "dan",
        "dat",
        "die",
        "dit",
        "deze",
        "zijn",
        "is",
        "wordt",
        "worden",
        "werd",
        "zal",
        "zullen",
        "kan",
        "kunnen",
        "moet",
        "moeten",
        "heeft",
        "hebben",
        "had",
        "ook",
        "nog",
        "niet",
        "geen",
        "wel",
        "er",
        "hier",
        "daar",
        "waar",
        "wat",
        "wie",
        "hoe",
        "ik",
        "wij",
        "we",
        "u",
        "uw",
        "zij",
        "ze",
        "hij",
        "zich",
        "mijn",
        "ons",
        "onze",
        "hun",
        "haar",
        "hem",
        "men",
        "al",
        "meer",
        "zo",
        "naast",
        "over",
        "onder",
        "tegen",
        "tussen",
        "binnen",
        "zonder",
        "sinds",
        "tijdens",
        "voorafgaand",
        "nieuwe",
        "nieuw",
        "kamer",
        "kabinet",
        "regering",
        "minister",
        "staatssecretaris",
        "brief",
        "informeren",
        "inzet",
        "nederland",
        "nederlandse",
        "tijdig",
        "zo",
        "snel",
        "mogelijk",
        "graag",
        "verder",
        "reeds",
        "eerder",
        "later",
        "nader",
        "the",
        "of",
        "and",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
    ]
)
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without diacritics: ``'Oekraïne'`` -> ``'oekraine'``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def content_words(text: str | None) -> set[str]:
    """The words of ``text`` that carry its subject (folded, no stop words, >= 3 letters)."""
    if not text:
        return set()
    return {w for w in _WORD.findall(fold(text)) if w not in STOPWORDS}


def similarity(a: str | None, b: str | None) -> float:
    """How well ``b`` covers the subject ``a``, 0..1: share of a's content words found in b,
    or rapidfuzz's token-set ratio when that is higher (it forgives small spelling variants)."""
    if not a or not b:
        return 0.0
    words_a, words_b = content_words(a), content_words(b)
    if not words_a:
        return 0.0
    share = len(words_a & words_b) / len(words_a)
    ratio = fuzz.token_set_ratio(" ".join(sorted(words_a)), " ".join(sorted(words_b))) / 100
    return max(share, ratio if len(words_a) > 1 else 0.0)


__all__ = ["STOPWORDS", "content_words", "fold", "similarity"]

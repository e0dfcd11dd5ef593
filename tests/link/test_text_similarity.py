"""Subject similarity: content words shared, accents and stop words ignored."""

from __future__ import annotations

import pytest

from kamerlens.link.text import content_words, similarity


def test_text_content_words_drop_stopwords_and_accents() -> None:
    assert content_words("De steun aan Oekraïne voor de winter") == {"steun", "oekraine", "winter"}


@pytest.mark.parametrize(
    ("subject", "title", "low", "high"),
    [
        (
            "de Nederlandse inzet voor de nieuwe Defence Investment Pledge",
            "Nederlandse inzet voor de Defence Investment Pledge",
            0.99,
            1.0,
        ),
        (
            "de Nederlandse inzet voor de nieuwe Defence Investment Pledge",
            "Stand van zaken stikstofbeleid",
            0.0,
            0.4,
        ),
        (
            "bescherming van kritieke infrastructuur",
            "Kritieke infrastructuur op de Noordzee",
            0.6,
            1.0,
        ),
        (None, "iets", 0.0, 0.0),
    ],
)
def test_text_similarity_range(subject, title, low: float, high: float) -> None:
    assert low <= similarity(subject, title) <= high

"""Sentence boundaries on real prose: abbreviations, initials and footnote markers."""

from __future__ import annotations

import pytest

from kamerlens.extract.sentences import split


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "De motie van het lid Valstar c.s. is aangenomen. Nederland steunt dat.",
            ["De motie van het lid Valstar c.s. is aangenomen.", "Nederland steunt dat."],
        ),
        (
            "De Minister van Buitenlandse Zaken, W.B. Hoekstra tekende. Daarna volgde de Top.",
            ["De Minister van Buitenlandse Zaken, W.B. Hoekstra tekende.", "Daarna volgde de Top."],
        ),
        (
            "uitvoering te geven aan de motie van het lid Valstar c.s.¹ Internationale samenwerking"
            " is essentieel.",
            [
                "uitvoering te geven aan de motie van het lid Valstar c.s.¹",
                "Internationale samenwerking is essentieel.",
            ],
        ),
        (
            "Zie Kamerstuk 28 676, nr. 434. Het kabinet zal u d.d. 1 juli informeren.",
            ["Zie Kamerstuk 28 676, nr. 434.", "Het kabinet zal u d.d. 1 juli informeren."],
        ),
        (
            "Nederland heeft EUR 1,6 miljard geleverd.² Nederland riep op.",
            ["Nederland heeft EUR 1,6 miljard geleverd.²", "Nederland riep op."],
        ),
        (
            "Eerste alinea zonder punt\n\nTweede alinea.",
            ["Eerste alinea zonder punt", "Tweede alinea."],
        ),
    ],
)
def test_sentences_split_real_prose(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split(text)] == expected

"""Plain text: UTF-8 (with or without BOM), UTF-16 with BOM, cp1252 as fallback."""

from __future__ import annotations

import pytest

from kamerlens.ingest import read

SENTENCE = "De ministeriële bijeenkomst in Oekraïne kostte € 25 mln – “te veel”."


@pytest.mark.parametrize(
    "data",
    [
        SENTENCE.encode("utf-8"),
        b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"),
        SENTENCE.encode("utf-16"),
        SENTENCE.encode("cp1252"),
    ],
)
def test_text_decode_encodings(data):
    raw = read(data, name="brief.txt")
    assert raw.format == "text"
    assert raw.text == SENTENCE
    assert not raw.structured


def test_text_decode_line_ends_unified():
    raw = read(b"Eerste regel\r\nTweede regel\rDerde", name="x")
    assert raw.text == "Eerste regel\nTweede regel\nDerde"


def test_text_decode_keeps_hash_and_bytes():
    data = b"Kamerstuk 28 676, nr. 434"
    raw = read(data, name="x")
    assert raw.data == data
    assert len(raw.sha256) == 64

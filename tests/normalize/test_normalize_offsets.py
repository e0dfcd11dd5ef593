"""The offset map leads every character of the normalized text back to the same source character."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kamerlens.ingest import RawDocument
from kamerlens.normalize import normalize

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

words = st.sampled_from(
    [
        "NAVO",
        "bondge-",
        "noten",
        "Kamerstuk",
        "28",
        "676,",
        "nr.",
        "434",
        "geleverd.1",
        "de",
        "Oekraïne",
        "EU-",
        "landen",
        "data-",
        "en",
        "Sessie",
        "3:",
        "1",
        "2",
        "Pledge.2",
        "zee-",
        "egel",
        "VERSLAG",
        "VAN",
        "-",
        "–",
        "(n.a.v.",
        "Boswijk2).",
    ]
)
separators = st.sampled_from([" ", " ", " ", "  ", "\n", "\n", "\n\n", " \n", "\f", "\n \n"])
texts = st.lists(st.tuples(words, separators), max_size=80).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)


def _check(text: str) -> None:
    raw = RawDocument(source="t", data=text.encode(), sha256="", format="text", text=text)
    norm = normalize(raw)
    for i, char in enumerate(norm.text):
        if char.isspace():
            continue
        source = raw.text[norm.offsets.to_source(i)]
        if char in SUPERSCRIPTS:  # a footnote marker: the same digit, superscripted
            assert source in (char, str(SUPERSCRIPTS.index(char)))
        else:
            assert source == char, (i, char, source)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_normalize_offsets_map_back_to_source(text):
    _check(text)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300))
@settings(max_examples=200, deadline=None)
def test_normalize_offsets_arbitrary_text(text):
    _check(text.translate(str.maketrans("\t\xa0\x02\xad\u2007\u2009\u202f\v", "        ")))


def test_normalize_offsets_seed(seed_004):
    from kamerlens.ingest import read

    raw = read(seed_004)
    norm = normalize(raw)
    for note in norm.footnotes:
        source = norm.offsets.to_source(note.start)
        assert raw.text[source : source + 12] == note.text[:12]
    at = norm.text.index("bondgenoten") if "bondgenoten" in norm.text else None
    assert at is None or raw.text[norm.offsets.to_source(at)] == "b"

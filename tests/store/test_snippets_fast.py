"""The snippets' fast path (text folded to one byte per character, literal patterns) finds
exactly the matches of the other path (character classes over lower-cased text), on real
documents and on text made of the characters where the two could part: accents, letters that
fold to nothing, footnote digits, ligatures, letters whose lower case is longer."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kamerlens.errors import QueryError
from kamerlens.store.query import parse
from kamerlens.store.sqlite.snippets import _find, snippet

REAL = sorted((Path(__file__).parent.parent / "real" / "docs").glob("*.txt"))
QUERIES = [
    "oekraine",
    "Oekraïne",
    "minister*",
    '"vitale infrastructuur"',
    "kamer OR regering",
    "steun NOT navo",
    "NEAR(motie regering, 5)",
    "financiën",
    "c.s.",
    "2023",
    "ideeën",
    "veiligheid*",
    "e",
]
ALPHABET = "abeiknorsz ABEKNO.,-_'\"0129éëïöÉËÏÖøØßæœﬁİΣσςǅ¹²«»–€’\u0308\u00a0Kµ"
WORDS = ["oekraine", "ære", "søren", "e", "navo", "x", "q", "2", "¹", "ﬁn", "fin", "σος", "ij", "k"]


@pytest.mark.parametrize("query", QUERIES)
def test_snippets_fast_path_same_matches_on_real_documents(query: str) -> None:
    node = parse(query)
    found = 0
    for doc in REAL:
        text = doc.read_text("utf-8")
        fast = _find(node, text)
        assert fast == _find(node, text, fast_path=False), doc.name
        found += len(fast[0])
    if query not in ("c.s.", "2023", "e"):
        assert found, "the query should match somewhere in the real documents"


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(alphabet=ALPHABET, max_size=80),
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=2),
    form=st.sampled_from(["{a}", "{a}*", '"{a} {b}"', "{a} OR {b}", "{a} NOT {b}"]),
)
def test_snippets_fast_path_same_matches_on_awkward_characters(
    text: str, words: list[str], form: str
) -> None:
    try:
        node = parse(form.format(a=words[0], b=words[-1]))
    except QueryError:
        return
    assert _find(node, text) == _find(node, text, fast_path=False)


def test_snippets_fast_path_marks_accented_forms_and_escapes() -> None:
    text = "De <b>steun</b> aan Oekraïne en OEKRAINE blijft; ﬁnanciën¹ volgen."
    out = snippet(parse("oekraine steun*"), "", text)
    assert "<mark>Oekraïne</mark>" in out and "<mark>OEKRAINE</mark>" in out
    assert "<mark>steun</mark>" in out and "&lt;b&gt;" in out and "<b>" not in out

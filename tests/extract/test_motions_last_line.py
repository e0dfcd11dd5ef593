"""The line above a motion text is found without a search over the whole text per motion."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from kamerlens.extract.motions import _last_line_start

LAST_LINE = re.compile(r"([^\n]+)\n\s*$")  # what it replaces: correct, but quadratic in a debate


@given(st.text(alphabet="ab \n\t", max_size=40))
def test_motions_last_line_same_as_the_pattern(before: str) -> None:
    m = LAST_LINE.search(before)
    assert _last_line_start(before) == (m.start(1) if m else None)

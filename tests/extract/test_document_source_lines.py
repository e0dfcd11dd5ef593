import re

import pytest

from kamerlens.extract._document_source import search_lines
from kamerlens.extract.document import _labelled_signer_re, _signer_re

TEXTS = [
    "De Minister van Defensie, H.M. de Jonge\n",
    "Hierbij.\nDe Minister van Defensie, H.M. de Jonge\nslot",
    "Geen ondertekening hier.\nNog een regel\n",
    "Griffier: J.A. de Vries\n",
    "tekst\n\nGriffier: J.A. de Vries\n",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("pattern", [_signer_re(), _labelled_signer_re(), re.compile(r"(?m)^N")])
def test_document_source_search_lines_same_groups(pattern: re.Pattern[str], text: str) -> None:
    found, expected = search_lines(pattern, text), pattern.search(text)
    assert (found is None) == (expected is None)
    if found and expected:
        assert found.groupdict() == expected.groupdict()
        assert found.end() == expected.end()


def test_document_source_search_lines_needs_a_line_start() -> None:
    with pytest.raises(ValueError):
        search_lines(re.compile("x"), "x")

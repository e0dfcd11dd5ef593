"""The shared label vocabulary: a PDF's label line (ingest) and a turn (extract) agree."""

from __future__ import annotations

import pytest

from kamerlens.extract.turns import find_turns
from kamerlens.labels import is_label_line, label_re, ministries

_LINES = [
    ("Minister Adema:", True),
    ("De voorzitter:", True),
    ("Mevrouw Van der Plas (BBB):", True),
    ("Kamerlid Kostić (PvdD):", True),
    ("Staatssecretaris Van der Burg:", True),
    ("Minister van Financiën:", False),  # a title heading a list of portfolios
    ("Staatssecretaris van Fiscaliteit en Belastingdienst:", False),
    ("De minister zegt:", False),  # speech quoting, no label
    ("De heer Van Campen zei:", False),
    ("Voorzitter, ik heb me bedacht:", False),
]


@pytest.mark.parametrize(("line", "label"), _LINES)
def test_labels_line_is_a_label(line: str, label: bool) -> None:
    assert is_label_line(line) is label


@pytest.mark.parametrize(("line", "label"), _LINES)
def test_labels_ingest_and_turns_agree(line: str, label: bool) -> None:
    """A line that ingest marks as a label opens a turn in extract, and no other line does."""
    text = f"De voorzitter:\nHet woord is aan u.\n{line}\nDank u.\nDe heer Dassen (Volt):\nJa."
    assert len(find_turns(text)) == (3 if is_label_line(line) else 2)


def test_labels_a_name_stays_on_its_line() -> None:
    assert label_re().match("Minister Weerwind\nDe Voorzitter:") is None
    assert label_re().match("Mevrouw Van der\nPlas (BBB):") is None


def test_labels_ministries_are_read_without_comments() -> None:
    names = ministries()
    assert "Financiën" in names and "Binnenlandse Zaken en Koninkrijksrelaties" in names
    assert not any(n.startswith("#") for n in names)

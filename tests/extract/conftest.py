"""Shared by the extraction tests: a minister's turn of a debate, extracted whole."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kamerlens.extract import extract
from kamerlens.models import Record


def _minister_says(turn: str) -> Record:
    """``turn`` spoken by a minister between the chair and a member, as Handelingen print it."""
    text = (
        "De voorzitter:\nHet woord is aan de minister.\n\n"
        f"Minister Van der Berg:\n{turn}\n\n"
        "De heer Jansen (CDA):\nDank u wel, voorzitter.\n"
    )
    return extract(text.encode(), name="handelingen.txt")


@pytest.fixture
def minister_says() -> Callable[[str], Record]:
    return _minister_says

"""The references scan tries its patterns only near their literal ("amerstuk", "Handelingen"):
it must find exactly what a scan of the whole text with each pattern finds."""

from __future__ import annotations

import pytest

from kamerlens.extract.references import _scanners, find

PASSAGES = [
    "Zie Aanhangsel van de Handelingen II 2019/20, nr. 1234 en Handelingen II 2019/20, nr. 89, "
    "item 5. Eerder (Kamerstuk 28 676, nr. 434; Kamerstukken II 2020/21, 35 570-IX, nr. 14) en "
    "kst-36200-X-26.",
    "Aanhangsel\nvan de Handelingen II 2022/23, nr. 1312. Kamerstukken 22 054 en 36 045, nr. 390. "
    "kamerstukken die niet geciteerd worden, Kamerstukken I 2023/24, 36 216, C.",
    "Handelingen zonder jaar. Kamerstuk zonder nummer. Kamerstukkenlijst 2024.",
]


def _full_scan(text: str) -> list[tuple[int, int]]:
    """The citations a scan of the whole text with every pattern reads: of overlapping matches
    the earliest (then the stronger pattern), as find() keeps them."""
    found = sorted(
        (m.start(), order, m.end())
        for order, (_, pattern) in enumerate(_scanners())
        for m in pattern.finditer(text)
    )
    kept, taken = [], -1
    for start, _, end in found:
        if start >= taken:
            kept.append((start, end))
            taken = end
    return kept


@pytest.mark.parametrize("text", PASSAGES)
def test_references_scan_anchored_equals_full(text: str) -> None:
    assert sorted({(r.start, r.end) for r in find(text)}) == _full_scan(text)

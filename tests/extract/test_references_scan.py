"""The references scan tries its patterns only near their literal ("amerstuk", "Handelingen") or
where a cheaper pattern starts (digits for a bare citation, "30569-" for a compact one): it
must find exactly what a scan of the whole text with each pattern finds."""

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
    # bare and compact citations: a dossier inside a longer number, after a letter, a dot or a
    # slash, overlapping another, in digits of another script, split over a line break
    "(28 676, nr. 417) en 12 34567, nr. 5; ab12345, nr. 4; 1.23456, nr. 2; 3/12345, nr. 1; "
    "29 754, nrs. 520 en 548; \u0663\u0664\u0665\u0666\u0667, nr. 3 en 31200 XI, nr. 65.",
    "Nota van wijziging - 30569-8, 21501-07-1398, 34417-(R2068)-7, documenten 31544-8 en "
    "31544-9; 21501-20 en 21501-20-3; \u20ac 12345-6; 123456-7; 23456-\n12 en 2345-12345-6.",
    # number first, session years, chamber first: tried only where "nr", "Zitting", "TK" are
    "Zij krijgt nr. 1136 (32847). Nrs. 38 en 39 (36 410 VI), motie nummer 189 (29502), innr. 4 "
    "(12345); Zitting 1958\u20131959 \u2013 5380, nr. 3, vergaderjaar 1986-1987, 19 700, nr. 33; "
    "(TK, '91-'92, 21 501 -17, nummer 15), (TK 1991\u20131992, 22 300 XVI, nr. 61), ETK 1991/92.",
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

"""Page furniture: running heads and footers, page numbers, the Kamerstuk footer.

Furniture is marked (``Line.kind = "furniture"``), never silently lost: the removed lines are
returned so the document component can read the identity a footer gives
("Tweede Kamer, vergaderjaar 2022–2023, 21 501-02, nr. 2733").
"""

from __future__ import annotations

import re
from collections import defaultdict

from kamerlens.normalize import letterhead
from kamerlens.normalize.lines import Line

# The footer of every printed Kamerstuk; dropped wherever it stands.
# Printed Kamerstukken put "’s-Gravenhage 2022" before it on the last page.
_KAMER_FOOTER = re.compile(
    r"^(?:[’']s-Gravenhage\s+\d{4}\s+)?(?:Tweede|Eerste)\s+Kamer,?\s+(?:vergaderjaar|zitting)"
    r"\s+\d{4}\s*[-–/]\s*\d{2,4},?\s.{0,80}$",
    re.IGNORECASE,
)
# The KOOP identifier, the ISSN and the printer's imprint ("’s-Gravenhage 2023", alone on its line
# when a blank line parts it from the footer) printed at the foot of a Kamerstuk's last page.
_IDENTITY = re.compile(
    r"^(?:kst|stb|stcrt|h-tk|ah-tk|kv-tk|blg)-[\w-]+$|^ISSN\s+\d{4}\s*-\s*\d{3}[\dX]$"
    r"|^[’']s-Gravenhage\s+\d{4}$"
)
# "Pagina 2 van 7", "pagina 2/7", "Page 3 of 9": never running text, dropped anywhere ("P agina
# 9 van 32": a PDF text layer that spaced the capital of the letter's own font).
_PAGE_OF = re.compile(
    r"^(?:p\s?agina|page|blz\.?|p\.)\s*\d{1,4}(?:\s*(?:van|of|/)\s*\d{1,4})?$", re.I
)
# A bare page number ("3", "- 3 -", "3/7"): dropped only at the top or bottom of a page.
_BARE_NUMBER = re.compile(r"^[-–]?\s*\d{1,4}\s*[-–]?$|^\d{1,4}\s*/\s*\d{1,4}$")
_DIGITS = re.compile(r"\d+")
_TRAILING_NUMBER = re.compile(r"\s*\d{1,4}$")
_IDENTITY_FIRST = frozenset("kshabI’'")  # and every form of it holds a "-"
_PAGE_FIRST = frozenset("pPbB")
_EDGE = 6  # how many lines at the top and bottom of a page count as its edge


def mark(lines: list[Line], pages: int) -> list[str]:
    """Mark furniture lines in place; return their texts in order."""
    edges = _edge_indices(lines) if pages > 1 else set()
    repeated = _repeated_keys(lines, edges, pages) if pages > 1 else set()
    found: set[int] = set()
    seeds = letterhead.Seeder(lines)
    initials = seeds.r.initials
    # Only a short line, a line with a "K" (the Kamer footer, a running head) or a "-" (the
    # Kamerstuk's identity) or a line at a page's edge can be furniture or a seed: a list
    # comprehension picks them (it costs less than the loop below over every line).
    some = [
        i
        for i, line in enumerate(lines)
        if line.kind == "body"
        and (len(line.text) <= 60 or "K" in line.text or "-" in line.text or i in edges)
    ]
    for i in some:
        line = lines[i]
        if line.kind != "body" or line.label:
            continue  # a seed marks the line after it too
        text = line.text
        # cheap tests on the first character and a word guard each regular expression
        first = text[0]
        if (
            ("Kamer" in text and _KAMER_FOOTER.match(text))
            or (first in _IDENTITY_FIRST and "-" in text and _IDENTITY.match(text))
            or (first in _PAGE_FIRST and len(text) <= 24 and _PAGE_OF.match(text))
            or (i in edges and (_page_number(text, line.page) or _key(text) in repeated))
        ):
            line.kind = "furniture"
            found.add(i)
        elif "K " in text or (len(text) <= 60 and first in initials):
            seeds.seed(i, found)  # the side column of a letter, a Handelingen running head
    # the side column and letterhead of letters, the Handelingen running head
    letterhead.mark(lines, found)
    return [lines[i].text for i in sorted(found)]


def _page_number(text: str, page: int) -> bool:
    """A bare number near the page's own position ("3" on the third page, "- 4 -")."""
    if not _BARE_NUMBER.match(text):
        return False
    number = int(_DIGITS.search(text).group())  # type: ignore[union-attr]
    return abs(number - (page + 1)) <= 3


def _key(text: str) -> str:
    # A running head differs from page to page only by the page number at its end ("... nr. 2733
    # 2"); masking every number would make footnotes citing the same dossier look alike.
    return _TRAILING_NUMBER.sub("", text.lower())


def _edge_indices(lines: list[Line]) -> set[int]:
    by_page: dict[int, list[int]] = defaultdict(list)
    for i, line in enumerate(lines):
        if line.kind == "body":
            by_page[line.page].append(i)
    edges: set[int] = set()
    for idx in by_page.values():
        edges.update(idx[:_EDGE])
        edges.update(idx[-_EDGE:])
    return edges


def _repeated_keys(lines: list[Line], edges: set[int], pages: int) -> set[str]:
    """Keys of edge lines that recur on at least half of the pages (and on two at least)."""
    seen: dict[str, set[int]] = defaultdict(set)
    for i in edges:
        text = lines[i].text
        if len(text) <= 120 and not _BARE_NUMBER.match(text):
            seen[_key(text)].add(lines[i].page)
    need = max(2, (pages + 1) // 2)
    return {key for key, on in seen.items() if len(on) >= need}

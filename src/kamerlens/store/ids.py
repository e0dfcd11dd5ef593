"""Document ids and Kamerstuk numbers in their canonical forms.

A stored document's id is its KOOP identifier when known (``kst-36180-42``; from the record or
from a file name such as ``kst-36180-42.pdf``), else the first 16 hex digits of its sha256.
Dossiers are canonical as in the record contract: ``36180``, ``21501-02``, ``36200-X``.
"""

from __future__ import annotations

import re
from pathlib import PurePath

# kst-<dossier>[-<suffix>]-<number>; the suffix is a roman numeral, letters or a 2-digit part.
_KST = re.compile(r"\b(kst)-(\d{4,6}(?:-[A-Za-z0-9]{1,6})?)-([A-Za-z0-9]{1,6})\b", re.IGNORECASE)
_DOSSIER = re.compile(r"^\s*(\d{1,3}(?:[ .]?\d{3})+|\d{4,6})(?:\s*[- ]\s*([A-Za-z0-9]{1,6}))?\s*$")


def canonical_dossier(text: str | None) -> str | None:
    """``'21 501-02'`` -> ``'21501-02'``; ``'36200 X'`` -> ``'36200-X'``; junk -> None."""
    if not text:
        return None
    match = _DOSSIER.match(text.replace("\u00a0", " "))
    if not match:
        return None
    base = re.sub(r"[ .]", "", match[1])
    suffix = match[2]
    if suffix is None:
        return base
    return f"{base}-{suffix.upper() if suffix.isalpha() else suffix}"


def parse_target(text: str) -> tuple[str | None, str | None]:
    """A user's ``DOSSIER[/NR]``, ``kst-...`` id or ``36 180, nr. 42`` -> (dossier, number)."""
    text = text.strip()
    kst = _KST.search(text)
    if kst:
        return identifier_parts(kst[0])
    match = re.match(r"^(.*?)(?:\s*(?:/|,\s*nr\.?|\s+nr\.?)\s*([A-Za-z0-9]{1,6}))?\s*$", text)
    if not match:
        return None, None
    return canonical_dossier(match[1]), match[2]


def identifier_parts(identifier: str) -> tuple[str | None, str | None]:
    """``kst-36200-X-26`` -> (``36200-X``, ``26``); anything else -> (None, None)."""
    match = _KST.fullmatch(identifier.strip())
    if not match:
        return None, None
    return canonical_dossier(match[2].replace("-", " ", 1)), match[3]


def identifier_from_name(source: str) -> str | None:
    """The KOOP identifier in a file name (``.../kst-36180-42.pdf``), if any."""
    match = _KST.search(PurePath(source).name)
    if not match:
        return None
    dossier, number = identifier_parts(match[0])
    return make_identifier(dossier, number)


def make_identifier(dossier: str | None, number: str | None) -> str | None:
    if not dossier or not number:
        return None
    return f"kst-{dossier}-{number}"


__all__ = [
    "canonical_dossier",
    "identifier_from_name",
    "identifier_parts",
    "make_identifier",
    "parse_target",
]

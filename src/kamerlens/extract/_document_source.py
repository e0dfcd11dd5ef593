"""What every rule about the document itself reads: its vocabulary (``data/document.toml``),
its metadata, the page furniture the normalizer set apart, and how far its head reaches.

Shared by ``document`` and the modules it composes (``document_date``, ``document_kind``,
``document_title``); of each other, only ``document_kind`` reads ``document_title``'s title-zone
readers (a kind can be named in the title).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from kamerlens.extract.pipeline import Doc

HEAD = 1500  # characters that count as the head of a document (title, kamerstukkop, opening)
TITLE_ZONE = 6000  # where an all-capitals title may stand (after a cover letter)

# The running footer: "Tweede Kamer, vergaderjaar 2022–2023, 21 501-02, nr. 2733"
FOOTER = re.compile(
    r"(?:Tweede|Eerste)\s+Kamer,?\s+(?:vergaderjaar|zitting)\s+\d{4}\s*[-–/]\s*\d{2,4},?\s*(.{5,60})"
)


@cache
def vocabulary() -> dict[str, Any]:
    path = resources.files("kamerlens.extract").joinpath("data/document.toml")
    return tomllib.loads(path.read_text("utf-8"))


def meta(doc: Doc, *keys: str) -> str | None:
    """The first non-empty metadata value under any of ``keys`` (names compared without case)."""
    cached = getattr(doc, "_meta_lower", None)  # asked nine times per document
    if cached is None or cached[0] is not doc.raw.meta:
        data = doc.raw.meta or {}
        cached = (doc.raw.meta, {k.lower(): v for k, v in data.items()})
        doc._meta_lower = cached  # type: ignore[attr-defined]
    lowered = cached[1]
    for key in keys:
        value = lowered.get(key.lower())
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


_LINE_START = "(?m)^"


@cache
def _from_break(pattern: re.Pattern[str]) -> re.Pattern[str]:
    if not pattern.pattern.startswith(_LINE_START):
        raise ValueError(f"not a pattern of a line start: {pattern.pattern[:40]!r}")
    return re.compile("(?m)\n" + pattern.pattern[len(_LINE_START) :], pattern.flags)


def search_lines(
    pattern: re.Pattern[str], text: str, end: int | None = None
) -> re.Match[str] | None:
    """The first match in ``text[:end]`` of a pattern that opens with "(?m)^", read from the line
    breaks (a literal the engine skips to; "^" is tried at every position), the first line apart.
    Its groups are those of ``pattern.search``; after the first line its span holds the line break
    in front."""
    end = len(text) if end is None else end
    after_break = _from_break(pattern)
    return pattern.match(text, 0, end) or after_break.search(text, 0, end)


def furniture_text(doc: Doc) -> str:
    """The lines the normalizer removed as page furniture, one per line (side column, footer)."""
    furniture = getattr(doc.norm, "furniture", None) or ()
    return "\n".join(f if isinstance(f, str) else getattr(f, "text", "") for f in furniture)

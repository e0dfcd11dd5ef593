"""RawDocument -> NormalizedText: clean reading text plus a map back to the source.

The normalized text is the body (paragraphs separated by a blank line, headings on their own
line) followed, after the body, by the footnotes, one per line as ``<number> <text>``. Every span
of every extracted item is an offset into this text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from kamerlens.ingest import RawDocument
from kamerlens.models import Footnote, Section


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in the normalized text back to offsets in ``RawDocument.text``.

    Stored as runs: normalized offset ``norm_starts[i]`` corresponds to raw offset
    ``raw_starts[i]``, and both advance together until the next run.
    """

    norm_starts: tuple[int, ...] = (0,)
    raw_starts: tuple[int, ...] = (0,)

    def to_source(self, pos: int) -> int:
        i = max(bisect_right(self.norm_starts, pos) - 1, 0)
        return self.raw_starts[i] + (pos - self.norm_starts[i])


@dataclass(frozen=True)
class NormalizedText:
    text: str
    body_end: int  # the footnotes block starts here (== len(text) when there are none)
    footnotes: tuple[Footnote, ...] = ()
    sections: tuple[Section, ...] = ()
    offsets: OffsetMap = OffsetMap()


def normalize(raw: RawDocument) -> NormalizedText:
    """PLACEHOLDER: identity; the normalize work replaces this."""
    return NormalizedText(text=raw.text, body_end=len(raw.text))


__all__ = ["NormalizedText", "OffsetMap", "normalize"]

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
    # The document's own title when the layout shows one (a heading in capitals at the top,
    # "VERSLAG VAN DE NAVO MINISTERIËLE BIJEENKOMST ..."), rejoined into one line; its span.
    title: str | None = None
    title_span: tuple[int, int] | None = None
    # Lines dropped as page furniture (running heads, page numbers, the Kamerstuk footer
    # "Tweede Kamer, vergaderjaar 2022–2023, 21 501-02, nr. 2733"): they name the document.
    furniture: tuple[str, ...] = ()


def normalize(raw: RawDocument) -> NormalizedText:
    """Turn a :class:`RawDocument` into clean reading text with footnotes and sections.

    >>> from kamerlens.ingest import read
    >>> raw = read(b"Wij hebben bondge-\\nnoten gesteund.1\\n\\n1 Kamerstuk 36 180, nr. 42\\n")
    >>> norm = normalize(raw)
    >>> norm.text
    'Wij hebben bondgenoten gesteund.¹\\n\\n1 Kamerstuk 36 180, nr. 42'
    >>> norm.footnotes[0].text
    'Kamerstuk 36 180, nr. 42'
    """
    if raw.structured:
        from kamerlens.normalize.structured import normalize_structured

        return normalize_structured(raw)
    from kamerlens.normalize.unstructured import normalize_layout

    return normalize_layout(raw)


__all__ = ["NormalizedText", "OffsetMap", "normalize"]

"""bytes -> RawDocument: read a file by its content (magic bytes), never by its extension.

``read(path_or_bytes)`` returns a :class:`RawDocument` holding the raw bytes, their sha256, the
detected format, the plain text in reading order and whatever metadata the structure of the
source gives (identifier, dossier, number, title, date, signer ...). Bad input raises
:class:`kamerlens.errors.IngestError` with a one-line message naming the file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from kamerlens.errors import IngestError


@dataclass(frozen=True)
class RawNote:
    """A footnote given by the structure of the source (XML); its marker sits in ``text``."""

    number: str
    text: str
    marker_start: int | None = None  # offset of the marker in RawDocument.text


@dataclass(frozen=True)
class RawDocument:
    source: str
    data: bytes
    sha256: str
    format: str  # text | pdf | docx | html | xml-kamerstuk | xml-publication | xml-metadata | vlos
    text: str  # plain text in reading order; PDF pages are separated by "\f"
    meta: dict[str, str] = field(default_factory=dict)
    notes: tuple[RawNote, ...] = ()  # footnotes lifted by the parser (structured sources)
    headings: tuple[str, ...] = ()  # section headings known from the structure
    structured: bool = False  # True when paragraphs/headings/notes come from markup, not layout
    pages: int | None = None
    # Offsets in ``text`` where a speaker label line of a debate starts ("Minister Adema:"),
    # when the layout shows it (a PDF prints the speaker's name in bold).
    labels: tuple[int, ...] = ()
    # Offsets in ``text`` of lines that open in bold or in type larger than the running text.
    strong: tuple[int, ...] = ()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_bytes(source: str | Path) -> bytes:
    """Read a file (or ``-`` for standard input) with a clear error when it cannot be read."""
    import sys

    name = str(source)
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    if not path.exists():
        raise IngestError("no such file", source=name)
    if path.is_dir():
        raise IngestError("is a folder, not a file", source=name)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot be read ({exc.strerror or exc})", source=name) from exc


def read(source: str | Path | bytes, *, name: str | None = None) -> RawDocument:
    """Read one document from a path, ``-`` (stdin) or raw bytes.

    >>> doc = read(b"Hierbij bied ik u het verslag aan.", name="brief.txt")
    >>> doc.format, doc.text[:7]
    ('text', 'Hierbij')
    """
    if isinstance(source, bytes):
        data, label = source, name or "<bytes>"
    else:
        label = name or ("<stdin>" if str(source) == "-" else str(source))
        data = load_bytes(source)
    from kamerlens.ingest.sniff import parse

    return parse(data, label)


__all__ = ["RawDocument", "RawNote", "load_bytes", "read", "sha256_hex"]

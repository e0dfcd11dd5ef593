"""Word (.docx) -> text: paragraphs, headings by their style, tables as lines, footnotes lifted.

The Tweede Kamer serves many letters and motions as Word files. python-docx opens the package
and gives the paragraphs with their styles; the body is walked in document order (paragraphs and
tables as they stand), and each ``w:footnoteReference`` leaves its marker in the text while the
footnote's own text (``word/footnotes.xml``) becomes a lifted note, exactly as the XML readers do,
so a Word file yields the same shape of record and offsets as the other formats.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from kamerlens.errors import IngestError
from kamerlens.ingest import RawDocument, sha256_hex
from kamerlens.ingest.blocks import NOTE_MARK, Writer, tidy

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
MAX_UNPACKED = 256 * 1024 * 1024  # a zip bomb is refused before any part is inflated
# Heading styles in English and Dutch Word ("Heading 1", "Kop 1", "Title", "Titel")
_HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*\d|^(?:title|titel)$", re.I)
_FOOTNOTES_REL = "/footnotes"


def is_docx(data: bytes) -> bool:
    """True for a ZIP package holding ``word/document.xml`` (a Word document)."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _check_size(data: bytes, source: str) -> set[str]:
    """The part names of the package, after checking that it does not unpack too large."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            total = sum(info.file_size for info in infos)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise IngestError(f"malformed Word file ({exc})", source=source) from exc
    if total > MAX_UNPACKED:
        raise IngestError(
            f"Word file unpacks to {total} bytes (more than {MAX_UNPACKED})", source=source
        )
    return {info.filename for info in infos}


def _note_texts(document: object) -> dict[str, str]:
    """Footnote id -> its text, from the footnotes part (separators have negative/low ids)."""
    part = document.part  # type: ignore[attr-defined]
    for rel in part.rels.values():
        if rel.reltype.endswith(_FOOTNOTES_REL) and not rel.is_external:
            parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
            root = etree.fromstring(rel.target_part.blob, parser)
            out: dict[str, str] = {}
            for note in root.iter(f"{_W}footnote"):
                kind = note.get(f"{_W}type")
                if kind in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                paras = [tidy(_run_text(p, None)) for p in note.iter(f"{_W}p")]
                out[note.get(f"{_W}id") or ""] = " ".join(p for p in paras if p)
            return out
    return {}


def _run_text(p: etree._Element, notes: list[str] | None) -> str:
    """The reading text of one ``w:p``; footnote references become NOTE_MARK (ids in ``notes``)."""
    out: list[str] = []
    for el in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}footnoteReference"):
        tag = el.tag
        if tag == f"{_W}t":
            out.append(el.text or "")
        elif tag == f"{_W}footnoteReference":
            if notes is not None:
                notes.append(el.get(f"{_W}id") or "")
                out.append(NOTE_MARK)
        else:
            out.append(" ")
    return "".join(out)


def _style_name(p: etree._Element, styles: dict[str, str]) -> str:
    style = p.find(f"{_W}pPr/{_W}pStyle")
    style_id = style.get(f"{_W}val") if style is not None else None
    return styles.get(style_id or "", style_id or "")


def _is_heading(p: etree._Element, styles: dict[str, str]) -> bool:
    if _HEADING_STYLE.match(_style_name(p, styles)):
        return True
    level = p.find(f"{_W}pPr/{_W}outlineLvl")
    return (
        level is not None
        and (level.get(f"{_W}val") or "9").isdigit()
        and int(level.get(f"{_W}val") or "9") < 9
    )


# Elements that only wrap others (content controls, custom XML): walked through.
_WRAPPERS = frozenset(f"{_W}{name}" for name in ("sdt", "sdtContent", "customXml"))


def _own(parent: etree._Element, name: str) -> list[etree._Element]:
    """The ``w:<name>`` children of ``parent`` (through wrappers), not those of a table nested
    inside it: ``iter`` would read a nested table's rows and cells again as the outer's own."""
    out: list[etree._Element] = []
    for child in parent:
        if child.tag == f"{_W}{name}":
            out.append(child)
        elif child.tag in _WRAPPERS:
            out += _own(child, name)
    return out


def _cell_texts(cell: etree._Element, ids: list[str]) -> list[str]:
    """The texts of a cell in reading order: its paragraphs, and a nested table's cells inline."""
    out: list[str] = []
    for child in cell:
        if child.tag == f"{_W}p":
            out.append(_run_text(child, ids))
        elif child.tag == f"{_W}tbl":
            for row in _own(child, "tr"):
                for inner in _own(row, "tc"):
                    out += _cell_texts(inner, ids)
        elif child.tag in _WRAPPERS:
            out += _cell_texts(child, ids)
    return out


class _Renderer:
    def __init__(self, styles: dict[str, str], note_texts: dict[str, str]) -> None:
        self.out = Writer()
        self.styles = styles
        self.note_texts = note_texts
        self.numbers: dict[str, str] = {}  # footnote id -> its number in reading order

    def _notes(self, ids: list[str]) -> list[tuple[str, str]]:
        pairs = []
        for note_id in ids:
            number = self.numbers.setdefault(note_id, str(len(self.numbers) + 1))
            pairs.append((number, self.note_texts.get(note_id, "")))
        return pairs

    def paragraph(self, p: etree._Element, sep: str = "\n\n") -> None:
        ids: list[str] = []
        text = _run_text(p, ids)
        if _is_heading(p, self.styles) and not ids:
            self.out.heading(text)
        else:
            self.out.para(text, self._notes(ids), sep=sep)

    def table(self, tbl: etree._Element) -> None:
        first = True
        for row in _own(tbl, "tr"):
            cells: list[str] = []
            ids: list[str] = []
            for cell in _own(row, "tc"):
                text = tidy(" ".join(_cell_texts(cell, ids)))
                if text.replace(NOTE_MARK, ""):
                    cells.append(text)
            self.out.para(" | ".join(cells), self._notes(ids), sep="\n\n" if first else "\n")
            first = False

    def walk(self, body: etree._Element) -> None:
        for child in body:
            if child.tag == f"{_W}p":
                self.paragraph(child)
            elif child.tag == f"{_W}tbl":
                self.table(child)
            elif child.tag == f"{_W}sdt":  # a content control wraps paragraphs of its own
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    self.walk(content)


def parse_docx(data: bytes, source: str) -> RawDocument:
    """Read a Word document; a damaged package is an IngestError naming ``source``."""
    names = _check_size(data, source)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        styles = {s.style_id: s.name or "" for s in document.styles}
        note_texts = _note_texts(document)
        body = document.element.body
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise IngestError(f"malformed Word file ({exc})", source=source) from exc
    except (AttributeError, TypeError) as exc:  # python-docx meeting parts it does not expect
        raise IngestError(f"malformed Word file ({type(exc).__name__})", source=source) from exc
    except etree.XMLSyntaxError as exc:
        raise IngestError(f"malformed Word file (bad XML: {exc})", source=source) from exc
    renderer = _Renderer(styles, note_texts)
    renderer.walk(body)
    text = renderer.out.text()
    if not text.strip():
        raise IngestError("not a document (Word file without text)", source=source)
    meta: dict[str, str] = {}
    # without a core-properties part python-docx makes up a default title ("Word Document")
    title = tidy(document.core_properties.title or "") if "docProps/core.xml" in names else ""
    if title:
        meta["title"] = title
    elif renderer.out.headings:
        meta["title"] = renderer.out.headings[0]
    return RawDocument(
        source=source,
        data=data,
        sha256=sha256_hex(data),
        format="docx",
        text=text,
        meta=meta,
        notes=tuple(renderer.out.notes),
        headings=tuple(renderer.out.headings),
        structured=True,
    )


__all__ = ["is_docx", "parse_docx"]

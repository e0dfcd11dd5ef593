"""Official-publication XML (Kamerstuk, Staatsblad, Staatscourant, Gemeenteblad ...) -> text.

All publications of KOOP share one element vocabulary: ``<al>`` paragraphs, ``<kop>``/``<titel>``
headings, ``<lijst>``/``<li>`` lists, ``<noot type="voet">`` footnotes, ``<ondertekening>``
signatures and CALS tables. A Kamerstuk adds ``<kamerstukkop>``, ``<dossier>`` with
``<dossiernummer>/<dossiernr>`` and ``<stuk>`` with ``<stuknr>/<ondernummer>``; those give the
document's identity (``kst-36180-42``).
"""

from __future__ import annotations

import re

from lxml import etree

from kamerlens.errors import IngestError
from kamerlens.ingest import RawDocument, RawNote, sha256_hex
from kamerlens.ingest.blocks import NOTE_MARK, Writer, tidy
from kamerlens.ingest.xml import local

# Elements whose content is not reading text.
_SKIP = frozenset(
    {
        "metadata",
        "meta",
        "plaatje",
        "illustratie",
        "kamerstukkop",
        "stuknr",
        "dossiernummer",
        "colspec",
        "spanspec",
        "noot.nr",
        "li.nr",
        "lidnr",
        "nootref",
        "kenmerk",
    }
)
_HEADINGS = frozenset({"kop", "titel", "tussenkop", "intitule", "subtitel", "opschrift"})
_PARAS = frozenset(
    {
        "al",
        "considerans.al",
        "wij",
        "aanhef",
        "slotformule",
        "afkondiging",
        "dagtekening",
        "slotzin",
        "koning",
        "onderwerp",
        "naam-brief",
        "datumtekst",
        "inhoud",
        "tekst-inleiding",
    }
)
_PARTS = frozenset({"label", "nr", "titel", "subtitel"})  # parts of a heading, read apart
_BLOCKS = frozenset({"lijst", "li", "divisie", "tekst", "table", "tgroup", "artikel", "lid"})
_INLINE = frozenset(
    {
        "nadruk",
        "extref",
        "intref",
        "sup",
        "inf",
        "afk",
        "afkorting",
        "unl",
        "redactioneel",
        "noot",
        "voetnoot",
        "nootref",
        "citaat",
        "term",
        "extref-groep",
    }
)
_NOTES = frozenset({"noot", "voetnoot"})
_ROWS = frozenset({"row", "tr"})
_KIND_WORDS = (
    ("motie", "motie"),
    ("gewijzigde motie", "motie"),
    ("amendement", "amendement"),
    ("brief", "brief"),
    ("verslag", "verslag"),
    ("lijst van vragen", "lijst van vragen"),
    ("nota naar aanleiding", "nota naar aanleiding van het verslag"),
    ("nota van wijziging", "nota van wijziging"),
    ("memorie van toelichting", "memorie van toelichting"),
    ("voorstel van wet", "wetsvoorstel"),
    ("advies", "advies raad van state"),
    ("antwoord", "antwoorden op kamervragen"),
    ("besluit", "besluit"),
)
_IDENT = re.compile(
    r"\b((?:kst|stb|stcrt|gmb|prb|wsb|bgr|trb|h-tk|h-ek|ah-tk|ah-ek|kv-tk|blg)-[\w.-]+?)"
    r"(?:/|\.xml|\.html|$)"
)
_DOSSIER = re.compile(r"^(\d[\d ]*\d)(?:\s*[-–]?\s*(\(R\s?\d+\)|(?:[A-Z]{1,5}|\d{1,2})\b))?")


def canonical_dossier(text: str) -> str | None:
    """'36 200 X' -> '36200-X', '21 501-02' -> '21501-02', '36180' -> '36180'."""
    m = _DOSSIER.match(tidy(text))
    if m is None:
        return None
    number = m.group(1).replace(" ", "")
    suffix = (m.group(2) or "").replace(" ", "")
    return f"{number}-{suffix}" if suffix else number


def _inline(el: etree._Element, notes: list[tuple[str, str]], spaced: bool = False) -> str:
    """The reading text of ``el``; footnotes leave NOTE_MARK and go into ``notes``."""
    out = [_significant(el.text, el[0] if len(el) else None)]
    for child in el:
        name = local(child.tag)
        if name in _NOTES:
            number = tidy(_first_text(child, "noot.nr") or child.get("nr") or str(len(notes) + 1))
            notes.append((number, _note_text(child)))
            out.append(NOTE_MARK)
        elif name in _SKIP:
            pass
        elif name == "br":
            out.append(" ")
        elif spaced and name in _PARTS:
            out.append(f" {_inline(child, notes)} ")
        elif name:
            out.append(_inline(child, notes))
        out.append(_significant(child.tail, child))
    return "".join(out)


def _significant(text: str | None, neighbour: etree._Element | None) -> str:
    """Text between elements. White space with a line break is pretty-printing: nothing between
    inline markup ("2" "3" in two <nadruk> is "23"), a space between parts ("Den Haag," "7 ...")."""
    if not text:
        return ""
    if "\n" in text and not text.strip():
        return "" if neighbour is not None and local(neighbour.tag) in _INLINE else " "
    return text


def _note_text(note: etree._Element) -> str:
    parts = [
        _inline(child, [])
        for child in note
        if local(child.tag) not in ("noot.nr",) and isinstance(child.tag, str)
    ]
    return tidy(" ".join(parts) if parts else "".join(note.itertext()))


def _first_text(el: etree._Element, name: str) -> str | None:
    for found in el.iter():
        if local(found.tag) == name:
            return tidy("".join(found.itertext()))
    return None


class _Renderer:
    def __init__(self) -> None:
        self.out = Writer()
        self.signers: list[tuple[str | None, str | None]] = []
        self.prefix = ""  # a list or lid number waiting for its first paragraph
        self.new_table = False  # the next table row opens a new block

    def walk(self, el: etree._Element) -> None:
        name = local(el.tag)
        if not name or name in _SKIP:
            return
        if name in _NOTES:  # a note outside any paragraph: keep it, without a marker
            number = tidy(_first_text(el, "noot.nr") or str(len(self.out.notes) + 1))
            self.out.notes.append(_raw_note(number, _note_text(el)))
            return
        if name in _HEADINGS:
            notes: list[tuple[str, str]] = []
            self.out.heading(_inline(el, notes, spaced=True))
            for number, text in notes:
                self.out.notes.append(_raw_note(number, text))
            return
        if name in _PARAS:
            self._para(el)
            return
        if name == "ondertekening":
            self._signature(el)
            return
        if name in _ROWS:
            cells = [tidy(_inline(cell, [])) for cell in el if local(cell.tag)]
            self.out.para(" | ".join(c for c in cells if c), sep="\n\n" if self.new_table else "\n")
            self.new_table = False
            return
        if name in ("table", "tgroup"):
            self.new_table = True
        if name in ("li", "lid"):
            label = _first_text(el, "li.nr") if name == "li" else _first_text(el, "lidnr")
            self.prefix = f"{label} " if label else ""
        self._children(el)

    def _children(self, el: etree._Element) -> None:
        blocks = _has_blocks(el)
        if tidy(el.text or "") and not blocks:
            self._para(el)  # mixed content straight in a container: read it as one paragraph
            return
        if tidy(el.text or ""):
            self.out.para(el.text or "")
        for child in el:
            self.walk(child)
            if tidy(child.tail or ""):
                self.out.para(child.tail or "")

    def _para(self, el: etree._Element) -> None:
        if _has_blocks(el):
            self._children(el)  # a container named like a paragraph ("aanhef" with "wij" ...)
            return
        notes: list[tuple[str, str]] = []
        text = _inline(el, notes)
        if self.prefix and tidy(text):
            text, self.prefix = self.prefix + text, ""
        self.out.para(text, notes)

    def _signature(self, el: etree._Element) -> None:
        role = _first_text(el, "functie")
        name_el = next((c for c in el.iter() if local(c.tag) == "naam"), None)
        name = tidy(" ".join(name_el.itertext())) if name_el is not None else None
        self.signers.append((name or None, role or None))
        lines = [tidy(" ".join(child.itertext())) for child in el if local(child.tag)]
        if not lines:
            lines = [tidy(" ".join(el.itertext()))]
        self.out.lines(lines)


def _has_blocks(el: etree._Element) -> bool:
    return any(
        local(c.tag) in _PARAS or local(c.tag) in _BLOCKS or local(c.tag) in _HEADINGS for c in el
    )


def _raw_note(number: str, text: str) -> RawNote:
    return RawNote(number, text, None)


def parse_publication(root: etree._Element, data: bytes, source: str) -> RawDocument:
    renderer = _Renderer()
    renderer.walk(root)
    text = renderer.out.text()
    if not text.strip():
        raise IngestError(f"not a document (XML <{local(root.tag)}> holds no text)", source=source)
    is_kamerstuk = local(root.tag) == "kamerstuk" or any(
        local(el.tag) == "kamerstuk" for el in root.iter()
    )
    meta = _meta(root, renderer, is_kamerstuk)
    return RawDocument(
        source=source,
        data=data,
        sha256=sha256_hex(data),
        format="xml-kamerstuk" if is_kamerstuk else "xml-publication",
        text=text,
        meta=meta,
        notes=tuple(renderer.out.notes),
        headings=tuple(renderer.out.headings),
        structured=True,
    )


def _meta(root: etree._Element, renderer: _Renderer, is_kamerstuk: bool) -> dict[str, str]:
    meta: dict[str, str] = {}
    for el in root.iter():
        name = local(el.tag)
        if name in ("meta", "metadata") and el.get("name") and el.get("content"):
            meta.setdefault(el.get("name", ""), tidy(el.get("content", "")))
    ident = None
    for value in meta.values():
        m = _IDENT.search(value)
        if m:
            ident = m.group(1)
            break
    ident = meta.get("DC.identifier") or ident
    if is_kamerstuk:
        _kamerstuk_meta(root, meta)
        if meta.get("dossier") and meta.get("number") and not ident:
            ident = f"kst-{meta['dossier']}-{meta['number']}"
    if ident:
        meta["identifier"] = ident
    title = _title(root, is_kamerstuk)
    if title:
        meta["title"] = title
        kind = _kind(title)
        if kind:
            meta["kind"] = kind
    date = _date(root)
    if date:
        meta["date"] = date
    if renderer.signers:
        signer, role = renderer.signers[0]
        if signer:
            meta["signer"] = signer
        if role:
            meta["signer_role"] = role.rstrip(",")
        names = [n for n, _ in renderer.signers if n]
        if len(names) > 1:
            meta["signers"] = "; ".join(names)
    return meta


def _kamerstuk_meta(root: etree._Element, meta: dict[str, str]) -> None:
    dossiers = []
    for el in root.iter():
        name = local(el.tag)
        if name == "dossiernr":
            canonical = canonical_dossier("".join(el.itertext()))
            if canonical and canonical not in dossiers:
                dossiers.append(canonical)
        elif name == "ondernummer" and "number" not in meta:
            meta["number"] = tidy("".join(el.itertext()))
        elif name == "vergaderjaar" and "vergaderjaar" not in meta:
            meta["vergaderjaar"] = tidy("".join(el.itertext()))
    if dossiers:
        meta["dossier"] = dossiers[0]
        if len(dossiers) > 1:
            meta["dossiers"] = ";".join(dossiers)


def _title(root: etree._Element, is_kamerstuk: bool) -> str | None:
    """The document's own title: the stuk's titel, or the first title below the masthead."""
    if is_kamerstuk:
        for el in root.iter():
            if local(el.tag) == "stuk":
                for child in el:
                    if local(child.tag) == "titel":
                        return tidy(" ".join(child.itertext()))
    for el in root.iter():
        name = local(el.tag)
        parent = el.getparent()
        if name == "intitule" or (
            name == "titel"
            and parent is not None
            and parent.getparent() is not None
            and parent.getparent() is not root
        ):
            text = tidy(" ".join(el.itertext()))
            if text:
                return text
    return None


def _kind(title: str) -> str | None:
    lower = title.lower()
    for word, kind in _KIND_WORDS:
        if lower.startswith(word):
            return kind
    return None


def _date(root: etree._Element) -> str | None:
    for el in root.iter():
        iso = el.get("isodatum") if local(el.tag) == "datum" else None
        if iso and re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
            return iso
    return None

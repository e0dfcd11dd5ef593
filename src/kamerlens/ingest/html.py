"""HTML -> text: block elements become paragraphs, ``<h1>``-``<h6>`` headings, table rows lines.

Scripts, styles, forms and navigation are dropped. ``<meta name=... content=...>`` pairs are kept
in the metadata (the HTML of officielebekendmakingen.nl carries ``DC.identifier``,
``OVERHEIDop.dossiernummer`` and friends there), and the title comes from ``DC.title``,
``<title>`` or the first ``<h1>``.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from kamerlens.errors import IngestError
from kamerlens.ingest import RawDocument, sha256_hex
from kamerlens.ingest.blocks import Writer, tidy
from kamerlens.ingest.text import decode

_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "svg",
        "iframe",
        "object",
        "button",
        "select",
        "input",
        "textarea",
        "nav",
        "form",
        "canvas",
        "map",
        "audio",
        "video",
    }
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "li",
        "dd",
        "dt",
        "blockquote",
        "pre",
        "address",
        "figcaption",
        "caption",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "td",
        "th",
        "ul",
        "ol",
        "dl",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "body",
        "html",
        "center",
        "figure",
        "hr",
        "fieldset",
        "details",
        "summary",
    }
    | _HEADINGS
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_IDENT = re.compile(r"\b((?:kst|stb|stcrt|gmb|prb|h-tk|ah-tk|kv-tk|blg)-[\w.-]+?)(?:\.html|/|$)")


def _inline(el: etree._Element) -> str:
    out = [el.text or ""]
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "br":
            out.append(" ")
        elif tag and tag.lower() not in _SKIP:
            out.append(_inline(child))
        out.append(child.tail or "")
    return "".join(out)


def _has_blocks(el: etree._Element) -> bool:
    return any(isinstance(c.tag, str) and c.tag.lower() in _BLOCKS for c in el.iterdescendants())


class _Renderer:
    def __init__(self) -> None:
        self.out = Writer()
        self.new_table = False  # the next table row opens a new block

    def walk(self, el: etree._Element) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag or tag in _SKIP:
            return
        if tag in _HEADINGS:
            self.out.heading(_inline(el))
            return
        if tag == "tr":
            cells = [tidy(_inline(c)) for c in el if isinstance(c.tag, str)]
            self.out.para(" | ".join(c for c in cells if c), sep="\n\n" if self.new_table else "\n")
            self.new_table = False
            return
        if tag == "table":
            self.new_table = True
        if not _has_blocks(el):
            self.out.para(_inline(el))
            return
        # Text and inline elements between block children form paragraphs of their own.
        run = [el.text or ""]
        for child in el:
            ctag = child.tag.lower() if isinstance(child.tag, str) else ""
            if ctag in _BLOCKS or ctag in _SKIP:
                self.out.para("".join(run))
                run = []
                self.walk(child)
            elif ctag == "br":
                self.out.para("".join(run))
                run = []
            elif ctag:
                run.append(_inline(child))
            run.append(child.tail or "")
        self.out.para("".join(run))


def parse_html(data: bytes, source: str) -> RawDocument:
    text = _XML_DECL.sub("", decode(data, source))
    try:
        root = lxml.html.document_fromstring(
            text, parser=lxml.html.HTMLParser(no_network=True, remove_comments=True)
        )
    except (etree.ParserError, ValueError) as exc:
        raise IngestError(f"malformed HTML ({exc})", source=source) from exc
    meta = _meta(root)
    body = root.find("body")
    renderer = _Renderer()
    renderer.walk(body if body is not None else root)
    out = renderer.out.text()
    if not out.strip():
        raise IngestError("not a document (HTML without text)", source=source)
    if "title" not in meta and renderer.out.headings:
        meta["title"] = renderer.out.headings[0]
    return RawDocument(
        source=source,
        data=data,
        sha256=sha256_hex(data),
        format="html",
        text=out,
        meta=meta,
        headings=tuple(renderer.out.headings),
        structured=True,
    )


def _meta(root: etree._Element) -> dict[str, str]:
    meta: dict[str, str] = {}
    for el in root.iter("meta"):
        name, content = el.get("name") or el.get("property"), el.get("content")
        if name and content and tidy(content):
            meta.setdefault(name, tidy(content))
    title = meta.get("DC.title") or meta.get("og:title")
    if not title:
        found = root.find(".//title")
        title = tidy(found.text_content()) if found is not None else None
    if title:
        meta["title"] = title
    ident = meta.get("DC.identifier") or meta.get("dcterms:identifier")
    if not ident:
        for value in meta.values():
            m = _IDENT.search(value)
            if m:
                ident = m.group(1)
                break
    if ident:
        meta["identifier"] = ident
    if meta.get("OVERHEIDop.dossiernummer"):
        from kamerlens.ingest.publication import canonical_dossier

        dossier = meta["OVERHEIDop.dossiernummer"]
        meta["dossier"] = canonical_dossier(dossier) or dossier
    if meta.get("OVERHEIDop.ondernummer"):
        meta["number"] = meta["OVERHEIDop.ondernummer"]
    for name in ("OVERHEIDop.datumBrief", "DCTERMS.issued", "DC.date", "DCTERMS.available"):
        if meta.get(name):
            meta["date"] = meta[name][:10]
            break
    return meta

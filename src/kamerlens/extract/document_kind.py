"""The kind of a document (motie, brief, verslag, handelingen ...): the first rule of the ordered
list in ``data/document.toml`` that matches its identifier, format, metadata, page heads, head,
text, self-description or the roles that speak in it.
"""

from __future__ import annotations

import re
from functools import cache

from kamerlens.extract._document_source import (
    HEAD,
    TITLE_ZONE,
    furniture_text,
    meta,
    vocabulary,
)
from kamerlens.extract._speech import is_debate
from kamerlens.extract.document_title import caps_blocks, subject_line
from kamerlens.extract.lexicon import lower as doc_lower
from kamerlens.extract.needles import may_match
from kamerlens.extract.pipeline import Doc


@cache
def _kind_rules() -> list[tuple[str, str, re.Pattern[str], re.Pattern[str] | None]]:
    rules = []
    for rule in vocabulary()["kind"]:
        also = re.compile(rule["also"]) if rule.get("also") else None
        rules.append((rule["kind"], rule["where"], re.compile(rule["pattern"]), also))
    return rules


def kind(doc: Doc, identifier: str | None) -> str | None:
    given = meta(doc, "kind", "soort", "vergadering_soort", "vergaderingsoort", "DC.type")
    sources = {
        "identifier": identifier or "",
        "format": doc.raw.format or "",
        "meta": given or "",
        "furniture": furniture_text(doc),  # page heads the normalizer set apart
        "turns": _turn_roles(doc),
    }
    # A rule over the head or the whole text is searched only when its literal words occur
    # there: most rules fail on most documents, and a failing search reads every character.
    text, low = doc.text, doc_lower(doc)
    ends = {"head": min(HEAD, doc.body_end), "text": doc.body_end}
    for name, where, pattern, also in _kind_rules():
        if where in ends and not may_match(pattern, text, low, 0, ends[where]):
            continue
        if where == "title" and where not in sources:
            sources["title"] = self_description(doc)
            sources["title_low"] = sources["title"].lower()
        if where == "title" and not may_match(pattern, sources["title"], sources["title_low"]):
            continue
        # the head and the body are searched in place (endpos), not copied out of the text
        if where in ends:
            found = pattern.search(text, 0, ends[where])
        else:
            found = pattern.search(sources[where])
        if found and (
            also is None
            or (may_match(also, text, low, 0, ends["text"]) and also.search(text, 0, ends["text"]))
        ):
            return name
    return None


def _turn_roles(doc: Doc) -> str:
    """The roles speaking in a debate ("lid minister voorzitter"); "" in any other document."""
    found = doc.results["turns"] if is_debate(doc) else []
    return " ".join(sorted({t.speaker.role for t in found}))


_FIRST_LINES = 10
_FIRST_SENTENCE = re.compile(r".{0,200}?[.!?](?=\s+[A-Z]|$)|.{0,200}")
_OFFER = re.compile(r"(?i)\b(?:hierbij|bijgaand|hiermee)\b[^.]{0,250}")


def self_description(doc: Doc) -> str:
    """What the document says it is, one item per line: its title (metadata, subject line, a
    heading in capitals near the top, the normalizer's title), its first lines and its offering
    sentence ("Hierbij bied ik u de geannoteerde agenda aan ..."). The body after that only
    mentions other documents."""
    text, end = doc.text, min(HEAD, doc.body_end)
    parts = [meta(doc, "title", "DC.title", "OVERHEIDop.documenttitel", "titel") or ""]
    parts.append(subject_line(doc) or "")
    parts.append(getattr(doc.norm, "title", None) or "")
    parts.extend(text[s:e] for s, e in caps_blocks(text, min(TITLE_ZONE, doc.body_end))[:3])
    lines = [ln.strip() for ln in text[:end].split("\n") if ln.strip()]
    # a first line that is a paragraph counts with its first sentence only
    parts.extend(_FIRST_SENTENCE.match(ln).group(0) for ln in lines[:_FIRST_LINES])  # type: ignore[union-attr]
    if may_match(_OFFER, text, doc_lower(doc), 0, end) and (m := _OFFER.search(text, 0, end)):
        parts.append(" ".join(m.group(0).split()))
    return "\n".join(p for p in parts if p)

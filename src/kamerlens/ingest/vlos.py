"""Tweede Kamer debate minutes (VLOS XML) -> text in reading order.

``vergadering > activiteit > activiteithoofd > (tekst | zaken | activiteitdeel > activiteititem >
woordvoerder | interrumpant > tekst)``. Each ``alinea`` becomes a paragraph, each ``alineaitem``
a line of it, so the speaker line the clerks write ("De heer Nordkamp (GroenLinks-PvdA):") stays
on a line of its own; where a turn has no such line, one is made from its ``spreker``. Activities
and agenda items are headings; the titles of the ``zaak`` items are kept as text because they
hold the citations ("... (36786, nr. 4)"); votes become a line "Besluit: Aangenomen. Voor: ...".
"""

from __future__ import annotations

from lxml import etree

from kamerlens.errors import IngestError
from kamerlens.ingest import RawDocument, sha256_hex
from kamerlens.ingest.blocks import Writer, tidy
from kamerlens.ingest.xml import local

# Bookkeeping elements: times, ids, flags, index terms, the speaker records themselves.
_SKIP = frozenset(
    {
        "markeertijdbegin",
        "markeertijdeind",
        "isdraad",
        "isvoorzitter",
        "parlisid",
        "aanvangstijd",
        "eindtijd",
        "voortzetting",
        "activiteitenindex",
        "zaal",
        "vergaderjaar",
        "vergaderingnummer",
        "datum",
        "sluiting",
        "sprekers",
        "spreker",
        "commissies",
        "onderwerp",
        "sequeel",
    }
)
_TURNS = frozenset({"woordvoerder", "interrumpant"})
_KINDS = {"plenair": "handelingen", "commissie": "verslag commissie"}


def _child(el: etree._Element, name: str) -> etree._Element | None:
    for child in el:
        if local(child.tag) == name:
            return child
    return None


def _text(el: etree._Element | None) -> str:
    return tidy("".join(el.itertext())) if el is not None else ""


def speaker_line(spreker: etree._Element) -> str:
    """'De heer Nordkamp (GroenLinks-PvdA):' / 'Minister Brekelmans:' from a ``spreker``."""
    name = _text(_child(spreker, "verslagnaam")) or _text(_child(spreker, "achternaam"))
    party = _text(_child(spreker, "fractie"))
    salutation = _text(_child(spreker, "aanhef"))
    if spreker.get("soort", "").lower() not in ("tweede kamerlid", "eerste kamerlid", ""):
        salutation = spreker.get("soort", "")  # "Minister", "Staatssecretaris"
    line = " ".join(p for p in (salutation, name) if p)
    return f"{line} ({party}):" if party else f"{line}:"


class _Renderer:
    def __init__(self) -> None:
        self.out = Writer()
        self.activity_mark = 0  # where the current activity's text began (to skip repeats)
        self.titles: list[str] = []

    def walk(self, el: etree._Element) -> None:
        name = local(el.tag)
        if not name or name in _SKIP:
            return
        if name in ("activiteit", "activiteithoofd"):
            self._activity(el, name)
            return
        if name == "titel":
            return  # titles are read by their parents
        if name == "tekst":
            self._tekst(el)
            return
        if name in _TURNS:
            self._turn(el)
            return
        if name == "zaak":
            self._zaak(el)
            return
        if name == "activiteititem" and el.get("soort", "").lower() == "besluit":
            self._decision(el)
            return
        if name == "activiteitdeel" and el.get("soort", "").lower() != "spreekbeurt":
            self.out.heading(_text(_child(el, "titel")))
        for child in el:
            self.walk(child)

    def _activity(self, el: etree._Element, name: str) -> None:
        title = _text(_child(el, "titel"))
        subject = _text(_child(el, "onderwerp"))
        if name == "activiteit":
            self.activity_mark = self.out.mark()
            self.titles.append(title)
        if title and not (name == "activiteithoofd" and title in self.titles[-1:]):
            self.out.heading(title)
        if subject and subject.lower() != title.lower() and subject not in title:
            self.out.para(subject)
        for child in el:
            self.walk(child)

    def _tekst(self, el: etree._Element, speaker: str | None = None) -> None:
        for alinea in el:
            if local(alinea.tag) != "alinea":
                continue
            lines = [
                _text(item)
                for item in alinea.iter()
                if local(item.tag) == "alineaitem"
                and not any(local(c.tag) == "alineaitem" for c in item)
            ]
            lines = [line for line in lines if line]
            if len(lines) == 1 and self.out.headings and lines[0] == self.out.headings[-1]:
                continue  # the clerks repeat the agenda item's title as its first line
            if speaker and lines and not lines[0].endswith(":"):
                lines.insert(0, speaker)
            speaker = None
            self.out.lines(lines)

    def _turn(self, el: etree._Element) -> None:
        spreker = _child(el, "spreker")
        line = speaker_line(spreker) if spreker is not None else None
        for child in el:
            name = local(child.tag)
            if name == "tekst":
                self._tekst(child, line)
                line = None
            elif name in _TURNS:
                self._turn(child)

    def _zaak(self, el: etree._Element) -> None:
        title = _text(_child(el, "titel"))
        dossier = _text(_child(el, "dossiernummer"))
        number = _text(_child(el, "stuknummer"))
        if dossier and dossier not in title:
            title += f" ({dossier}, nr. {number})" if number else f" ({dossier})"
        if title and title not in self.out.since(self.activity_mark):
            self.out.para(title)

    def _decision(self, el: etree._Element) -> None:
        result = _text(_child(el, "uitslag"))
        votes: dict[str, list[str]] = {}
        for stemming in el.iter():
            if local(stemming.tag) == "stemming":
                vote = _text(_child(stemming, "stem")) or "?"
                votes.setdefault(vote, []).append(_text(_child(stemming, "fractie")))
        parts = [f"Besluit: {result}." if result else "Besluit."]
        parts += [f"{vote}: {', '.join(who)}." for vote, who in votes.items()]
        self.out.para(" ".join(parts))


def parse_vlos(root: etree._Element, data: bytes, source: str) -> RawDocument:
    renderer = _Renderer()
    meeting = next((el for el in root.iter() if local(el.tag) == "vergadering"), root)
    title = _text(_child(meeting, "titel"))
    if title:
        renderer.out.heading(title)
    for child in meeting:
        renderer.walk(child)
    text = renderer.out.text()
    if not text.strip():
        raise IngestError("not a document (VLOS minutes without text)", source=source)
    meta = {"title": title} if title else {}
    date = _text(_child(meeting, "datum"))[:10]
    if date:
        meta["date"] = date
    soort = meeting.get("soort", "")
    if soort:
        meta["vergadering_soort"] = soort
        meta["kind"] = _KINDS.get(soort.lower(), f"verslag {soort.lower()}")
    for name in ("vergaderjaar", "vergaderingnummer", "zaal"):
        value = _text(_child(meeting, name))
        if value:
            meta[name] = value
    if meeting.get("kamer"):
        meta["kamer"] = meeting.get("kamer", "")
    meta["status"] = root.get("status", "")
    return RawDocument(
        source=source,
        data=data,
        sha256=sha256_hex(data),
        format="vlos",
        text=text,
        meta={k: v for k, v in meta.items() if v},
        headings=tuple(renderer.out.headings),
        structured=True,
    )

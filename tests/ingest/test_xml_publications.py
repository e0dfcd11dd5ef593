"""Official-publication XML: Kamerstuk body (constructed fixture), Staatsblad & co, metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerlens.ingest import read
from kamerlens.ingest.publication import canonical_dossier
from kamerlens.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
KST = ROOT / "tests" / "fixtures" / "ingest" / "kst-sample.xml"
XML = ROOT / "examples" / "xml"


@pytest.fixture(scope="module")
def kst():
    return read(KST)


def test_xml_kamerstuk_identity(kst):
    assert kst.format == "xml-kamerstuk" and kst.structured
    for key, value in {
        "identifier": "kst-28676-999",
        "dossier": "28676",
        "number": "999",
        "title": "BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN",
        "kind": "brief",
        "date": "2022-12-07",
        "signer": "W.B. Hoekstra",
        "signer_role": "De Minister van Buitenlandse Zaken",
    }.items():
        assert kst.meta[key] == value


def test_xml_kamerstuk_paragraphs_and_headings(kst):
    assert "Sessie 3: Strategisch Concept" in kst.headings
    assert "\n\nVitale infrastructuur\n\nTijdens het Commissie Debat" in kst.text
    assert "Den Haag, 7 december 2022" in kst.text
    assert "(Kamerstuk 28 676, nr. 417) werd" in kst.text  # extref text stays in the sentence
    assert "UCAP.\n\nFonds | Bijdrage\nUCAP trust fund | EUR 25 miljoen" in kst.text
    assert "De Minister van Buitenlandse Zaken,\nW.B. Hoekstra" in kst.text
    assert "Bijlage: deelnemers" in kst.headings
    assert "28676-999" not in kst.text  # metadata is not reading text


def test_xml_kamerstuk_footnotes_lifted(kst):
    assert [n.number for n in kst.notes] == ["1", "2"]
    first, second = kst.notes
    assert kst.text[first.marker_start - 4 : first.marker_start + 1] == "c.s.¹"
    assert kst.text[second.marker_start - 7 : second.marker_start + 2] == "Boswijk²)"
    assert first.text.endswith("(Kamerstuk 36 200 X, nr. 26)")
    assert "Motie Valstar" not in kst.text


def test_xml_kamerstuk_normalized(kst):
    norm = normalize(kst)
    assert [f.text[:13] for f in norm.footnotes] == ["Motie Valstar", "Motie Boswijk"]
    for note in norm.footnotes:
        assert norm.text[note.start : note.end] == note.text
        assert note.start >= norm.body_end
        assert norm.text[note.marker.start] in "¹²"
    titles = [s.title for s in norm.sections]
    assert "Vitale infrastructuur" in titles
    section = norm.sections[titles.index("Vitale infrastructuur")]
    assert "het lid Boswijk²)." in norm.text[section.start : section.end]


@pytest.mark.parametrize(
    ("name", "identifier", "title_start", "phrase"),
    [
        ("stb.xml", "stb-2018-84", "Besluit van 9 maart 2018", "Artikel 1"),
        ("stcrt.xml", "stcrt-2015-47076", "Ter inzage: omgevingsvergunning", "Bergen, 23 december"),
        ("gmb.xml", "gmb-2017-100002", "Ingediende aanvraag", "info@gemeente-oldambt.nl"),
        ("prb.xml", "prb-2017-1003", "Provincie Utrecht Wet luchtvaart", "1. Digitaal:"),
    ],
)
def test_xml_publications(name, identifier, title_start, phrase):
    raw = read(XML / name)
    assert raw.format == "xml-publication"
    assert raw.meta["identifier"] == identifier
    assert raw.meta["title"].startswith(title_start)
    assert phrase in raw.text
    assert "<" not in raw.text and "  " not in raw.text


def test_xml_staatsblad_signers_and_date():
    raw = read(XML / "stb.xml")
    assert raw.meta["date"] == "2018-03-09"
    assert raw.meta["signer"] == "M. Snel"
    assert raw.meta["signer_role"] == "De Staatssecretaris van Financiën"
    assert "Artikel 2" in raw.headings


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("opmeta1.xml", {"DC.identifier": "gmb-2024-216934", "DCTERMS.available": "2024-05-17"}),
        ("opmeta2.xml", {"identifier": "gmb-2024-216934", "DC.creator": "Reimerswaal"}),
        ("searchrec.xml", {"identifier": "gmb-2023-174296", "date": "2023-04-20"}),
    ],
)
def test_xml_metadata_records(name, expected):
    raw = read(XML / name)
    assert raw.format == "xml-metadata"
    for key, value in expected.items():
        assert raw.meta[key] == value
    assert raw.text.startswith(raw.meta["title"])


def test_xml_metadata_kamerstuk_record():
    data = b"""<?xml version="1.0"?>
<metadata_gegevens>
  <metadata name="DC.title" content="Motie van het lid Valstar c.s. over de Noordzee"/>
  <metadata name="DC.identifier" content="kst-36200-X-26"/>
  <metadata name="DC.creator" content="Tweede Kamer der Staten-Generaal"/>
  <metadata name="DCTERMS.issued" content="2022-11-17"/>
  <metadata name="OVERHEIDop.dossiernummer" content="36200 X"/>
  <metadata name="OVERHEIDop.ondernummer" content="26"/>
  <metadata name="OVERHEIDop.vergaderjaar" content="2022-2023"/>
  <metadata name="OVERHEIDop.documenttitel" content="Motie"/>
  <metadata name="OVERHEIDop.indiener" content="J. Valstar"/>
  <metadata name="OVERHEIDop.indiener" content="D. Boswijk"/>
</metadata_gegevens>"""
    raw = read(data, name="metadata.xml")
    assert raw.meta["identifier"] == "kst-36200-X-26"
    assert raw.meta["dossier"] == "36200-X"
    assert raw.meta["number"] == "26"
    assert raw.meta["date"] == "2022-11-17"
    assert raw.meta["OVERHEIDop.indiener"] == "J. Valstar; D. Boswijk"
    assert raw.meta["kind"] == "Motie"


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("36180", "36180"),
        ("36 200 X", "36200-X"),
        ("21 501-02", "21501-02"),
        ("36200-X", "36200-X"),
        ("35925-IV", "35925-IV"),
        ("34417 (R2068)", "34417-(R2068)"),
    ],
)
def test_xml_canonical_dossier(text, canonical):
    assert canonical_dossier(text) == canonical

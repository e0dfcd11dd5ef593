"""VLOS debate minutes: reading order, speaker lines, agenda headings, zaak titles, votes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerlens.ingest import read
from kamerlens.normalize import normalize

VLOS = Path(__file__).resolve().parents[2] / "examples" / "vlos"


def _minutes(prefix: str):
    return read(next(VLOS.glob(f"sample_vlos_{prefix}*.xml")))


@pytest.mark.parametrize(
    ("prefix", "title", "date", "kind"),
    [
        ("29d8cf68", "MIVD", "2025-07-02", "verslag commissie"),
        (
            "be33e3cf",
            "Procedurevergadering commissie Binnenlandse Zaken",
            "2025-07-03",
            "verslag commissie",
        ),
        ("e2903f19", "105e vergadering, donderdag 10 juli 2025", "2025-07-10", "handelingen"),
    ],
)
def test_vlos_minutes_meta(prefix, title, date, kind):
    raw = _minutes(prefix)
    assert raw.format == "vlos" and raw.structured
    assert (raw.meta["title"], raw.meta["date"], raw.meta["kind"]) == (title, date, kind)
    assert raw.text.startswith(title)


def test_vlos_minutes_speakers_on_their_own_line():
    raw = _minutes("29d8cf68")
    assert "\n\nDe heer Nordkamp (GroenLinks-PvdA):\nDank, voorzitter." in raw.text
    assert "\n\nMinister Brekelmans:\n" in raw.text
    assert "De voorzitter:\nIk open de vergadering" in raw.text
    # reading order: the chair opens before the first speaker speaks
    assert raw.text.index("Ik open de vergadering") < raw.text.index("Dank, voorzitter.")
    assert "2025-07-02T" not in raw.text  # bookkeeping stays out


def test_vlos_minutes_agenda_and_citations_kept():
    raw = _minutes("29d8cf68")
    assert "jaarplan MIVD 2025 (29924, nr. 274);" in raw.text
    assert "(36600-X, nr. 81)" in raw.text
    assert {"Opening", "MIVD", "Sluiting"} <= set(raw.headings)


def test_vlos_minutes_zaak_titles_are_text():
    raw = _minutes("be33e3cf")
    assert "inzake aanbieding petitie m.b.t. dubbele nationaliteit" in raw.text
    norm = normalize(raw)
    assert [s.title for s in norm.sections][:2] == [
        "Procedurevergadering commissie Binnenlandse Zaken",
        "Opening",
    ]


def test_vlos_minutes_votes():
    raw = _minutes("e2903f19")
    assert "Besluit: Aangenomen. Tegen: SP, PvdD, DENK, FVD. Voor: GroenLinks-PvdA" in raw.text
    assert raw.text.count("(36786, nr. 4)") >= 1
    assert "De heer Dijk (SP):\nDank u wel, voorzitter." in raw.text


def test_vlos_minutes_sniffed_by_namespace():
    data = (
        b'<?xml version="1.0"?><verslag xmlns="http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0">'
        b'<vergadering soort="Plenair"><titel>12e vergadering</titel><datum>2023-10-05T00:00:00'
        b"</datum><activiteit><titel>Debat over de NAVO</titel><activiteithoofd><titel>Debat over"
        b" de NAVO</titel><tekst><alinea><alineaitem>Mevrouw Piri (GroenLinks-PvdA):</alineaitem>"
        b"<alineaitem>Voorzitter, dank.</alineaitem></alinea></tekst></activiteithoofd>"
        b"</activiteit></vergadering></verslag>"
    )
    raw = read(data, name="handelingen.xml")
    assert raw.format == "vlos"
    assert raw.meta["kind"] == "handelingen"
    assert raw.text == (
        "12e vergadering\n\nDebat over de NAVO\n\n"
        "Mevrouw Piri (GroenLinks-PvdA):\nVoorzitter, dank."
    )

"""HTML: blocks become paragraphs, headings headings; scripts, styles and menus go."""

from __future__ import annotations

from kamerlens.ingest import read
from kamerlens.normalize import normalize

PAGE = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8">
<title>Kamerbrief over de NAVO-top | Rijksoverheid.nl</title>
<meta name="DC.identifier" content="kst-28676-434">
<meta name="OVERHEIDop.dossiernummer" content="28676">
<meta name="OVERHEIDop.ondernummer" content="434">
<meta name="DCTERMS.issued" content="2023-06-05">
<style>p { color: red }</style><script>var geheim = "niet tonen";</script></head>
<body><nav><a href="/">Home</a> <a href="/onderwerpen">Onderwerpen</a></nav>
<h1>Kamerbrief over de NAVO-top</h1>
<div class="intro">Geachte voorzitter,<p>Hierbij bied ik u het <b>verslag</b> aan van de
bijeenkomst.<br>Nederland heeft EUR 1,6 miljard geleverd.</p></div>
<h2>Inzet</h2>
<ul><li>Steun aan Oekra&iuml;ne</li><li>EUR 25 miljoen voor UCAP</li></ul>
<table><tr><th>Fonds</th><th>Bedrag</th></tr><tr><td>UCAP</td><td>EUR 25 miljoen</td></tr></table>
</body></html>"""


def test_html_blocks_text():
    raw = read(PAGE.encode("utf-8"), name="brief.html")
    assert raw.format == "html" and raw.structured
    assert raw.text == (
        "Kamerbrief over de NAVO-top\n\n"
        "Geachte voorzitter,\n\n"
        "Hierbij bied ik u het verslag aan van de bijeenkomst. Nederland heeft EUR 1,6 miljard"
        " geleverd.\n\n"
        "Inzet\n\n"
        "Steun aan Oekraïne\n\n"
        "EUR 25 miljoen voor UCAP\n\n"
        "Fonds | Bedrag\n"
        "UCAP | EUR 25 miljoen"
    )
    assert raw.headings == ("Kamerbrief over de NAVO-top", "Inzet")


def test_html_blocks_meta():
    raw = read(PAGE.encode("utf-8"), name="brief.html")
    assert raw.meta["identifier"] == "kst-28676-434"
    assert raw.meta["dossier"] == "28676" and raw.meta["number"] == "434"
    assert raw.meta["date"] == "2023-06-05"
    assert raw.meta["title"] == "Kamerbrief over de NAVO-top | Rijksoverheid.nl"


def test_html_blocks_cp1252_and_sections():
    page = "<html><body><h2>Oekraïne</h2><p>De Raad sprak over steun.</p></body></html>"
    raw = read(page.encode("cp1252"), name="oud.htm")
    norm = normalize(raw)
    assert [s.title for s in norm.sections] == ["Oekraïne"]
    assert norm.text == "Oekraïne\n\nDe Raad sprak over steun."

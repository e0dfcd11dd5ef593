"""A letter's text as pdfminer gives it (the water and aviation letters of IenW, 2022): footnote
lines stand in the flow before the page number, written "P agina 5 van 9". The page number is
furniture; a numbered line that cites a source is a footnote's, never a section heading."""

from __future__ import annotations

from kamerlens.ingest import RawDocument
from kamerlens.normalize import normalize

LETTER = """De inzet die het ministerie al heeft gepleegd, is dus niet alleen gericht op
ontzwaveling, maar op het aanscherpen van kwaliteitseisen voor kerosine in het algemeen.
7 Kamerstukken II 2021/22, 30175, nr. 416
8 https://www.rivm.nl/publicaties/staat-drinkwaterbronnen
P agina 5 van 9
Onderwerpen werkgroepen
De werkgroepen onderzoeken de emissies van het vliegverkeer op en rond de luchthavens van
Nederland. De eerste resultaten worden in het voorjaar verwacht.
"""


def test_layout_pdfminer_page_number_and_footnote_lines():
    norm = normalize(RawDocument(source="t", data=b"", sha256="", format="text", text=LETTER))
    titles = [s.title for s in norm.sections]
    assert not any(t.startswith(("7 Kamerstukken", "8 https", "P agina")) for t in titles)
    assert "P agina" not in norm.text
    assert "7 Kamerstukken II 2021/22, 30175, nr. 416" in norm.text

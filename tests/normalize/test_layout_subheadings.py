"""A longer subheading right under a heading, as in geannoteerde agenda's ("Diversen" over the
name of the item), is a heading; the first line of a paragraph under a heading is not."""

from __future__ import annotations

from kamerlens.ingest import RawDocument
from kamerlens.normalize import normalize

AGENDA = """Hierbij bied ik u de geannoteerde agenda aan voor de Raad WSBVC.

Diversen
Europese Autoriteit voor arbeidsmobiliteit en grensoverschrijdend werk
Het voorzitterschap informeert de Raad over de evaluatie van de Europese Arbeidsautoriteit.
Nederland steunt een versterking van de inspecties bij grensoverschrijdende arbeid.

Sociale zekerheid
De Commissie presenteert haar voorstel voor de coördinatie van de sociale zekerheid van
mobiele werknemers. Nederland heeft daarover eerder zorgen geuit.
"""


def test_layout_long_subheading_under_a_heading():
    norm = normalize(RawDocument(source="t", data=b"", sha256="", format="text", text=AGENDA))
    assert [s.title for s in norm.sections] == [
        "Diversen",
        "Europese Autoriteit voor arbeidsmobiliteit en grensoverschrijdend werk",
        "Sociale zekerheid",
    ]
    assert "de coördinatie van de sociale zekerheid van mobiele werknemers." in norm.text

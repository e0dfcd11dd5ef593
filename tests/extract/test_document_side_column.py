"""The document component reads a letter's date from its side column once the normalizer has
set the column apart as furniture, and finds the signer that the column used to be glued to."""

from __future__ import annotations

from kamerlens.extract import extract

EZK = """> Retouradres Postbus 20401 2500 EK Den Haag

De Voorzitter van de Tweede Kamer
der Staten-Generaal
Prinses Irenestraat 6
2595 BD DEN HAAG

Directoraat-generaal
Economie en Digitalisering

Datum
21 februari 2024
Ons kenmerk
DGED / 24045821

Betreft Voortgang digitale weerbaarheid mkb

Geachte Voorzitter,

Met deze brief informeer ik uw Kamer over de voortgang van het programma
digitale weerbaarheid voor het midden- en kleinbedrijf.

Hoogachtend,

de minister van Economische Zaken en Klimaat,

drs. M.A.M. Adriaansens

Datum
21 februari 2024
Ons kenmerk
DGED / 24045821
Pagina 2 van 2
Bijlage: Voortgangsrapportage digitale weerbaarheid mkb 2023

Het Digital Trust Center heeft in 2023 ruim 12.000 ondernemers bereikt.
"""


def test_document_side_column_date_read_from_furniture() -> None:
    record = extract(EZK.encode(), name="brief.txt")
    assert "21 februari 2024" not in record.text
    assert record.document.date == "2024-02-21"
    assert record.document.date_estimated is False


def test_document_side_column_signer_not_glued() -> None:
    record = extract(EZK.encode(), name="brief.txt")
    signer = record.document.signer
    assert (signer.name, signer.role) == (
        "drs. M.A.M. Adriaansens",
        "minister van Economische Zaken en Klimaat",
    )
    assert record.document.title == "Voortgang digitale weerbaarheid mkb"

"""Signers of cover letters above an annex, and roles written over more than one line."""

from __future__ import annotations

import pytest

from kamerlens.extract import extract


def _signer(text: str) -> tuple[str | None, str | None]:
    signer = extract(text.encode(), name="brief.txt").document.signer
    return signer.name, signer.role


COVER = """Tweede Kamer der Staten-Generaal
2
Vergaderjaar 2023–2024

21 501-08 Milieuraad

Nr. 945 BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 4 maart 2024

Hierbij bied ik u de geannoteerde agenda aan voor de Milieuraad van 17 maart 2024.

De Minister van Volksgezondheid, Welzijn en Sport,
E.J. Kuipers

GEANNOTEERDE AGENDA MILIEURAAD 17 MAART 2024

Klimaatdoel 2040
De Raad zal spreken over de mededeling van de Commissie over het klimaatdoel voor 2040.
Het kabinet steunt een doel van 90% netto-reductie.
"""


def test_document_signer_above_an_annex():
    assert _signer(COVER) == ("E.J. Kuipers", "Minister van Volksgezondheid, Welzijn en Sport")


SHORT_BODY = "Ik zal uw Kamer voor de zomer informeren.\n\n"
LONG_BODY = (
    "Het wetsvoorstel blijft gericht op invoering per 1 januari 2027. Belastingplichtigen\n"
    "met vragen kunnen terecht bij de BelastingTelefoon. Ik zal uw Kamer bij Prinsjesdag\n"
    "informeren over de financiële gevolgen en de dekking daarvan.\n\n"
    "Hoogachtend,\n\n"
)


@pytest.mark.parametrize("body", [SHORT_BODY, LONG_BODY])
@pytest.mark.parametrize(
    ("closing", "name", "role"),
    [
        (
            "De Minister voor Armoedebeleid,\nParticipatie en Pensioenen,\n\nC.J. Schouten\n",
            "C.J. Schouten",
            "Minister voor Armoedebeleid, Participatie en Pensioenen",
        ),
        (
            "de staatssecretaris van Financiën –\nFiscaliteit, Belastingdienst en Douane,\n\n"
            "A.P. de Vries\n",
            "A.P. de Vries",
            "staatssecretaris van Financiën – Fiscaliteit, Belastingdienst en Douane",
        ),
        (
            "De Minister van Landbouw, Natuur en\nVoedselkwaliteit,\nP. Adema\n",
            "P. Adema",
            "Minister van Landbouw, Natuur en Voedselkwaliteit",
        ),
        (
            "De Minister van Buitenlandse Zaken,\nnamens deze,\nde directeur-generaal Europese\n"
            "Samenwerking,\n\nJ.A. de Vries\n",
            "J.A. de Vries",
            "directeur-generaal Europese Samenwerking",
        ),
    ],
)
def test_document_signer_role_over_lines(body, closing, name, role):
    assert _signer(body + closing) == (name, role)


def test_document_signer_first_of_two():
    text = (
        "Hierbij bieden wij u het verslag aan.\n\n"
        "De Minister van Justitie en Veiligheid,\n\nD. Yeşilgöz-Zegerius\n\n"
        "De Staatssecretaris van Justitie en Veiligheid,\n\nE. van der Burg\n"
    )
    assert _signer(text) == ("D. Yeşilgöz-Zegerius", "Minister van Justitie en Veiligheid")


def test_document_signer_none_under_a_motion():
    text = (
        "verzoekt de regering, de Kamer voor 1 maart te informeren,\n\n"
        "en gaat over tot de orde van de dag.\n\nVan Kent\nMaatoug\nKwint\n"
    )
    assert _signer(text) == (None, None)

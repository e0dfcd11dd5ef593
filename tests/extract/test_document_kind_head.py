"""The kind of a document comes from what it says it is (title, first lines, offering sentence,
structure), never from a document it mentions further on."""

from __future__ import annotations

import pytest

from kamerlens.extract import extract


def _doc(text: str):  # type: ignore[no-untyped-def]
    return extract(text.encode(), name="doc.txt").document


VERSLAG = """Aan de Voorzitter van de Tweede Kamer
der Staten-Generaal

Datum 2 februari 2024
Betreft Verslag van de Raad Buitenlandse Zaken Handel van 29 januari 2024

Geachte voorzitter,

Hierbij stuur ik u het verslag van de Raad Buitenlandse Zaken Handel van 29 januari 2024.
De geannoteerde agenda van deze Raad heeft u op 15 januari jl. ontvangen. In de
besluitenlijst van de procedurevergadering is afgesproken dit verslag te bespreken.

De Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,

G.C.C. Schreinemacher
"""

AGENDA = """Aan de Voorzitter van de Tweede Kamer
der Staten-Generaal

Den Haag, 4 maart 2024

Hierbij bied ik u de geannoteerde agenda aan voor de Milieuraad van 17 maart 2024.
Het verslag van de vorige Milieuraad heeft u op 2 januari ontvangen.

De Minister van Infrastructuur en Waterstaat,

M.G.J. Harbers
"""

BRIEF = """Geachte voorzitter,

Tijdens het tweeminutendebat (Handelingen II 2023/24, nr. 12, item 4) is in de
vergadering gevraagd om een reactie op het verslag van de Algemene Rekenkamer.
Met deze brief kom ik aan dat verzoek tegemoet.

Hoogachtend,

de minister van Financiën,

S.P.R.A. van Weyenberg
"""


@pytest.mark.parametrize(
    ("text", "kind"),
    [(VERSLAG, "verslag"), (AGENDA, "geannoteerde agenda"), (BRIEF, "brief")],
)
def test_document_kind_from_the_head_not_a_mention(text, kind):
    assert _doc(text).kind == kind


DEBATE = """Tweede Kamer
Stikstofbeleid
7 februari 2024
TK 45

3
Stikstofbeleid

Aan de orde is het debat over het stikstofbeleid.

De voorzitter:
Ik geef het woord aan de heer Grinwis.

De heer Grinwis (ChristenUnie):
Voorzitter. In de geannoteerde agenda van de Landbouw- en Visserijraad staat dat het
kabinet de Europese regels wil versoepelen. Wat is daarvan de stand?

Minister Adema:
Ik zal uw Kamer voor de zomer per brief informeren.
"""


def test_document_kind_handelingen_head_gives_title_and_date():
    doc = _doc(DEBATE)
    assert (doc.kind, doc.title, doc.date) == ("handelingen", "Stikstofbeleid", "2024-02-07")


def test_document_kind_handelingen_title_from_the_agenda_item():
    text = DEBATE.replace("Stikstofbeleid\n7 februari 2024\n", "").replace(
        "3\nStikstofbeleid\n", ""
    )
    text = text + "\nTweede Kamer Stikstofbeleid\nTK 45 7 februari 2024 45-3-2\n"
    doc = _doc(text)
    assert (doc.kind, doc.title, doc.date) == (
        "handelingen",
        "Debat over het stikstofbeleid",
        "2024-02-07",
    )


# A BNC-fiche opens with its number and subject and the fixed "Algemene gegevens"; the date of
# receipt of the Commission's document is not the fiche's own date. A letter that only mentions
# fiches stays a brief.
FICHE = """Fiche {n}: Verordening inzake de veiligheid van de ruimte

1. Algemene gegevens

a) Titel voorstel
Voorstel voor een verordening inzake de veiligheid en duurzaamheid van ruimteactiviteiten

b) Datum ontvangst Commissiedocument
25 maart 2024

c) Nr. Commissiedocument
COM(2024) 120

2. Essentie voorstel
Het voorstel beoogt gemeenschappelijke regels voor ruimteactiviteiten in de Unie.
"""


@pytest.mark.parametrize("n", ["1", "3"])
def test_bnc_fiche_from_its_fixed_head(n: str) -> None:
    doc = _doc(FICHE.format(n=n))
    assert doc.kind == "bnc-fiche"
    assert doc.date is None


def test_letter_mentioning_fiches_stays_a_brief() -> None:
    doc = _doc(
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 mei 2024\n\n"
        "Geachte voorzitter,\n\nDe BNC-fiches over de voorstellen van maart ontvangt u binnen zes "
        "weken. Hierbij informeer ik u over de planning.\n\nDe Minister van Buitenlandse Zaken,"
        "\n\nH.G.J. Bruins Slot\n"
    )
    assert doc.kind == "brief"


def test_document_kind_policy_document_with_contents_is_a_nota() -> None:
    # the head of a real strategy nota (real/docs/nota_bz_internationale_klimaatstrategie_2022)
    head = (
        "Internationale\nKlimaatstrategie\nvan ambitie naar transitie\nSamenvatting\n"
        "Inhoudsopgave\nDe wetenschap laat zien dat het één voor twaalf is. Het kabinet\n"
        "versterkt de multilaterale en bilaterale klimaatdiplomatie.\n"
    )
    assert _doc(head).kind == "nota"
    # a letter with a table of contents stays a letter
    letter = "Geachte voorzitter,\n\nInhoudsopgave\n\nHet kabinet stuurt u de strategie.\n\n" \
        "Hoogachtend,\n\nDe Minister van Buitenlandse Zaken,\n\nW. Hoekstra\n"
    assert _doc(letter).kind == "brief"

"""The side column of government letters, the letterhead and the Handelingen running head.

The passages copy the layout of rijksoverheid.nl letters as PDF text extraction gives them: the
column beside the text ("Directie ... / Ons kenmerk ... / Pagina 2 van 3") lands between two
lines of the running text, with or without a form feed between the pages.
"""

from __future__ import annotations

import pytest

from kamerlens.ingest import RawDocument
from kamerlens.normalize import NormalizedText, normalize


def _norm(text: str, fmt: str = "text") -> NormalizedText:
    return normalize(RawDocument(source="t", data=b"", sha256="", format=fmt, text=text))


def _body(norm: NormalizedText) -> str:
    return norm.text[: norm.body_end]


BZK = """> Retouradres Postbus 20011 2500 EA Den Haag

De Voorzitter van de Tweede Kamer
der Staten-Generaal
Postbus 20018
2500 EA Den Haag

Directie Openbaar Bestuur en
Democratische Rechtsstaat

Turfmarkt 147
2511 DP Den Haag
Postbus 20011
2500 EA Den Haag
www.rijksoverheid.nl

Ons kenmerk
2024-0000312908

Bijlage(n)
2

Datum 3 april 2024
Betreft Stand van zaken herindeling gemeenten

Geachte voorzitter,

Met deze brief informeer ik uw Kamer over de voortgang van de gemeentelijke
herindelingen die per 1 januari 2025 in werking treden. De provincies hebben
mij laten weten dat de voorbereidingen in de meeste gemeenten op schema
liggen.1 In twee gevallen is vertraging ontstaan, bij de fusies rond Leeu-

1 Kamerstuk 28 750, nr. 98

Directie Openbaar Bestuur en
Democratische Rechtsstaat
Ons kenmerk
2024-0000312908
Pagina 2 van 3
warden en Zwolle. Ik verwacht dat beide herindelingen toch tijdig kunnen
worden afgerond.

Financiële gevolgen
Het kabinet stelt voor de frictiekosten in totaal € 14 mln beschikbaar aan
de betrokken gemeenten. Een schuldquote boven de 130% van de inkomsten
Directie Openbaar Bestuur en
Democratische Rechtsstaat
Ons kenmerk
2024-0000312908
Pagina 3 van 3
wordt als risico gezien.

De Minister van Binnenlandse Zaken en Koninkrijksrelaties,

H.M. de Jonge
"""


@pytest.fixture(scope="module")
def bzk() -> NormalizedText:
    return _norm(BZK)


def test_letterhead_side_column_lifted_out_of_a_hyphenated_word(bzk):
    body = _body(bzk)
    assert "fusies rond Leeuwarden en Zwolle." in body
    assert "Ons kenmerk" not in body and "Pagina" not in body and "2024-0000312908" not in body


def test_letterhead_side_column_lifted_out_of_a_sentence(bzk):
    assert "boven de 130% van de inkomsten wordt als risico gezien." in _body(bzk)


def test_letterhead_repeated_unit_removed_on_every_page(bzk):
    body = _body(bzk)
    assert "Directie Openbaar Bestuur" not in body
    assert "Democratische Rechtsstaat" not in body
    assert bzk.furniture.count("Democratische Rechtsstaat") == 3


def test_letterhead_fields_are_kept_as_furniture(bzk):
    for line in (
        "Ons kenmerk",
        "2024-0000312908",
        "Bijlage(n)",
        "Pagina 2 van 3",
        "> Retouradres Postbus 20011 2500 EA Den Haag",
        "www.rijksoverheid.nl",
    ):
        assert line in bzk.furniture
    assert "Turfmarkt 147" in bzk.furniture  # the sender's address block


def test_letterhead_keeps_addressee_date_and_subject(bzk):
    body = _body(bzk)
    assert body.startswith(
        "De Voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n2500 EA Den Haag"
    )
    assert "Datum 3 april 2024\nBetreft Stand van zaken herindeling gemeenten" in body


def test_letterhead_sections_hold_no_labels(bzk):
    assert [s.title for s in bzk.sections] == ["Financiële gevolgen"]


def test_letterhead_signature_not_glued_to_the_side_column(bzk):
    assert (
        bzk.text[: bzk.body_end]
        .rstrip()
        .endswith("De Minister van Binnenlandse Zaken en Koninkrijksrelaties,\n\nH.M. de Jonge")
    )
    assert [n.text for n in bzk.footnotes] == ["Kamerstuk 28 750, nr. 98"]


# A letter whose side column repeats the date and a reference, as PDF text with form feeds;
# the signature is followed, on the next page, by the report it covers.
OCW = (
    "Datum\n9 oktober 2023\nOnze referentie\n41268755\n\n"
    "Hierbij bied ik u het verslag aan van de Onderwijsraad van 25 september 2023 in\n"
    "Brussel.\n\n"
    "De minister van Onderwijs, Cultuur en Wetenschap,\n\nR.H. Dijkgraaf\n"
    "\fDatum\n9 oktober 2023\nOnze referentie\n41268755\nPagina 2 van 2\n"
    "Verslag Onderwijsraad 25 september 2023\n\n"
    "De ministers spraken over de erkenning van diploma's binnen de Europese\n"
    "Unie. Nederland steunde de conclusies van de Raad.\n"
)


def test_letterhead_side_column_with_pages_and_signature_before_report():
    norm = _norm(OCW, "pdf")
    body = _body(norm)
    assert "Onze referentie" not in body and "41268755" not in body
    assert "R.H. Dijkgraaf\n\nVerslag Onderwijsraad 25 september 2023" in body
    assert norm.furniture[:2] == ("Datum", "9 oktober 2023")


HANDELINGEN = """Tweede Kamer
Stikstofbeleid
7 februari 2024
TK 45

De heer Grinwis (ChristenUnie):
Voorzitter. De provincies wachten al maanden op duidelijkheid over de stik-

Tweede Kamer Stikstofbeleid
TK 45 7 februari 2024 45-3-2
stofruimte voor vergunningen. Kan de minister toezeggen dat de Kamer voor de
zomer een brief ontvangt?

Tweede Kamer Stikstofbeleid
TK 45 7 februari 2024 45-3-3
"""


def test_letterhead_handelingen_running_head_removed():
    norm = _norm(HANDELINGEN)
    body = _body(norm)
    assert "over de stikstofruimte voor vergunningen." in body
    assert "45-3-2" not in body and "Tweede Kamer Stikstofbeleid" not in body
    assert "TK 45 7 februari 2024 45-3-2" in norm.furniture
    # the head of the transcript stays: it names the debate and its date
    assert body.startswith("Tweede Kamer\nStikstofbeleid\n7 februari 2024\nTK 45")


@pytest.mark.parametrize(
    "text",
    [
        # a heading "Bijlagen" over a list of annexes is no side column
        "Ik stuur u de stukken.\n\nBijlagen\n1. Evaluatierapport Wet open overheid\n"
        "2. Kabinetsreactie\n",
        # "Datum" opening a sentence
        "De termijn loopt af.\nDatum\nvan inwerkingtreding is nog niet bekend.\n",
        # a question heading right after a Kamerstuk footer
        "Antwoord 3\nJa.\n\nTweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1\nVraag 4\n"
        "Bent u bereid dit te doen?\n",
    ],
)
def test_letterhead_leaves_look_alikes_in_the_text(text):
    norm = _norm(text)
    kept = [ln for ln in text.splitlines() if ln and "vergaderjaar" not in ln]
    for line in kept:
        assert line in norm.text


def test_letterhead_repeated_headings_are_no_furniture():
    qa = "".join(
        f"Vraag {n}\nKunt u aangeven hoeveel aanvragen er in {2020 + n} zijn ingediend?\n\n"
        f"Antwoord\nIn {2020 + n} zijn {n * 1000} aanvragen ingediend.\n\n"
        for n in range(1, 5)
    )
    text = qa.replace("Antwoord\nIn 2022", "Pagina 1 van 2\nAntwoord\nIn 2022")
    norm = _norm(text)
    assert _body(norm).count("Antwoord") == 4


# Two pages: the side column of page 2 repeats the date on one line, which occurs only once
# more (in the letterhead, where it stays); the sender's address names its town on a line alone.
LNV = """> Retouradres Postbus 20401 2500 EK Den Haag

Voorzitter Tweede Kamer
Postbus 20018
2500 EA Den Haag

Directie Agroketens en Visserij
Bezuidenhoutseweg 73
Den Haag
Postbus 20401
www.rijksoverheid.nl/lnv

Datum 12 juni 2024
Betreft Stand van zaken garnalenvisserij

Geachte Voorzitter,

Met deze brief informeer ik uw Kamer over de gevolgen van de aangescherpte
stikstofregels voor de garnalenvissers in de Waddenzee. De sector heeft mij laten
weten dat een deel van de vloot de vergunning voor de Natura 2000-gebieden niet
tijdig kan verlengen. Ik heb daarom met de provincie Fries-
Datum 12 juni 2024
Onze referentie
DGA-AV / 87120456
Pagina 2 van 2
land afgesproken dat de vergunningverlening voorrang krijgt.

De Minister van Landbouw, Natuur en Voedselkwaliteit,

P. Adema
"""


def test_letterhead_two_pages_one_line_date_in_the_column():
    norm = _norm(LNV)
    body = _body(norm)
    assert "met de provincie Friesland afgesproken" in body
    assert body.count("Datum 12 juni 2024") == 1  # the letter's own date line stays
    assert "Datum 12 juni 2024\nBetreft Stand van zaken garnalenvisserij" in body


def test_letterhead_sender_address_with_town_line_removed():
    norm = _norm(LNV)
    body = _body(norm)
    assert "Bezuidenhoutseweg 73" not in body and "Agroketens" not in body
    assert body.startswith("Voorzitter Tweede Kamer\nPostbus 20018\n2500 EA Den Haag")

"""Heads that date and name a document in other ways: the "Ontvangen <date>" line of a nota
van wijziging or an amendment, and the Handelingen page head ("TK 21 12 november 2024 21-9-1")
under a first line that runs the chamber and the title together."""

from __future__ import annotations

import pytest

from kamerlens.extract import extract
from kamerlens.models import DocumentInfo


def _info(passage: str) -> DocumentInfo:
    return extract(passage.encode("utf-8"), name="passage.txt").document


@pytest.mark.parametrize(
    ("passage", "date"),
    [
        ("36 512 Wijziging van de Omgevingswet\n\nNr. 9 NOTA VAN WIJZIGING\n\n"
         "Ontvangen 4 februari 2025\n\nHet wetsvoorstel wordt als volgt gewijzigd:\n",
         "2025-02-04"),
        ("36 600 VII Vaststelling van de begrotingsstaten\n\nNr. 21 AMENDEMENT VAN HET LID BIKKER"
         "\n\nOntvangen 30 oktober 2024\n\nDe begrotingsstaat wordt als volgt gewijzigd:\n",
         "2024-10-30"),
        # the date line of the letter wins over nothing else: a received line in running text
        # ("Ontvangen 4 februari 2025 zijn ...") is a sentence, no date line
        ("Nr. 9 NOTA VAN WIJZIGING\n\nOntvangen 4 februari 2025 zijn de reacties van de "
         "provincies.\n", None),
    ],
)
def test_received_line_dates_the_document(passage: str, date: str | None) -> None:
    assert _info(passage).date == date


_STEMMINGEN = (
    "Tweede Kamer                    Stemmingen moties Begroting Binnenlandse\n"
    "                                Zaken 2025\n\n"
    "TK 21                                                       12 november 2024\n"
    "21-9-1\n\n"
    "Stemmingen moties Begroting Binnenlandse Zaken 2025\n\n"
    "Aan de orde zijn de stemmingen in verband met het wetsvoorstel (36 600-VII).\n\n"
    "In stemming komt de motie-Bikker c.s. (36 600-VII, nr. 15).\n\n"
    "De voorzitter:\nIk constateer dat deze motie is aangenomen.\n"
)


def test_handelingen_page_head_names_kind_title_and_date() -> None:
    info = _info(_STEMMINGEN)
    assert (info.kind, info.title, info.date) == (
        "handelingen", "Stemmingen moties Begroting Binnenlandse Zaken 2025", "2024-11-12")


def test_sitting_number_in_running_text_is_no_page_head() -> None:
    info = _info("Geachte voorzitter,\n\nIn de vergadering (TK 21 12 november 2024) is gestemd "
                 "over de moties.\n\nDe minister van Binnenlandse Zaken,\n")
    assert info.kind != "handelingen"


def test_page_head_set_apart_as_furniture_still_names_a_transcript() -> None:
    # the normalizer moves a lone running head to the furniture: the kind and date still hold
    info = _info("Stemmingen moties Begroting Binnenlandse Zaken 2025\n\n"
                 "TK 21 12 november 2024 21-9-1\n\n"
                 "Aan de orde zijn de stemmingen over moties ingediend bij de begroting.\n\n"
                 "De voorzitter:\nIk constateer dat deze motie is aangenomen.\n")
    assert (info.kind, info.date) == ("handelingen", "2024-11-12")


# A letter of the guilder years, wrapped at a short width: the date line keeps its own line
# after the addressee (the normalizer used to join the two), so the date line dates the letter.
_OLD_LETTER = (
    "Tweede Kamer der Staten-Generaal\nVergaderjaar 1992–1993\n23 100 Mededingingsbeleid\n"
    "Nr. 3\nBRIEF VAN DE MINISTER VAN ECONOMISCHE ZAKEN\n"
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n{line}\n"
    "In deze brief ga ik in op het mededingingsbeleid en op de voorstellen.\n"
    "De Minister van Economische Zaken,\nJ. E. Andriessen\n"
)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Den Haag, 5 januari 1993", "1993-01-05"),
        ("'s-Gravenhage, 12 maart 1992", "1992-03-12"),
        ("Rijswijk, 7 december 1992", "1992-12-07"),
    ],
)
def test_date_line_of_a_short_wrapped_letter(line: str, date: str) -> None:
    info = _info(_OLD_LETTER.format(line=line))
    assert info.date == date
    assert not info.date_estimated


# Answers to Kamervragen are dated by the answer, also where the head writes "(Ontvangen".
@pytest.mark.parametrize("received", ["(Ontvangen 14 maart 1990.)", "(ontvangen 14 maart 1990)"])
def test_answer_received_in_either_case(received: str) -> None:
    passage = (
        "Tweede Kamer der Staten-Generaal\nAanhangsel van de Handelingen\n\n"
        "Vragen van het lid Van Nieuwenhoven (PvdA) aan de Minister van Sociale Zaken over "
        "uitkeringen aan grensarbeiders. (Ingezonden 12 februari 1990.)\n\n1\nIs het u bekend "
        "dat de uitkeringen worden gekort?\n\nAntwoord van minister De Vries (Sociale Zaken en "
        f"Werkgelegenheid). {received}\n\n1\nJa, dat is mij bekend.\n"
    )
    assert _info(passage).date == "1990-03-14"


# The sitting named in a transcript's head, on a line of its own or run on into the first turn.
@pytest.mark.parametrize(
    ("head", "date"),
    [
        ("Tweede Kamer, 37e vergadering, donderdag 1 februari 2024\n\nBegroting LNV\n\n",
         "2024-02-01"),
        ("Handelingen Tweede Kamer, vergadering van dinsdag 12 november 2024 ", "2024-11-12"),
    ],
)
def test_sitting_in_a_transcript_head(head: str, date: str) -> None:
    passage = (
        f"{head}De voorzitter:\nAan de orde is de begroting.\n\nMinister Adema:\nVoorzitter. "
        "Ik ga beginnen met de vragen.\n\nDe heer Jansen (CDA):\nDank u wel.\n\n"
        "Minister Adema:\nGraag gedaan.\n"
    )
    info = _info(passage)
    assert info.kind == "handelingen"
    assert info.date == date


def test_meeting_named_near_a_transcript_start_does_not_date_it() -> None:
    passage = (
        "De voorzitter:\nAan de orde is het debat over de Europese Raad, met de inzet voor de "
        "Eurogroep-vergadering van maandag 1 juli 2024.\n\nMinister Adema:\nVoorzitter. Ik ga "
        "beginnen met de vragen.\n\nDe heer Jansen (CDA):\nDank u wel.\n\nMinister Adema:\n"
        "Graag gedaan.\n"
    )
    assert _info(passage).date is None


def test_wrapped_prose_ending_in_a_place_and_date_is_no_date_line() -> None:
    # "in de brief van de minister van" / "Financiën, 12 maart 2024": a sentence wrapped over two
    # lines, not the letter's date line
    body = (
        "Geachte voorzitter,\nIn deze brief ga ik in op de vragen die zijn gesteld naar "
        "aanleiding van\n"
        "de eerdere brief van de minister van\nFinanciën, 12 maart 2024\n(Kamerstuk 36 200, nr. 3)"
        " over de uitvoering.\nDe Minister van Economische Zaken,\nJ. E. Andriessen\n"
    )
    assert _info(body).date is None

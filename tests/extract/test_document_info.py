"""The document component: identity, kind, title, written date and signer."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerlens.extract import extract
from kamerlens.extract.document import name_case, parse_date, sentence_case


def _doc(text: str, name: str = "doc.txt"):  # type: ignore[no-untyped-def]
    return extract(text.encode(), name=name).document


def test_document_info_seed_000(seed_000: Path) -> None:
    doc = extract(seed_000).document
    assert doc.kind == "verslag"
    assert (
        doc.title
        == "Verslag informele ministeriële bijeenkomst van de NAVO van 31 mei en 1 juni 2023"
    )
    assert (doc.signer.name, doc.signer.role) == (
        "W.B. Hoekstra",
        "Minister van Buitenlandse Zaken",
    )
    assert (doc.identifier, doc.dossier, doc.number) == (None, None, None)


def test_document_info_seed_004_has_no_signer(seed_004: Path) -> None:
    doc = extract(seed_004).document
    assert doc.kind == "verslag"
    assert doc.title == "Verslag van de NAVO ministeriële bijeenkomst van 29 en 30 november 2022"
    assert (doc.signer.name, doc.signer.role) == (None, None)


KAMERSTUK_LETTER = """Tweede Kamer der Staten-Generaal

Vergaderjaar 2022–2023

21 501-02 Raad Algemene Zaken en Raad Buitenlandse Zaken

Nr. 2733 BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 12 juni 2023

Hierbij bied ik u de geannoteerde agenda aan voor de Raad Buitenlandse Zaken van 26 juni 2023.

De Minister van Buitenlandse Zaken,
namens deze,
de directeur-generaal Politieke Zaken,
J.A. de Vries
"""


def test_document_info_kamerstukkop_letter() -> None:
    doc = _doc(KAMERSTUK_LETTER)
    assert (doc.identifier, doc.dossier, doc.number) == ("kst-21501-02-2733", "21501-02", "2733")
    assert doc.kind == "geannoteerde agenda"
    assert doc.date == "2023-06-12"
    assert doc.signer.name == "J.A. de Vries"
    assert doc.signer.role == "directeur-generaal Politieke Zaken"


def test_document_info_footer_gives_identity() -> None:
    text = "Hierbij zend ik u de brief.\n\nTweede Kamer, vergaderjaar 2022–2023, 36 200 X, nr. 26\n"
    doc = _doc(text)
    assert (doc.identifier, doc.dossier, doc.number) == ("kst-36200-X-26", "36200-X", "26")


def test_document_info_file_name_gives_identity() -> None:
    doc = _doc("Geachte voorzitter, hierbij informeer ik u.", name="kst-28676-434.txt")
    assert (doc.identifier, doc.dossier, doc.number) == ("kst-28676-434", "28676", "434")
    assert doc.kind == "brief"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Nr. 42 MOTIE VAN HET LID VALSTAR C.S.\n\nDe Kamer,\ngehoord de beraadslaging,", "motie"),
        (
            "De Kamer,\n\ngehoord de beraadslaging,\n\nverzoekt de regering, iets te doen,\n\n"
            "en gaat over tot de orde van de dag.\n\nValstar",
            "motie",
        ),
        ("Nr. 8 AMENDEMENT VAN HET LID KLAVER\n\nOntvangen 3 mei", "amendement"),
        (
            "Nr. 5 NOTA VAN WIJZIGING\n\nHet voorstel van wet wordt als volgt gewijzigd:",
            "nota van wijziging",
        ),
        ("Nr. 2 VOORSTEL VAN WET\n\nWij Willem-Alexander", "wetsvoorstel"),
        (
            "Antwoord van minister Hoekstra (Buitenlandse Zaken) (ontvangen 3 juli 2023)\n\n"
            "Vraag 1\nBent u bekend met het bericht?\n\nAntwoord 1\nJa.",
            "antwoorden op Kamervragen",
        ),
        ("Vraag 1\nKlopt het dat het zo is?\n\nAntwoord 1\nNee.", "antwoorden op Kamervragen"),
        (
            "Geannoteerde agenda Raad Buitenlandse Zaken van 26 juni 2023\n\nHierbij ...",
            "geannoteerde agenda",
        ),
        (
            "Verslag van een commissiedebat\n\nDe vaste commissie voor Defensie heeft ...",
            "verslag van een commissievergadering",
        ),
        ("Document: Besluitenlijst van de procedurevergadering van 2 april 2009", "besluitenlijst"),
        ("Geachte voorzitter,\n\nHierbij informeer ik uw Kamer over de stand van zaken.", "brief"),
        ("Het weer was mooi vandaag.", None),
    ],
)
def test_document_info_kind(text: str, kind: str | None) -> None:
    assert _doc(text).kind == kind


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Tekst.\n\nDe Minister van Buitenlandse Zaken,\n\nW.B. Hoekstra\n",
            "W.B. Hoekstra",
            "Minister van Buitenlandse Zaken",
        ),
        (
            "Tekst.\n\nHoogachtend,\n\nde staatssecretaris van Financiën,\n\nM. Snel\n",
            "M. Snel",
            "staatssecretaris van Financiën",
        ),
        (
            "Tekst.\n\nDe Minister voor Volkshuisvesting en Ruimtelijke Ordening,\nHugo de Jonge\n",
            "Hugo de Jonge",
            "Minister voor Volkshuisvesting en Ruimtelijke Ordening",
        ),
        (
            "Tekst.\n\nDe Minister-President, Minister van Algemene Zaken,\nM. Rutte\n",
            "M. Rutte",
            "Minister-President, Minister van Algemene Zaken",
        ),
        ("Besluit: vastgesteld.\nGriffier: G.F.C. van Leiden\n", "G.F.C. van Leiden", "Griffier"),
        ("Tekst zonder ondertekening. De Minister van Defensie heeft gesproken.", None, None),
    ],
)
def test_document_info_signer(text: str, name: str | None, role: str | None) -> None:
    doc = _doc(text)
    assert (doc.signer.name, doc.signer.role) == (name, role)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Den Haag, 12 juni 2023\n\nGeachte voorzitter,", "2023-06-12"),
        ("Datum 3 februari 2024\nBetreft Voortgang", "2024-02-03"),
        ("Nr. 42 MOTIE VAN HET LID X\n\nVoorgesteld 12 december 2022\n", "2022-12-12"),
        ("Het ligt ter inzage.\n\nBergen, 23 december 2015\n", "2015-12-23"),
        ("Op 12 juni 2023 vergaderde de Raad.", None),
    ],
)
def test_document_info_written_date(text: str, date: str | None) -> None:
    from kamerlens.extract.document_date import written_date
    from kamerlens.extract.pipeline import Doc
    from kamerlens.ingest import read
    from kamerlens.normalize import normalize

    raw = read(text.encode(), name="doc.txt")
    assert written_date(Doc(raw=raw, norm=normalize(raw))) == date


def test_document_info_subject_line_is_title() -> None:
    text = (
        "Datum 8 maart 2024\n"
        "Betreft Geannoteerde agenda Raad Algemene Zaken van 19 maart 2024\n\nGeachte voorzitter,"
    )
    assert _doc(text).title == "Geannoteerde agenda Raad Algemene Zaken van 19 maart 2024"


def test_document_info_motion_title_keeps_names() -> None:
    text = "Nr. 47 MOTIE VAN DE LEDEN DE GROOT EN VAN LEEUWEN\n\nVoorgesteld 29 november 2023\n"
    assert _doc(text).title == "Motie van de leden De Groot en Van Leeuwen"


@pytest.mark.parametrize(
    ("caps", "text", "expected"),
    [
        (
            "VERSLAG VAN DE NAVO-TOP VAN 11 EN 12 JULI 2023",
            "",
            "Verslag van de NAVO-top van 11 en 12 juli 2023",
        ),
        (
            "GEANNOTEERDE AGENDA RAAD BUITENLANDSE ZAKEN",
            "We spraken in de Raad Buitenlandse Zaken over de agenda.",
            "Geannoteerde agenda Raad Buitenlandse Zaken",
        ),
        ("BRIEF OVER DE EU EN DE VN", "", "Brief over de EU en de VN"),
    ],
)
def test_document_info_sentence_case(caps: str, text: str, expected: str) -> None:
    assert sentence_case(caps, text) == expected


def test_document_info_name_case_and_dates() -> None:
    assert name_case("VAN DER PLAS") == "Van der Plas"
    assert parse_date("Den Haag, 1 juni 2023") == "2023-06-01"
    assert parse_date("2023-06-12T00:00:00") == "2023-06-12"
    assert parse_date("geen datum") is None

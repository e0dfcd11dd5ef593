"""People: named after a role, a form of address, with initials, or as the signer."""

from __future__ import annotations

import pytest

from kamerlens.extract import extract
from kamerlens.extract.entities import find_people


def _people(passage: str) -> list[str]:
    return [name for name, _, _ in find_people(passage)]


@pytest.mark.parametrize(
    ("passage", "names"),
    [
        ("op uitnodiging van de Minister van Buitenlandse Zaken van Noorwegen Anniken Huitfeldt, "
         "vond een diner plaats", ["Anniken Huitfeldt"]),
        ("de motie van het lid Valstar c.s. over de Noordzee", ["Valstar"]),
        ("De leden Valstar, Boswijk en Van der Lee dienden een motie in.",
         ["Valstar", "Boswijk", "Van der Lee"]),
        ("Conform de motie-Koster wordt een loket ingericht.", ["Koster"]),
        ("De heer Omtzigt (NSC): Voorzitter.", ["Omtzigt"]),
        ("Mevrouw Van der Plas vroeg naar de mestregels.", ["Van der Plas"]),
        ("Minister Brekelmans: Dank u wel.", ["Brekelmans"]),
        ("De minister van Volksgezondheid, Welzijn en Sport Kuipers reageerde.", ["Kuipers"]),
        ("staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties, Uitermark",
         ["Uitermark"]),
        ("De Minister van Buitenlandse Zaken,\n\nW.B. Hoekstra", ["W.B. Hoekstra"]),
        ("De Minister van Justitie en Veiligheid,\nF.B.J. Grapperhaus", ["F.B.J. Grapperhaus"]),
        ("Wij Willem-Alexander, bij de gratie Gods, Koning der Nederlanden", ["Willem-Alexander"]),
        ("Nr. 47 MOTIE VAN DE LEDEN DE GROOT EN VAN LEEUWEN", ["De Groot", "Van Leeuwen"]),
        ("De Staatssecretaris van Financiën,\nM. Snel\n", ["M. Snel"]),
        ("De motie Koster over het funderingsloket.", ["Koster"]),
        ("eurocommissaris Sinkevičius lichtte het voorstel toe", ["Sinkevičius"]),
    ],
)
def test_entities_people_found(passage: str, names: list[str]) -> None:
    assert _people(passage) == names


@pytest.mark.parametrize(
    "passage",
    [
        "De Minister van Defensie heeft reeds eerder opgeroepen.",
        "door de Minister van Infrastructuur en Waterstaat, coördinerend bewindspersoon",
        "SG NAVO riep de bondgenoten op.",
        "Sessie 1 en 2: Rusland-Oekraïne",
        "De Oekraïense Minister van Buitenlandse Zaken en een vertegenwoordiger",
        "A. Inleiding\nDe regering stelt voor ...",
        "het lid van de commissie stelde een vraag",
        "De motie Aanpak wachtlijsten is aangenomen.",
        "Het lid Tweede Kamer neemt deel.",
    ],
)
def test_entities_people_not_found(passage: str) -> None:
    assert _people(passage) == []


def test_entities_people_merged_by_surname_with_every_mention() -> None:
    record = extract(
        b"Hierbij bied ik u het verslag aan.\n\nDe Minister van Buitenlandse Zaken,\n\n"
        b"W.B. Hoekstra\n\nZoals minister Hoekstra eerder schreef, blijft Hoekstra "
        b"betrokken. Emiel van Hoekstra is iemand anders.", name="brief.txt")
    (person,) = [e for e in record.entities if e.type == "person" and "Hoekstra" in e.name]
    assert person.name == "W.B. Hoekstra"
    assert [record.text[m.start:m.end] for m in person.mentions] == [
        "W.B. Hoekstra", "Hoekstra", "Hoekstra"]


MOTION = (
    "De Kamer,\n\ngehoord de beraadslaging,\n\nverzoekt de regering, de huurtoeslag per 1 "
    "januari te verhogen,\n\nen gaat over tot de orde van de dag.\n\n{signatures}\n\n"
    "kst-36500-XV-17\nISSN 0921 - 7371"
)


@pytest.mark.parametrize(
    ("signatures", "names"),
    [
        ("Van Dijk\nBikker\nDe Hoop\nGrinwis", ["Van Dijk", "Bikker", "De Hoop", "Grinwis"]),
        ("Teunissen\n\nVan der Plas", ["Teunissen", "Van der Plas"]),
        ("Omtzigt c.s.", ["Omtzigt"]),
    ],
)
def test_entities_people_motion_signatories(signatures: str, names: list[str]) -> None:
    record = extract(MOTION.format(signatures=signatures).encode(), name="motie.txt")
    people = [e.name for e in record.entities if e.type == "person"]
    assert people == names


def test_entities_people_no_signatories_without_the_closing_formula() -> None:
    record = extract(b"Het plan gaat door.\n\nBikker\nGrinwis\n", name="brief.txt")
    assert [e.name for e in record.entities if e.type == "person"] == []

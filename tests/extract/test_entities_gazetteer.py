"""The gazetteers at work in real prose: Dutch public bodies and international organisations,
Dutch municipalities, demonyms that name a region, bodies named inside an office title, and
names a document defines with an acronym (commas and lower-case words included)."""

from __future__ import annotations

import pytest

from kamerlens.extract import extract


def _entities(passage: str) -> dict[str, str]:
    record = extract(passage.encode("utf-8"), name="passage.txt")
    return {e.name: e.type for e in record.entities}


@pytest.mark.parametrize(
    ("passage", "name"),
    [
        ("Volgens het Nibud kunnen veel huishoudens rondkomen.", "Nibud"),
        ("Divosa en de VNG ondersteunen de gemeenten.", "Divosa"),
        ("De KNMP meldt tekorten bij apotheken.", "KNMP"),
        ("De Hoge Raad heeft op 6 juni uitspraak gedaan.", "Hoge Raad"),
        ("De Afdeling bestuursrechtspraak van de Raad van State oordeelde anders.",
         "Afdeling bestuursrechtspraak van de Raad van State"),
        ("De AIV bracht een advies uit over de uitbreiding.", "AIV"),
        ("De NZa houdt toezicht op de zorgverzekeraars.", "NZa"),
        ("Het WODC-onderzoek verschijnt in het najaar.", "WODC"),
        ("De Onderzoeksraad voor Veiligheid publiceerde een rapport.",
         "Onderzoeksraad voor Veiligheid"),
        ("Het Europees Drugsagentschap (EUDA) waarschuwt voor nieuwe middelen.", "EUDA"),
        ("De IOM helpt bij vrijwillige terugkeer.", "IOM"),
        ("ICES adviseert een lagere vangst van kabeljauw.", "ICES"),
    ],
)
def test_entities_gazetteer_public_bodies(passage: str, name: str) -> None:
    assert _entities(passage).get(name) == "organisation"


@pytest.mark.parametrize(
    ("passage", "place"),
    [
        ("In de havens van Vlissingen en Terneuzen wordt meer gecontroleerd.", "Vlissingen"),
        ("De schuldhulp in Zoetermeer en Almere wordt uitgebreid.", "Almere"),
        ("Het Rijk bouwt in Súdwest-Fryslân nieuwe woningen.", "Súdwest-Fryslân"),
        ("De burgemeester van Houten is tevreden.", "Houten"),
        ("In Bergen op Zoom opent een nieuw azc.", "Bergen op Zoom"),
    ],
)
def test_entities_gazetteer_dutch_municipalities(passage: str, place: str) -> None:
    assert _entities(passage).get(place) == "place"


@pytest.mark.parametrize(
    ("passage", "person", "town"),
    [
        # A surname that is also a town: the person, and no town.
        ("Het lid Van Houten (VVD) vroeg om een reactie.", "Van Houten", "Houten"),
        ("Namens de commissie sprak mevrouw A. van Dongen.", "A. van Dongen", "Dongen"),
        ("Zaak: Brief van lid - Tweede Kamerlid, Weert, J.P. van (CDA) - 2 april 2024",
         None, "Weert"),
    ],
)
def test_entities_gazetteer_surname_is_no_town(passage: str, person: str | None,
                                               town: str) -> None:
    found = _entities(passage)
    assert town not in found
    if person:
        assert found.get(person) == "person"


@pytest.mark.parametrize(
    "passage",
    [
        "De handel met Latijns-Amerikaanse landen groeit.",
        "Cocaïne komt via Zuid-Amerikaanse havens binnen.",
        "Het Midden-Amerikaanse migratiepad blijft druk.",
    ],
)
def test_entities_gazetteer_region_demonym_is_no_country(passage: str) -> None:
    assert "Verenigde Staten" not in _entities(passage)


def test_entities_gazetteer_demonym_of_a_country_still_counts() -> None:
    assert _entities("De Amerikaanse regering kondigde sancties aan.").get(
        "Verenigde Staten") == "country"


@pytest.mark.parametrize(
    ("passage", "body"),
    [
        ("De Staatssecretaris van Financiën – Toeslagen en Douane,\n\nA. de Jong", "Douane"),
        ("De staatssecretaris van Financiën - Fiscaliteit en Belastingdienst stuurt een brief.",
         "Belastingdienst"),
        ("Nederland pleit in de EU-Gezondheidsraad voor een lijst van geneesmiddelen.",
         "Gezondheidsraad"),
    ],
)
def test_entities_gazetteer_body_inside_a_title_is_no_mention(passage: str, body: str) -> None:
    assert body not in _entities(passage)


def test_entities_gazetteer_body_outside_the_title_still_counts() -> None:
    found = _entities("De Douane onderschepte meer cocaïne, meldt de Staatssecretaris van "
                      "Financiën – Toeslagen en Douane.")
    assert found.get("Douane") == "organisation"


@pytest.mark.parametrize(
    ("passage", "name", "long"),
    [
        ("Het Wetenschappelijk, Technisch en Economisch Comité voor de Visserij (WTECV) "
         "adviseert.", "WTECV",
         "Wetenschappelijk, Technisch en Economisch Comité voor de Visserij"),
        ("Ik heb met de Nederlandse orde van advocaten (NOvA) gesproken.", "NOvA",
         "Nederlandse orde van advocaten"),
        ("Nederland ontvangt uit het Europees Fonds voor regionale ontwikkeling (EFRO) meer.",
         "EFRO", "Europees Fonds voor regionale ontwikkeling"),
    ],
)
def test_entities_gazetteer_defined_name_is_taken_whole(passage: str, name: str, long: str
                                                        ) -> None:
    record = extract(passage.encode("utf-8"), name="passage.txt")
    (org,) = [e for e in record.entities if e.type == "organisation"]
    first = org.mentions[0]
    assert (org.name, record.text[first.start:first.end]) == (name, long)


def test_entities_gazetteer_defined_name_used_again_is_a_mention() -> None:
    record = extract(b"Het Europees Fonds voor regionale ontwikkeling (EFRO) steunt regio's.\n\n"
                     b"Europees Fonds voor regionale ontwikkeling\nDe middelen volgen.",
                     name="p.txt")
    names = [e.name for e in record.entities if e.type == "organisation"]
    assert names == ["EFRO"]
    # The definition, the acronym inside it, and the heading that repeats the long name.
    assert [record.text[m.start:m.end] for m in record.entities[0].mentions] == [
        "Europees Fonds voor regionale ontwikkeling", "EFRO",
        "Europees Fonds voor regionale ontwikkeling"]

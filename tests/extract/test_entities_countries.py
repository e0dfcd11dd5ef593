"""Countries by Dutch name (pycountry's Dutch catalogue plus the forms prose uses),
organisations from the gazetteer and from the document's own acronyms, places."""

from __future__ import annotations

import pytest

from kamerlens.extract import extract


def _entities(passage: str) -> dict[str, tuple[str, str | None]]:
    record = extract(passage.encode("utf-8"), name="passage.txt")
    return {e.name: (e.type, e.code) for e in record.entities}


@pytest.mark.parametrize(
    ("passage", "name", "code"),
    [
        ("Steun aan Oekraïne blijft nodig.", "Oekraïne", "UA"),
        ("Rusland zet de agressie voort.", "Rusland", "RU"),
        ("Samenwerking met Zuid-Korea en Japan.", "Zuid-Korea", "KR"),
        ("De ministers van Bosnië-Herzegovina spraken.", "Bosnië-Herzegovina", "BA"),
        ("Ook Bosnië en Herzegovina nam deel.", "Bosnië-Herzegovina", "BA"),
        ("De druk op Moldavië neemt toe.", "Moldavië", "MD"),
        ("Het Verenigd Koninkrijk en de Verenigde Staten reageerden.", "Verenigd Koninkrijk", "GB"),
        ("Het Verenigd Koninkrijk en de Verenigde Staten reageerden.", "Verenigde Staten", "US"),
        ("Handel met Nieuw-Zeeland groeit.", "Nieuw-Zeeland", "NZ"),
        ("Een project in Georgië.", "Georgië", "GE"),
        ("De NAVO-bijeenkomst in Roemenië.", "Roemenië", "RO"),
        ("Tsjechië en Turkije stemden in.", "Tsjechië", "CZ"),
        ("De Russische invasie van Oekraïne.", "Rusland", "RU"),
        ("De crisis in Niger duurt voort.", "Niger", "NE"),
    ],
)
def test_entities_countries_dutch_names(passage: str, name: str, code: str) -> None:
    assert _entities(passage)[name] == ("country", code)


@pytest.mark.parametrize(
    ("passage", "name"),
    [
        ("De NATO en de NAVO zijn hetzelfde.", "NAVO"),
        ("In NAVO-verband is afgesproken dat ...", "NAVO"),
        ("De Europese Unie en de lidstaten.", "EU"),
        ("Binnen de Joint Expeditionary Force wordt samengewerkt.", "JEF"),
        ("Het IMF en de Wereldbank verlenen steun.", "Wereldbank"),
        ("De OVSE zendt waarnemers.", "OVSE"),
        ("Nederland steunt het Ukraine Comprehensive Assistance Package (UCAP) van de NAVO.",
         "UCAP"),
        ("Het advies van het Adviescollege Openbaarheid en Informatiehuishouding (ACOI) volgt.",
         "ACOI"),
        ("Samenwerking in het NATO Channel Committee.", "NATO Channel Committee"),
        ("Het Rijk draagt bij aan het Fonds Duurzaam Funderingsherstel.",
         "Fonds Duurzaam Funderingsherstel"),
        ("De Reactie van de Algemene Rekenkamer volgt.", "Algemene Rekenkamer"),
    ],
)
def test_entities_countries_organisations(passage: str, name: str) -> None:
    assert _entities(passage)[name][0] == "organisation"


def test_entities_countries_acronym_not_an_organisation() -> None:
    found = _entities("De nieuwe Defence Investment Pledge (DIP) wordt vastgesteld.")
    assert "DIP" not in found


def test_entities_countries_eu_commission_in_an_eu_text() -> None:
    found = _entities("De Europese Raad sprak over de EU-begroting. De Commissie komt met een "
                      "voorstel.")
    assert found["Europese Commissie"] == ("organisation", None)
    assert "Europese Commissie" not in _entities("De Commissie van Toezicht oordeelt.")


@pytest.mark.parametrize(
    ("passage", "place"),
    [
        ("De top vond plaats in Vilnius.", "Vilnius"),
        ("Postbus 20061\n2500 EB Den Haag", "Den Haag"),
        ("Vennewatersweg 29, 1935 AS, Egmond-Binnen - bouw bedrijfswoning.", "Egmond-Binnen"),
        ("Het ligt ter inzage in het gemeentehuis van Bergen.", "Bergen"),
        ("Gegeven te Wassenaar.\n\nWassenaar, 9 maart 2018\n", "Wassenaar"),
        ("De bijeenkomst in Sharm-el-Sheikh bracht weinig.", "Sharm-el-Sheikh"),
    ],
)
def test_entities_countries_places(passage: str, place: str) -> None:
    assert _entities(passage)[place] == ("place", None)


def test_entities_countries_letterhead_addressee_is_no_mention() -> None:
    found = _entities("De Voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018")
    assert "Tweede Kamer" not in found

"""No entity mentions from printing furniture (the Kamerstuk head and footer, the colophon),
no organisation from a treaty named after a body or from a conference acronym, and members
whose party stands in brackets after their names."""

from __future__ import annotations

import pytest

from kamerlens.extract import extract


def _mentions(passage: str) -> dict[str, list[str]]:
    record = extract(passage.encode("utf-8"), name="passage.txt")
    return {e.name: [record.text[m.start:m.end] for m in e.mentions] for e in record.entities}


@pytest.mark.parametrize(
    ("passage", "absent"),
    [
        ("Tweede Kamer der Staten-Generaal 2 Vergaderjaar 2024–2025\n\n36 600 X Vaststelling van "
         "de begrotingsstaten\n\nNr. 12 BRIEF VAN DE MINISTER VAN DEFENSIE\n\nHet kabinet steunt "
         "Oekraïne.\n\nISSN 0921 - 7371 's-Gravenhage 2024\n\nDe minister van Defensie,\n",
         ("Tweede Kamer", "'s-Gravenhage")),
        ("Het kabinet blijft Oekraïne steunen.\n\n's-Gravenhage 2025\n\nOnderdeel A\n\n"
         "De termijn wordt verlengd.\n", ("'s-Gravenhage",)),
        ("Tweede Kamer der Staten-Generaal Aanhangsel van de Handelingen\n\nVragen gesteld door "
         "de leden der Kamer, met de daarop door de regering gegeven antwoorden\n\n"
         "Het tekort is groot.\n", ("Tweede Kamer",)),
        ("De gemeenten krijgen meer ruimte.\nTweede Kamer, vergaderjaar 2024–2025, 36 512, nr. 7"
         "\n3\n", ("Tweede Kamer",)),
        ("3. Diversen: COP16 van het VN-Woestijnverdrag\n\nVan 2 tot en met 13 december 2024 "
         "vindt in Riyad de zestiende Conferentie van Partijen (COP16) van het "
         "VN-Woestijnverdrag plaats.",
         ("VN", "COP16")),
        ("Nederland steunt het EU-Turkije-akkoord en de VN-Klimaatconventie.", ("VN",)),
    ],
)
def test_furniture_treaties_and_conferences_make_no_mention(
    passage: str, absent: tuple[str, ...]
) -> None:
    found = _mentions(passage)
    for name in absent:
        assert name not in found, (name, found.get(name))


@pytest.mark.parametrize(
    ("passage", "name"),
    [
        ("Het kabinet heeft de Tweede Kamer op 3 maart geïnformeerd over de voortgang.",
         "Tweede Kamer"),
        ("De VN-Veiligheidsraad sprak op 4 april over de situatie in Soedan.",
         "VN-Veiligheidsraad"),
        ("Ik heb de gesprekken met de gemeente 's-Gravenhage afgerond.", "'s-Gravenhage"),
        ("Vragen van de leden Soepboer (NSC) en Bontenbal (CDA) aan de Minister van Onderwijs, "
         "Cultuur en Wetenschap over het lerarentekort.", "Bontenbal"),
        ("Vragen van de leden Soepboer (NSC) en Bontenbal (CDA) aan de Minister van Onderwijs, "
         "Cultuur en Wetenschap over het lerarentekort.", "Soepboer"),
        ("Vragen van het lid Van Dijk (GroenLinks-PvdA) aan de Staatssecretaris.", "Van Dijk"),
    ],
)
def test_running_text_keeps_its_mentions(passage: str, name: str) -> None:
    assert name in _mentions(passage)


def test_party_in_brackets_is_no_person() -> None:
    found = extract(b"Vragen van de leden Soepboer (NSC) en Bontenbal (CDA) over scholen.",
                    name="p.txt").entities
    assert {e.name for e in found if e.type == "person"} == {"Soepboer", "Bontenbal"}

"""Countries, organisations, people and places of the seed letters, each with its mentions."""

from __future__ import annotations

from pathlib import Path

from kamerlens.extract import extract


def _by_type(path: Path) -> dict[str, dict[str, tuple]]:  # type: ignore[type-arg]
    record = extract(path)
    out: dict[str, dict[str, tuple]] = {}  # type: ignore[type-arg]
    for e in record.entities:
        texts = tuple(record.text[m.start:m.end] for m in e.mentions)
        out.setdefault(e.type, {})[e.name] = (e.code, texts)
    return out


def test_entities_seeds_000(seed_000: Path) -> None:
    found = _by_type(seed_000)
    assert {n: c for n, (c, _) in found["country"].items()} == {
        "Noorwegen": "NO", "Zweden": "SE", "Oekraïne": "UA", "Rusland": "RU", "Nederland": "NL"}
    assert set(found["place"]) == {"Oslo", "Vilnius", "Boekarest", "Wales", "Brussel"}
    assert set(found["organisation"]) == {"NAVO", "UCAP"}
    assert set(found["person"]) == {"W.B. Hoekstra", "Anniken Huitfeldt"}
    # Rusland is named only by its adjective here ("de volledige Russische invasie")
    assert set(found["country"]["Rusland"][1]) == {"Russische"}
    # an acronym's mentions include its definition's long form
    assert "Ukraine Comprehensive Assistance Package" in found["organisation"]["UCAP"][1]


def test_entities_seeds_004(seed_004: Path) -> None:
    found = _by_type(seed_004)
    assert {n: c for n, (c, _) in found["country"].items()} == {
        "Roemenië": "RO", "Rusland": "RU", "Oekraïne": "UA", "Finland": "FI", "Zweden": "SE",
        "Duitsland": "DE", "Nederland": "NL", "China": "CN", "Australië": "AU", "Japan": "JP",
        "Nieuw-Zeeland": "NZ", "Zuid-Korea": "KR", "Bosnië-Herzegovina": "BA", "Georgië": "GE",
        "Moldavië": "MD"}
    orgs = set(found["organisation"])
    assert {"NAVO", "EU", "G7", "UCAP", "JEF", "NATO Channel Committee"} <= orgs
    assert set(found["person"]) == {"Valstar", "Boswijk"}
    # the motion's member is mentioned in the body and in the footnote
    assert len(found["person"]["Valstar"][1]) == 2
    assert {"Boekarest", "Madrid"} <= set(found["place"])


def test_entities_seeds_no_false_people(seed_000: Path, seed_004: Path) -> None:
    for path in (seed_000, seed_004):
        people = set(_by_type(path)["person"])
        assert not people & {"De", "Sessie", "Mei", "Juni", "Nederland", "Tot", "Op"}


def test_entities_seeds_mentions_point_into_the_text(seed_000: Path, seed_004: Path) -> None:
    for path in (seed_000, seed_004):
        record = extract(path)
        for entity in record.entities:
            assert entity.mentions
            for m in entity.mentions:
                assert 0 <= m.start < m.end <= len(record.text)
            assert list(entity.mentions) == sorted(entity.mentions, key=lambda m: m.start)

"""The meetings of the two seed letters, each once, with place, dates and relation."""

from __future__ import annotations

from pathlib import Path

from kamerlens.extract import extract
from kamerlens.extract.events import event_at, find_event


def _events(path: Path) -> dict[tuple[str, str | None], tuple]:  # type: ignore[type-arg]
    record = extract(path)
    return {(e.name, e.place): (e.start_date, e.end_date, e.relation) for e in record.events}


def test_events_seeds_000(seed_000: Path) -> None:
    found = _events(seed_000)
    assert found[("informele bijeenkomst van de NAVO-Ministers van Buitenlandse Zaken", "Oslo")] \
        == ("2023-05-31", "2023-06-01", "past")
    assert found[("NAVO-Top", "Vilnius")] == ("2023-07", "2023-07", "upcoming")
    assert found[("NAVO-Top", "Boekarest")] == ("2008", "2008", "past")
    assert found[("NAVO-Top", "Wales")] == ("2014", "2014", "past")
    assert found[("bijeenkomst van NAVO-Ministers van Defensie", "Brussel")] == (
        "2023-06-15", "2023-06-16", "upcoming")


def test_events_seeds_000_vilnius_mentioned_five_times_is_one_event(seed_000: Path) -> None:
    record = extract(seed_000)
    vilnius = [e for e in record.events if e.place == "Vilnius"]
    assert len(vilnius) == 1
    (summit,) = vilnius
    assert len(summit.mentions) >= 5
    texts = [record.text[m.start:m.end] for m in summit.mentions]
    assert texts[0] == summit.text == "NAVO-Top in Vilnius in juli"
    # the date of the first mention holds for the bare one later ("de Top in Vilnius zal ...")
    assert any(t.startswith("Top in Vilnius") for t in texts)


def test_events_seeds_004(seed_004: Path) -> None:
    found = _events(seed_004)
    assert found[("NAVO ministeriële bijeenkomst", "Boekarest")] == (
        "2022-11-29", "2022-11-30", "past")
    assert found[("NAVO Top", "Boekarest")] == ("2008", "2008", "past")
    assert found[("NAVO Top", "Madrid")] == ("2022-06", "2022-06", "past")
    assert found[("Raad Buitenlandse Zaken", None)] == ("2022-12-12", "2022-12-12", "upcoming")
    assert found[("Commissie Debat ter voorbereiding op de FMM", None)] == (None, None, "past")


def test_events_seeds_lookup_by_span_and_name(seed_000: Path) -> None:
    """Commitments resolve "voorafgaand aan de NAVO-Top in Vilnius" through these."""
    record = extract(seed_000)
    at = record.text.index("voorafgaand aan de NAVO-Top in Vilnius")
    from kamerlens.extract.pipeline import Doc

    doc = Doc(raw=None, norm=None)  # type: ignore[arg-type]
    doc.results["events"] = list(record.events)
    summit = event_at(doc, at, at + 40)
    assert summit is not None and (summit.name, summit.start_date) == ("NAVO-Top", "2023-07")
    assert find_event(doc, "vilnius") is summit

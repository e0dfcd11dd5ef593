"""Findings: flaws a careful clerk would flag, and nothing a clerk would shrug at."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerlens.extract import extract
from kamerlens.extract.findings import findings
from kamerlens.extract.pipeline import Doc
from kamerlens.extract.sentences import split
from kamerlens.ingest import read
from kamerlens.models import Event, Finding, Footnote, Mention, Reference
from kamerlens.normalize import NormalizedText, normalize

LETTERS = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "letters"  # written ones


def _doc(text: str, **info: object) -> Doc:
    raw = read(text.encode(), name="brief.txt")
    doc = Doc(raw=raw, norm=normalize(raw))
    doc.sentences = split(doc.text)
    doc.info.update(info)
    return doc


def _run(doc: Doc) -> list[Finding]:
    findings(doc)
    return list(doc.results["findings"])


def test_findings_flaws_seed_004_body_year_contradicts_title(seed_004: Path) -> None:
    record = extract(seed_004)
    conflicts = [f for f in record.findings if f.kind == "date_conflict"]
    (found,) = conflicts
    assert record.text[found.start : found.end] == "29 en 30 november 2023"
    assert "2022" in found.message and "2023" in found.message


def test_findings_flaws_seed_000_broken_cover_sentence(seed_000: Path) -> None:
    record = extract(seed_000)
    (found,) = record.findings
    assert found.kind == "incomplete_sentence"
    assert record.text[found.start : found.end].startswith("Hierbij bied ik u het ministeriële")
    assert "aan" in found.message


@pytest.mark.parametrize(
    "path",
    [
        "dev_kamerbrief.txt",
        "dev_antwoorden_kamervragen.txt",
        "dev_geannoteerde_agenda.txt",
        "dev_motie.txt",
    ],
)
def test_findings_flaws_clean_letters_have_none(path: str) -> None:
    assert extract(LETTERS / path).findings == ()


@pytest.mark.parametrize(
    ("title", "body", "flagged"),
    [
        (
            "Verslag Raad van 29 en 30 november 2022",
            "Op 29 en 30 november 2023 kwamen de ministers samen in Brussel.",
            "29 en 30 november 2023",
        ),
        (
            "Verslag Raad van 12 december 2022",
            "Op 12 december 2023 vergaderde de Raad in Brussel.",
            "12 december 2023",
        ),
        # the same day a year earlier, later in the text, is history, not a typo
        (
            "Verslag Raad van 12 december 2022",
            "Op 12 december 2022 vergaderde de Raad. Eerder, op "
            "12 december 2021, nam de Raad een ander besluit.",
            None,
        ),
        (
            "Verslag Raad van 29 en 30 november 2022",
            "Op 29 en 30 november 2022 kwamen de ministers samen.",
            None,
        ),
    ],
)
def test_findings_flaws_title_conflict(title: str, body: str, flagged: str | None) -> None:
    doc = _doc(body, title=title)
    found = [f for f in _run(doc) if f.kind == "date_conflict"]
    assert [doc.text[f.start : f.end] for f in found] == ([flagged] if flagged else [])


def test_findings_flaws_past_after_the_written_date() -> None:
    doc = _doc("Op 3 maart 2025 vond de bijeenkomst plaats in Genève.", date="2024-03-10")
    (found,) = _run(doc)
    assert found.kind == "date_conflict" and "2024-03-10" in found.message
    doc = _doc(
        "Op 3 maart 2025 vond de bijeenkomst plaats in Genève.",
        date="2024-03-10",
        date_estimated=True,
    )
    assert _run(doc) == []  # an estimated date is no ground to call the text wrong
    assert _run(_doc("Op 3 maart 2024 vond de bijeenkomst plaats.", date="2024-03-10")) == []


def test_findings_flaws_past_after_an_upcoming_meeting() -> None:
    text = (
        "Op 29 en 30 november 2023 kwamen de ministers samen in Boekarest. Tijdens de aanstaande "
        "Raad Buitenlandse Zaken op 12 december zal ik aandacht vragen voor dit onderwerp."
    )
    doc = _doc(text)
    at = text.index("Raad Buitenlandse Zaken op 12 december")
    doc.results["events"] = [
        Event(
            "Raad Buitenlandse Zaken",
            None,
            "2022-12-12",
            None,
            "upcoming",
            "Raad Buitenlandse Zaken op 12 december",
            at,
            at + 38,
        )
    ]
    (found,) = _run(doc)
    assert doc.text[found.start : found.end] == "29 en 30 november 2023"
    assert "upcoming" in found.message


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Op woensdag 12 december 2023 vergaderde de Raad.", True),  # it was a Tuesday
        ("Op dinsdag 12 december 2023 vergaderde de Raad.", False),
        ("Op woensdag 31 mei en donderdag 1 juni 2023 vond een bijeenkomst plaats.", False),
        ("Op maandag 31 mei en donderdag 1 juni 2023 vond een bijeenkomst plaats.", True),
        ("Besluitenlijst van de procedurevergadering van donderdag 2 april 2009.", False),
    ],
)
def test_findings_flaws_weekday_must_fit_the_date(text: str, flagged: bool) -> None:
    found = [f for f in _run(_doc(text)) if "was a" in f.message]
    assert bool(found) == flagged


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("Hierbij bied ik u het ministeriële bijeenkomst van 31 mei en 1 juni 2023.", True),
        ("Hierbij bied ik u het verslag aan van de bijeenkomst van 31 mei 2023.", False),
        ("Hierbij bieden wij u de antwoorden aan op de vragen van het lid Van der Lee.", False),
        (
            "Hierbij bied ik u, mede namens de Minister van Defensie, de geannoteerde agenda aan.",
            False,
        ),
        ("Hierbij doe ik u de nota naar aanleiding van het verslag toekomen.", False),
        ("Hierbij doe ik u de nota naar aanleiding van het verslag.", True),
        ("Hierbij stuur ik u het verslag van de bijeenkomst.", False),
    ],
)
def test_findings_flaws_broken_cover_formula(sentence: str, flagged: bool) -> None:
    found = [f for f in _run(_doc(sentence)) if f.kind == "incomplete_sentence"]
    assert bool(found) == flagged


def _with_notes(text: str, notes: list[tuple[str, str, int | None]]) -> Doc:
    """A text whose footnotes (number, text, marker offset) follow the body."""
    body_end = len(text)
    full = text + "\n\n" + "\n".join(f"{n} {t}" for n, t, _ in notes)
    pos, made = body_end + 2, []
    for number, note, marker in notes:
        start = pos + len(number) + 1
        made.append(
            Footnote(
                number,
                note,
                start,
                start + len(note),
                Mention(marker, marker + 1) if marker is not None else None,
            )
        )
        pos = start + len(note) + 1
    raw = read(full.encode(), name="brief.txt")
    doc = Doc(raw=raw, norm=NormalizedText(full, body_end, tuple(made)))
    doc.sentences = split(full, 0, body_end)
    return doc


def test_findings_flaws_footnote_marker_without_note() -> None:
    text = "De motie is aangenomen.¹ Het rapport verscheen later.³ Het gebied is 12 km² groot."
    doc = _with_notes(text, [("1", "Kamerstuk 36 200 X, nr. 26", text.index("¹"))])
    (found,) = _run(doc)
    assert found.kind == "footnote" and doc.text[found.start : found.end] == "³"


def test_findings_flaws_footnote_never_referenced() -> None:
    text = "De motie is aangenomen.¹ Het rapport verscheen later."
    doc = _with_notes(
        text,
        [
            ("1", "Kamerstuk 36 200 X, nr. 26", text.index("¹")),
            ("2", "Kamerstuk 28 676, nr. 434", None),
        ],
    )
    (found,) = _run(doc)
    assert found.kind == "footnote" and "2" in found.message
    # a marker glued to a word that the normalizer did not tie is no flaw of the document
    text = "De motie is aangenomen.¹ Het rapport van Boswijk2 verscheen later."
    doc = _with_notes(
        text,
        [
            ("1", "Kamerstuk 36 200 X, nr. 26", text.index("¹")),
            ("2", "Kamerstuk 28 676, nr. 434", None),
        ],
    )
    assert _run(doc) == []


def test_findings_flaws_reference_from_a_later_parliamentary_year() -> None:
    text = "Zie Kamerstukken II 2024/25, 36 600, nr. 5 en Kamerstukken II 2022/23, 36 200, nr. 1."
    doc = _doc(text, date="2023-05-01")
    a, b = text.index("Kamerstukken II 2024/25"), text.index("Kamerstukken II 2022/23")
    doc.results["references"] = [
        Reference("kamerstuk", "36600", "5", "II", text[a : a + 42], a, a + 42, year="2024/25"),
        Reference("kamerstuk", "36200", "1", "II", text[b : b + 42], b, b + 42, year="2022/23"),
    ]
    (found,) = _run(doc)
    assert found.kind == "reference_date" and found.start == a


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Den Haag, 30 februari 2024\n\nOp 31 juni 2024 vond de Raad plaats.", "31 juni 2024"),
        ("Op 30 februari 2023 sprak ik met de Commissie.", "30 februari 2023"),
    ],
)
def test_findings_flaws_impossible_date_is_flagged_not_fatal(text: str, flagged: str) -> None:
    from kamerlens.extract import extract

    record = extract(text.encode(), name="brief.txt")
    found = [f for f in record.findings if f.kind == "impossible_date"]
    assert [record.text[f.start : f.end] for f in found][-1].endswith(flagged)
    assert record.document.date is None or record.document.date_estimated


def test_findings_flaws_leap_day_is_no_flaw() -> None:
    from kamerlens.extract import extract

    record = extract(b"Op 29 februari 2024 vond de Raad plaats.", name="brief.txt")
    assert not [f for f in record.findings if f.kind == "impossible_date"]

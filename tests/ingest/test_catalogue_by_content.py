"""A Kamerstukken metadata CSV is recognised by its content: a catalogue, not a letter."""

from __future__ import annotations

import shutil
from pathlib import Path

from kamerlens.extract import extract
from kamerlens.ingest import read

CSV = (
    Path(__file__).resolve().parents[2]
    / "examples"
    / "metadata"
    / "kamerstukken_2000-2025_sample.csv"
)


def test_catalogue_by_content_whatever_the_file_name(tmp_path: Path) -> None:
    renamed = tmp_path / "lijst.txt"
    shutil.copy(CSV, renamed)
    raw = read(renamed)
    assert raw.format == "catalogue"
    record = extract(raw)
    assert record.document.kind == "catalogue"
    assert record.document.title == "Catalogue of 2500 Kamerstukken"
    assert record.references == ()


def test_catalogue_by_content_a_letter_with_commas_stays_a_letter() -> None:
    raw = read(
        b"Geachte voorzitter, hierbij informeer ik u, zoals toegezegd, over de title.", name="b.txt"
    )
    assert raw.format == "text"

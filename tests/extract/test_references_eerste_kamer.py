"""Eerste Kamer documents are lettered ("Kamerstukken I 2023/24, 36 216, C"): the letter is the
ondernummer, with or without "nr." or "letter"; a capital that starts a word is none."""

from __future__ import annotations

import pytest

from kamerlens.extract.references import find


def _ids(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(r.dossier, r.number, r.chamber) for r in find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zie Kamerstukken I 2023/24, 36 216, C.", [("36216", "C", "I")]),
        ("(Kamerstukken I 2022/23, 36 200 VII, D)", [("36200-VII", "D", "I")]),
        ("Kamerstukken I 2023/24, 36 216, letter C", [("36216", "C", "I")]),
        ("Kamerstukken I 2021/22, 35 925, nr. E", [("35925", "E", "I")]),
        ("Kamerstuk 35 925, nr. E", [("35925", "E", None)]),
        ("Kamerstukken I 2019/20, 35 300, A en B", [("35300", "A", "I"), ("35300", "B", "I")]),
        ("Kamerstukken I 2020/21, 35 570 IX, AB;", [("35570-IX", "AB", "I")]),
    ],
)
def test_references_eerste_kamer_letters(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _ids(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word after the dossier, not a letter
        ("Kamerstukken II 2023/24, 36 216, Commissie en kabinet", [("36216", None, "II")]),
        ("Kamerstuk 36 216, In de brief staat", [("36216", None, None)]),
        # initials of a name after the citation
        ("Kamerstukken I 2023/24, 36 216, C.S. Jansen schreef", [("36216", None, "I")]),
        # no lead word: a bare "36 216, C" is too weak to be a citation
        ("de wet (36 216, C) is aangenomen", []),
    ],
)
def test_references_eerste_kamer_no_letter_from_words(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert _ids(text) == expected

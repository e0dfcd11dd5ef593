"""Two-column pages read in reading order, whatever order the content stream writes them in.

The words are a real debate's (the LNV begroting 2024, as published); the layout is the
Handelingen's: two columns of 50 characters, the speaker's name in bold, the footer "Tweede Kamer
... TK 37 ... 37-4-1" under both columns. The stream writes the page column by column, the right
column first, or row by row across both columns (PDFium then joins the two halves of a row).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pdfmaker import Placed, make_placed_pdf

from kamerlens.ingest import read
from kamerlens.normalize import normalize

DOCS = Path(__file__).resolve().parents[1] / "real" / "docs"
_LABEL = re.compile(r"(De voorzitter|Minister Adema|Mevrouw Van der Plas \(BBB\)):")
_FOOTER = ["Tweede Kamer", "Begroting Landbouw, Natuur en", "Voedselkwaliteit 2024"]


def _passage() -> str:
    text = (DOCS / "hand_lnv_begroting_2024.txt").read_text("utf-8")
    start = text.index("De voorzitter: Ik heb begrepen")
    end = text.index("Geachte Kamerleden.")
    return text[start:end].strip()


def _wrap(words: list[str], width: int = 50) -> list[str]:
    """Fill lines of ``width`` characters; a long word that does not fit is split with a hyphen,
    as a typesetter does ("boerenpro-" / "testen")."""
    lines, line = [], ""
    for word in words:
        if len(line) + 1 + len(word) <= width or not line:
            line = f"{line} {word}".strip()
            continue
        room = width - len(line) - 2
        while room > 1 and set(word[room - 1 : room + 1]) <= set("aeiou"):
            room -= 1  # "interrupti-es" is no Dutch syllable break
        if word.isalpha() and word.islower() and len(word) >= 12 and room >= 5:
            lines.append(f"{line} {word[:room]}-")
            line = word[room:]
        else:
            lines.append(line)
            line = word
    return [*lines, line]


def _turns(passage: str) -> list[tuple[str, list[str]]]:
    parts = _LABEL.split(passage)
    return [(parts[k], _wrap(parts[k + 1].split())) for k in range(1, len(parts), 2)]


def _label_runs(label: str) -> list[tuple[str, str]]:
    salutation, _, name = label.partition(" ")
    if salutation == "De":  # "De voorzitter": only "voorzitter" in bold
        return [("F1", "De "), ("F2", name), ("F1", ":")]
    name, _, party = name.partition(" (")
    runs = [("F1", salutation + " "), ("F2", name)]
    return runs + ([("F1", f" ({party}:")] if party else [("F1", ":")])


def _pages(order: str) -> list[list[Placed]]:
    """Lay the turns out in two columns of 14 lines a page; ``order`` is the stream's order."""
    columns: list[list[Placed]] = [[]]
    for label, lines in _turns(_passage()):
        for k, line in enumerate([label, *lines]):
            if len(columns[-1]) >= 14:
                columns.append([])
            column = columns[-1]
            y = column[-1][1] - (16 if k == 0 else 10) if column else 760
            runs = _label_runs(line) if k == 0 else [("F1", line)]
            column.append((56 if len(columns) % 2 else 305, y, runs, 8.6))
    # a right column's lines sit where the left column's lines of the same row sit
    pages = []
    for p in range(0, len(columns), 2):
        left, right = columns[p], columns[p + 1] if p + 1 < len(columns) else []
        right = [
            (x, left[i][1] if i < len(left) else y, runs, s)
            for i, (x, y, runs, s) in enumerate(right)
        ]
        footer: list[Placed] = [
            (56, 66, [("F1", _FOOTER[0])], 8.6),
            (141, 75, [("F1", _FOOTER[1])], 8.6),
            (141, 66, [("F1", _FOOTER[2])], 8.6),
            (306, 76, [("F1", "1 februari 2024")], 8.6),
            (305, 66, [("F1", "TK 37")], 8.6),
            (516, 66, [("F1", f"37-4-{p // 2 + 1}")], 8.6),
        ]
        if order == "columns":
            stream = left + right + footer
        elif order == "right first":
            stream = footer + right + left
        else:  # row by row, across both columns
            stream = footer + [line for row in zip(left, right, strict=False) for line in row]
            stream += left[len(right) :] + right[len(left) :]
        pages.append(stream)
    return pages


def _fold(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("order", ["columns", "right first", "rows"])
def test_pdf_columns_reading_order(order):
    pages = _pages(order)
    assert len(pages) == 2
    raw = read(make_placed_pdf(pages), name="handelingen.pdf")
    norm = normalize(raw)
    body = norm.text[: norm.body_end]
    assert _fold(body) == _fold(_passage())  # every word, in order; hyphenated words whole
    assert "boerenprotesten" in body and "informatieverzoek" in body
    # the footer is read after the columns and dropped as furniture, never inside a sentence
    assert "TK 37" not in body and "37-4-" not in body and "Tweede Kamer" not in body
    assert sum("TK 37" in line for line in norm.furniture) == 2
    # each bold speaker label opens a paragraph; the turn's words follow on the next line
    labels = [m.group() for m in _LABEL.finditer(_passage())]
    assert len(raw.labels) == len(labels) == 5
    found = re.findall(r"(?:^|\n\n)(" + _LABEL.pattern + r")\n\S", body)
    assert [f[0] for f in found] == labels


def test_pdf_columns_running_speech_ending_in_colon_is_no_label():
    """A line of speech that opens like a label and ends in a colon, not in bold, runs on."""
    words = "Dat is helder. Ik citeer: De heer Van Campen zei daarover het volgende:"
    speech = _wrap(["Dank", "u", "wel."] * 30) + _wrap(words.split(" "))
    lines: list[Placed] = [(56, 760, _label_runs("Minister Adema"), 8.6)]
    lines += [(56, 750 - 10 * k, [("F1", line)], 8.6) for k, line in enumerate(speech)]
    raw = read(make_placed_pdf([lines]), name="een.pdf")
    assert len(raw.labels) == 1
    assert "Ik citeer: De heer Van Campen zei daarover het volgende:" in normalize(raw).text

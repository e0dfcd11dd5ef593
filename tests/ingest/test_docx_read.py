"""Word files are read by their magic bytes: headings, footnotes and tables kept, same record."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest

from kamerlens.errors import IngestError
from kamerlens.extract import extract
from kamerlens.ingest import read
from kamerlens.ingest.sniff import sniff

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from docxkit import LETTER, LETTER_NOTES, build_docx  # noqa: E402

RESOURCES = Path(__file__).resolve().parents[1] / "fixtures" / "sync" / "resources"
LETTER_FILE = RESOURCES / "d0c00000-0000-4000-8000-000000000002.docx"


def test_docx_read_headings_footnotes_and_table() -> None:
    raw = read(LETTER_FILE)
    assert raw.format == "docx" and raw.structured
    assert raw.headings[:2] == (
        "29 924 Militaire Inlichtingen- en Veiligheidsdienst (MIVD)",
        "Nr. 291 BRIEF VAN DE MINISTER VAN DEFENSIE",
    )
    assert "Opvolging van aanbevelingen" in raw.headings
    assert "Laundry Bear | 12 | 9" in raw.text
    (note,) = raw.notes
    assert note.number == "1" and note.text == "Handelingen II 2024/25, nr. 98, item 12."
    assert raw.text[note.marker_start] == "¹"  # the marker sits where the reference was


def test_docx_read_record_offsets_hold() -> None:
    record = extract(LETTER_FILE).to_dict()
    text = record["text"]
    assert record["document"]["format"] == "docx"
    assert (record["document"]["dossier"], record["document"]["number"]) == ("29924", "291")
    assert record["document"]["signer"]["name"] == "R.P. Brekelmans"
    (motion,) = record["motions"]
    assert (motion["dossier"], motion["number"]) == ("29924", "290")
    for kind in ("references", "motions", "commitments"):
        for item in record[kind]:
            assert text[item["start"] : item["end"]] == item["text"], (kind, item)
    titles = [text[s["start"] : s["end"]] for s in record["sections"]]
    assert any(t.startswith("Opvolging van aanbevelingen") for t in titles), titles
    assert any("informeren" in c["text"] for c in record["commitments"])
    assert record["footnotes"][0]["text"].startswith("Handelingen II")


def test_docx_read_same_text_as_the_plain_letter() -> None:
    # the same letter as plain text gives the same references: the reader adds nothing of its own
    plain = "\n\n".join(t for _, t in LETTER).replace("[^1]", "")
    as_docx = extract(build_docx(LETTER, LETTER_NOTES), name="brief.docx").to_dict()
    as_text = extract(plain.encode(), name="brief.txt").to_dict()
    refs = lambda r: sorted((x["dossier"], x["number"]) for x in r["references"] if x["dossier"])  # noqa: E731
    assert refs(as_docx) == refs(as_text)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04not a zip at all", "not a document (a ZIP archive"),
        (None, "malformed Word file"),
    ],
)
def test_docx_read_damaged_file_is_one_line(data: bytes | None, message: str) -> None:
    if data is None:  # the letter with its document part cut off in the middle
        buffer = io.BytesIO()
        with zipfile.ZipFile(LETTER_FILE) as src, zipfile.ZipFile(buffer, "w") as z:
            for name in src.namelist():
                part = src.read(name)
                z.writestr(name, part[: len(part) // 2] if name == "word/document.xml" else part)
        data = buffer.getvalue()
    with pytest.raises(IngestError) as err:
        read(data, name="kapot.docx")
    assert str(err.value).startswith("kapot.docx: ") and message in str(err.value)
    assert "\n" not in str(err.value)


def test_docx_read_sniffed_by_content_not_name() -> None:
    data = LETTER_FILE.read_bytes()
    assert sniff(data) == "docx"
    assert read(data, name="brief.pdf").format == "docx"


def _cell(*paragraphs: str, inner: str = "") -> str:
    texts = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return f"<w:tc>{texts}{inner}</w:tc>"


def _table(*rows: list[str]) -> str:
    return "<w:tbl>" + "".join("<w:tr>" + "".join(r) + "</w:tr>" for r in rows) + "</w:tbl>"


def test_docx_read_nested_table_read_once() -> None:
    # a letterhead laid out as a table whose right cell holds a table of its own
    inner = _table(
        [_cell("Datum"), _cell("3 maart 2025")],
        [_cell("Bijdrage"), _cell("€ 5 miljoen")],
    )
    head = _table([_cell("Ministerie van Financiën"), _cell("Kenmerk 2025-12", inner=inner)])
    data = build_docx(
        [
            ("xml", head),
            ("p", "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"),
            ("p", "Hierbij informeer ik uw Kamer over de bijdrage aan het fonds."),
        ]
    )
    raw = read(data, name="briefhoofd.docx")
    assert "Ministerie van Financiën | Kenmerk 2025-12 Datum 3 maart 2025 Bijdrage € 5 miljoen" in (
        raw.text
    ), raw.text
    for words in ("Datum", "3 maart 2025", "€ 5 miljoen", "Kenmerk"):
        assert raw.text.count(words) == 1, (words, raw.text)
    amounts = extract(data, name="briefhoofd.docx").to_dict()["amounts"]
    assert [a["value"] for a in amounts] == [5_000_000], amounts

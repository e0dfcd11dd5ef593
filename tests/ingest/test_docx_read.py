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

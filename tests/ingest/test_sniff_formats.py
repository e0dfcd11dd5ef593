"""Formats are told apart by content, never by file name; bad input gets one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerlens.errors import IngestError
from kamerlens.ingest import read
from kamerlens.ingest.sniff import sniff

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"\xef\xbb\xbf<?xml version='1.0'?><kamerstuk/>", "xml"),
        (b"  \n<officiele-publicatie><al>x</al></officiele-publicatie>", "xml"),
        (b"<!-- c --><!DOCTYPE html><html><body>x</body></html>", "html"),
        (b"<!DOCTYPE html>\n<p>Hallo</p>", "html"),
        (b"<html><body><p>Hallo</p></body></html>", "html"),
        (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"/>', "html"),
        (b"Hierbij bied ik u het verslag aan.", "text"),
        (b"< 5 procent van de begroting", "text"),
        (b"PK\x03\x04rest-of-a-docx", "other:a ZIP archive (e.g. .xlsx or .odt)"),
    ],
)
def test_sniff_detects_format_by_content(data, kind):
    assert sniff(data) == kind


def test_sniff_ignores_the_extension(tmp_path):
    pdf = tmp_path / "brief.txt"
    pdf.write_bytes((EXAMPLES / "pdf" / "besluitenlijst_example4.pdf").read_bytes())
    assert read(pdf).format == "pdf"
    text = tmp_path / "brief.pdf"
    text.write_text("Geachte voorzitter,\n\nHierbij bied ik u het verslag aan.\n", "utf-8")
    assert read(text).format == "text"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"  \n\t \n", "is empty"),
        (b"\x00\x01\x02\x03binary\x00\xff\xfe", "not a document (binary data)"),
        (b"PK\x03\x04\x14\x00\x06\x00", "not a document (a ZIP archive"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a document (a PNG image)"),
        (b"Tekst met een onbekende byte \x81\x8d hier", "undecodable text"),
    ],
)
def test_sniff_bad_input_one_line_error_naming_file(data, message):
    with pytest.raises(IngestError) as info:
        read(data, name="stuk.bin")
    text = str(info.value)
    assert text.startswith("stuk.bin: ") and message in text
    assert "\n" not in text


def test_sniff_missing_file(tmp_path):
    with pytest.raises(IngestError, match=r"nope\.pdf: no such file"):
        read(tmp_path / "nope.pdf")


def test_sniff_folder_is_not_a_file(tmp_path):
    with pytest.raises(IngestError, match="is a folder"):
        read(tmp_path)


def test_sniff_utf16_xml():
    data = '<?xml version="1.0" encoding="UTF-16"?><kamerstuk><al>Oekraïne</al></kamerstuk>'
    raw = read(data.encode("utf-16"), name="x.xml")
    assert raw.format == "xml-kamerstuk"
    assert raw.text == "Oekraïne"

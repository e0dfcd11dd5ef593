"""Hostile XML neither hangs, nor eats memory, nor leaks a local file; broken XML is one line."""

from __future__ import annotations

import time

import pytest

from kamerlens.errors import IngestError
from kamerlens.ingest import read

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<kamerstuk><al>&lol9;</al></kamerstuk>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE kamerstuk [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<kamerstuk><al>Tekst &xxe; einde</al></kamerstuk>"""

PARAMETER = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
<kamerstuk><al>x</al></kamerstuk>"""

UNDECLARED = b"""<?xml version="1.0"?>
<!DOCTYPE kamerstuk SYSTEM "file:///etc/passwd">
<kamerstuk><al>Tekst &xxe; einde</al></kamerstuk>"""


@pytest.mark.parametrize("data", [BOMB, XXE, PARAMETER], ids=["bomb", "xxe", "parameter"])
def test_xml_hardened_entity_declarations_refused(data):
    started = time.perf_counter()
    with pytest.raises(IngestError, match=r"^evil\.xml: XML refused: .*entities"):
        read(data, name="evil.xml")
    assert time.perf_counter() - started < 1.0


def test_xml_hardened_external_dtd_not_loaded():
    raw = read(UNDECLARED, name="evil.xml")
    assert raw.text == "Tekst einde"  # the unresolved entity is dropped, nothing is read


def test_xml_hardened_no_file_content_leaks():
    data = b"""<?xml version="1.0"?>
<!DOCTYPE kamerstuk SYSTEM "file:///etc/hostname">
<kamerstuk><al>Alleen deze tekst.</al></kamerstuk>"""
    raw = read(data, name="ok.xml")
    assert raw.text == "Alleen deze tekst."


@pytest.mark.parametrize(
    "data",
    [
        b"<?xml version='1.0'?><kamerstuk><al>open",
        b"<kamerstuk><al>x</kamerstuk>",
        b"<?xml version='1.0'?>",
    ],
)
def test_xml_hardened_malformed_is_one_line(data):
    with pytest.raises(IngestError) as info:
        read(data, name="kapot.xml")
    message = str(info.value)
    assert message.startswith("kapot.xml: ") and "\n" not in message


def test_xml_hardened_deep_nesting_does_not_crash():
    data = b"<kamerstuk>" + b"<divisie>" * 5000 + b"<al>diep</al>" + b"</divisie>" * 5000
    data += b"</kamerstuk>"
    try:
        raw = read(data, name="diep.xml")
    except IngestError as exc:  # a clean refusal is fine too
        assert "\n" not in str(exc)
    else:
        assert "diep" in raw.text

"""The constructed SyncFeed fixtures hold entities the official XSDs accept (lxml XMLSchema)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from kamerlens.sync.schema import TK_NS, entity_schemas, schema_path

FEED = Path(__file__).resolve().parents[1] / "fixtures" / "sync" / "feed"
PAGES = sorted(FEED.rglob("*.xml"))
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(schema_path()))


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(FEED)) for p in PAGES])
def test_fixtures_schema_every_payload_is_valid(schema: etree.XMLSchema, page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert "CONSTRUCTED" in text.split("<feed", 1)[0]  # each fixture says what it is
    root = etree.parse(str(page)).getroot()
    assert root.tag == f"{ATOM}feed"
    payloads = [next(iter(c)) for c in root.iter(f"{ATOM}content")]
    assert payloads
    for payload in payloads:
        assert etree.QName(payload).namespace == TK_NS
        assert schema.validate(payload), f"{page.name}: {schema.error_log.last_error}"


def test_fixtures_schema_rejects_a_broken_entity(schema: etree.XMLSchema) -> None:
    # the validator is no rubber stamp: a volgnummer that is not a number fails it
    page = etree.parse(str(FEED / "Document" / "start.xml")).getroot()
    payload = next(iter(next(page.iter(f"{ATOM}content"))))
    payload.find(f"{{{TK_NS}}}volgnummer").text = "tweehonderd"
    assert not schema.validate(payload)


def test_fixtures_schema_types_come_from_the_xsds() -> None:
    schemas = entity_schemas()
    assert {"document", "zaak", "toezegging", "besluit", "stemming", "zaakActor"} <= set(schemas)
    doc = schemas["document"].fields
    assert doc["volgnummer"].kind == "int" and doc["datum"].kind == "datetime"
    assert doc["zaak"].kind == "ref" and doc["zaak"].many
    assert schemas["toezegging"].fields["status"].values[:2] == ("Openstaand", "Voldaan")

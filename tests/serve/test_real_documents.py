"""Every real document of the evaluation set (tests/real/docs: letters, answers to Kamervragen,
debates, VLOS minutes, motions, and the Handelingen PDF) goes through ``kamerlens ingest`` and
the web pages: its document page shows its title and highlights its items where the spans say,
and a search for a word only it holds finds it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from kamerlens.serve import create_app, store_opener

DOCS = Path(__file__).resolve().parents[1] / "real" / "docs"
FILES = sorted(p.name for p in DOCS.iterdir() if p.is_file())
_WORD = re.compile(r"\b[a-z]{9,20}\b")


def _cli() -> str:
    exe = Path(sys.executable).with_name("kamerlens")
    found = str(exe) if exe.exists() else shutil.which("kamerlens")
    assert found, "the kamerlens command is not installed (pip install -e .)"
    return found


@pytest.fixture(scope="module")
def real_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("real") / "kamerlens.db"
    done = subprocess.run(
        [_cli(), "ingest", "--quiet", "--workers", "2", "--format", "json", "--db", str(db),
         str(DOCS)],
        capture_output=True,
        text=True,
        timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["failed"] == [] and summary["stored"] == len(FILES), summary
    return db


@pytest.fixture(scope="module")
def real_client(real_db: Path) -> Iterator[TestClient]:
    app = create_app(opener=store_opener(real_db, writable=False))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def records(real_client: TestClient) -> dict[str, dict[str, Any]]:
    """The stored record of each file, by file name."""
    listed = real_client.get("/api/documents", params={"per_page": 100}).json()["documents"]
    out = {}
    for row in listed:
        record = real_client.get(f"/api/doc/{row['doc_id']}").json()
        out[Path(record["document"]["source"]).name] = record
    assert sorted(out) == FILES
    return out


def _rare_word(name: str, records: dict[str, dict[str, Any]]) -> str | None:
    """The longest plain word of this document that no other document holds."""
    elsewhere = Counter(w for n, r in records.items() if n != name for w in _words(r))
    mine = sorted(_words(records[name]) - set(elsewhere), key=lambda w: (-len(w), w))
    return mine[0] if mine else None


def _words(record: dict[str, Any]) -> set[str]:
    return set(_WORD.findall(record["text"].lower()))


def _first_item(record: dict[str, Any]) -> tuple[str, int, dict[str, Any]] | None:
    for kind in ("commitments", "motions", "amounts", "references", "percentages", "dates"):
        for i, item in enumerate(record.get(kind) or ()):
            if isinstance(item.get("start"), int) and item["end"] > item["start"]:
                return kind, i, item
    return None


@pytest.mark.parametrize("name", FILES)
def test_real_documents_page_search_and_highlights(name, real_client, records):
    record = records[name]
    doc, text = record["document"], record["text"]
    r = real_client.get(f"/doc/{record['doc_id']}")
    assert r.status_code == 200, r.text[:300]
    tree = lxml_html.fromstring(r.text)
    heading = " ".join(tree.xpath('string(//h1[@class="doc-title"])').split())
    assert heading == " ".join((doc["title"] or doc["source"]).split())
    if doc["identifier"]:
        assert doc["identifier"] in tree.xpath('string(//header[@class="doc-head"])')
    shown = tree.xpath('//div[@id="doc-text"]')[0]
    # every character, escaped once, in order (a footnote ends in a link back: " ↩")
    assert shown.text_content().replace(" ↩", "") == text
    found = _first_item(record)
    if found:
        kind, i, item = found
        first = shown.xpath(f'.//*[@id="item-{kind}-{i}"]')
        assert first, (kind, item)
        # the highlight starts where the item starts (an overlapping item may split it)
        part = first[0].text_content()
        assert part and text[item["start"] : item["end"]].startswith(part), (kind, item)
        panel = tree.xpath(f'//details[@id="panel-{kind}"]//a[@data-target]')
        assert panel, kind
    # a debate shows its speakers' turns, and who says each item
    turns = shown.xpath('.//span[contains(@class, "turn") and @data-speaker]')
    assert len(turns) == len(record.get("turns") or ())
    if found and found[2].get("speaker"):
        row = tree.xpath(f'//a[@data-target="item-{found[0]}-{found[1]}"]/..')[0]
        assert row.xpath('string(.//span[contains(@class, "speaker")])'), found
    word = _rare_word(name, records)
    assert word, name
    hits = real_client.get("/search", params={"q": word})
    assert hits.status_code == 200
    links = lxml_html.fromstring(hits.text).xpath('//a[@class="hit-title"]/@href')
    assert f"/doc/{record['doc_id']}" in links, (word, links)

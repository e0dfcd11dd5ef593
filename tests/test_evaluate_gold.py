"""The gold set itself: well formed, and every quoted passage really is in its source.

The quotes are checked against the source read independently of kamerlens (pypdfium2 for PDF,
lxml for XML, the bytes for text), so a gold file cannot silently drift from its document.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
from lxml import etree

from kamerlens.evaluate import KINDS, load_gold, squash

ROOT = Path(__file__).resolve().parent.parent  # not from conftest: names clash across folders

GOLD_FILES = sorted((ROOT / "tests" / "gold").glob("*.json"))


def source_text(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith(b"%PDF"):
        pdf = pypdfium2.PdfDocument(data)
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    if path.suffix == ".xml":
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        return " ".join(etree.fromstring(data, parser).itertext())
    return data.decode("utf-8")


def quotes(gold: dict[str, Any]) -> list[tuple[str, str]]:
    found = []
    for kind in KINDS[1:]:
        for item in gold.get(kind, []):
            text = item.get("text")
            for quote in text if isinstance(text, list) else [text]:
                if quote:
                    found.append((kind, quote))
    return found


def test_evaluate_gold_covers_the_kinds_of_documents() -> None:
    sources = [json.loads(p.read_text(encoding="utf-8"))["source"] for p in GOLD_FILES]
    assert sum(s.startswith("examples/letters/") for s in sources) >= 2  # the seeds
    assert sum(s.startswith("tests/fixtures/letters/") for s in sources) >= 4  # written ones
    assert sum(s.startswith("examples/pdf/") for s in sources) >= 2
    assert sum(s.startswith("examples/vlos/") for s in sources) >= 1
    assert sum(s.startswith("examples/xml/") for s in sources) >= 1


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_evaluate_gold_file_is_well_formed(path: Path) -> None:
    gold = load_gold(path)
    source = ROOT / gold["source"]
    assert source.is_file(), gold["source"]
    assert Path(gold["source"]).stem == path.stem, "a gold file is named after its document"
    assert any(kind in gold for kind in KINDS)
    for kind in KINDS[1:]:
        for item in gold.get(kind, []):
            assert isinstance(item, dict)
            if kind == "references":
                assert item["kind"] in ("kamerstuk", "handelingen", "aanhangsel")
                assert item["dossier"] is None or " " not in item["dossier"], "canonical dossiers"
            if kind in ("commitments", "fulfilments", "positions", "findings"):
                assert item.get("text"), f"{kind} are matched by their quoted text"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_evaluate_gold_quotes_are_in_the_source(path: Path) -> None:
    gold = load_gold(path)
    flat = squash(source_text(ROOT / gold["source"]))
    missing = [(kind, quote) for kind, quote in quotes(gold) if squash(quote) not in flat]
    assert not missing

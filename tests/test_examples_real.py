"""The bundled examples are real documents: copies of the real set's dev part, or named sources."""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # not from conftest: names clash across folders
EXAMPLES = ROOT / "examples"
REAL = ROOT / "tests" / "real"
WRITTEN = [ROOT / "tests" / "fixtures" / d for d in ("letters", "heldout", "blind2")]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != "README.md")


def test_examples_hold_no_written_imitation() -> None:
    written = {_digest(p) for folder in WRITTEN for p in _files(folder)}
    assert written, "the written imitations live in tests/fixtures"
    found = [p.relative_to(ROOT) for p in _files(EXAMPLES) if _digest(p) in written]
    assert not found, f"written imitations in examples/: {found}"


def test_examples_text_documents_are_the_real_sets_dev_documents() -> None:
    split = tomllib.loads((REAL / "split.toml").read_text(encoding="utf-8"))
    real = {_digest(p): p.stem for p in (REAL / "docs").glob("*.txt")}
    texts = [p for p in _files(EXAMPLES) if p.suffix == ".txt"]
    assert len(texts) >= 15
    for path in texts:
        name = real.get(_digest(path))
        assert name is not None, f"{path.relative_to(ROOT)} is not a document of tests/real/docs"
        assert name in split["dev"], f"{path.relative_to(ROOT)} is {name}, of the test part"


def test_examples_readme_names_every_folder_and_document_kind() -> None:
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for folder in sorted({p.parent.relative_to(EXAMPLES) for p in _files(EXAMPLES)}):
        assert f"`{folder}/" in readme, f"examples/README.md: where does {folder}/ come from?"
    for path in _files(EXAMPLES / "pdf"):
        stem = path.stem.rstrip("0123456789")
        assert stem in readme, path.name

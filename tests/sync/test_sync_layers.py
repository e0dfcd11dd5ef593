"""Data goes one way (STYLE.md): sync uses the store through its open-data layer
(store/opendata.py), never the store's private SQL, and the store names nothing of sync."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "kamerlens"


def _modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def _imports(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):  # TYPE_CHECKING blocks and function-level imports included
        if isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
    return names


@pytest.mark.parametrize("path", _modules(SRC / "store"), ids=lambda p: p.name)
def test_sync_layers_store_imports_nothing_of_sync(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert [m for m in _imports(tree) if m.startswith("kamerlens.sync")] == []


@pytest.mark.parametrize("path", _modules(SRC / "sync"), ids=lambda p: p.name)
def test_sync_layers_sync_runs_no_private_store_sql(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    private = [
        f"{path.name}:{node.lineno} .{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr in ("_rows", "_table", "_delete", "_conn", "_wrote")
    ]
    assert private == []

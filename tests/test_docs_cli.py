"""Every command and option is documented: docs/cli.md matches the CLI; the README names each."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer

from kamerlens.cli import app

ROOT = Path(__file__).resolve().parent.parent


def test_docs_cli_reference_is_up_to_date() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "cli_docs.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr


def test_docs_cli_readme_names_every_command() -> None:
    group = typer.main.get_command(app)
    ctx = group.context_class(group, info_name="kamerlens")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in group.list_commands(ctx) if f"kamerlens {name}" not in readme]
    assert missing == []

"""Shared fixtures: paths to the bundled real documents, and the real set's dev predictions."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED_000 = EXAMPLES / "letters" / "000_e47a5db50cc64457.txt"
SEED_004 = EXAMPLES / "letters" / "004_1ca4271ce6c07476.txt"


@pytest.fixture(scope="session")
def examples() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def seed_000() -> Path:
    return SEED_000


@pytest.fixture(scope="session")
def seed_004() -> Path:
    return SEED_004


REAL = ROOT / "tests" / "real"


def real_part(part: str) -> list[str]:
    """Names of a part of the real set that have gold (split.toml may name some not yet annotated).

    Only the tests' dev part is ever asked for: the test part is scored once, by the lead.
    """
    split = tomllib.loads((REAL / "split.toml").read_text(encoding="utf-8"))
    return [n for n in split[part] if (REAL / "gold" / f"{n}.json").is_file()]


@pytest.fixture(scope="session")
def real_dev_predictions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`kamerlens extract --out DIR` over the dev part of the real set, as a user runs it."""
    out = tmp_path_factory.mktemp("real_dev_predictions")
    docs = [p for n in real_part("dev") for p in (REAL / "docs").glob(f"{n}.*") if p.stem == n]
    done = subprocess.run(
        [sys.executable, "-m", "kamerlens", "extract", "--out", str(out), *map(str, docs)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    return out


# One Chromium for the whole run: Playwright allows one sync session per process, so every
# browser test (web pages, sync) shares this one.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is missing; 'make browser' installs it")
        pytest.skip("Debian's chromium is not installed ('make browser')")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()



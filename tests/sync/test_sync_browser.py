"""A synced motion with its Besluit and Stemmingen shows its vote on the motion page (Chromium)."""

from __future__ import annotations

import importlib.util
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

_spec = importlib.util.spec_from_file_location(
    "serve_conftest", Path(__file__).resolve().parents[1] / "serve" / "conftest.py"
)
assert _spec and _spec.loader
_serve = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_serve)
LiveServer = _serve.LiveServer

from kamerlens.serve import create_app, store_opener  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def synced_server(synced_db: Path) -> Iterator[LiveServer]:
    with LiveServer(create_app(opener=store_opener(synced_db, writable=False))) as server:
        yield server


def test_sync_browser_motion_page_shows_the_vote(browser, synced_server) -> None:  # type: ignore[no-untyped-def]
    page: Page = browser.new_page(viewport={"width": 1360, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(synced_server.url + "/motions")
    page.locator('a[href="/motion/29924/290"]').click()
    page.wait_for_url(re.compile(r"/motion/29924/290$"))
    expect(page.locator("#fate")).to_contain_text("aangenomen")
    votes = page.locator("#votes")
    expect(votes.locator("caption")).to_contain_text("voor 81, tegen 25")
    rows = {r.locator("td").nth(0).inner_text(): r.locator("td").nth(1).inner_text()
            for r in votes.locator("tbody tr").all()}
    assert rows == {"PVV": "Voor", "VVD": "Voor", "NSC": "Voor", "GroenLinks-PvdA": "Tegen"}
    page.screenshot(path=str(Path(tempfile.gettempdir()) / "kamerlens-motion.png"))
    # the dossier page lists the motion with its fate, and the register shows its link
    page.goto(synced_server.url + "/dossier/29924")
    expect(page.locator("#kamer")).to_contain_text("aangenomen")
    page.goto(synced_server.url + "/register")
    expect(page.locator("#register-list")).to_contain_text("found in")
    assert errors == []
    page.close()

"""The app in a real browser (Debian's chromium through Playwright), used as a person would.

Each test also takes a screenshot of its page; with KAMERLENS_SCREENSHOTS=1 (``make
screenshots``) they replace the README's pictures in docs/screenshots/, else they go to a temporary
folder so a test run leaves the work tree alone.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SEED_004 = "004_1ca4271ce6c07476"
SCREENSHOTS = (
    Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    if os.environ.get("KAMERLENS_SCREENSHOTS") == "1"
    else Path(tempfile.gettempdir()) / "kamerlens-screenshots"
)


def in_viewport(page: Page, selector: str) -> bool:
    """True when the element's top is on screen (not under the sticky header)."""
    box = page.locator(selector).first.bounding_box()
    height = page.viewport_size["height"] if page.viewport_size else 900
    return box is not None and 40 <= box["y"] <= height - 10


def _shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def test_browser_pages_search_box_to_document(page: Page, live_server, docs) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_server.url + "/")
    box = page.get_by_role("searchbox", name="Search documents")
    box.fill("NAVO")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=NAVO$"))
    expect(page.locator("#result-count")).to_contain_text("documents for")
    hits = page.locator(".hit")
    assert hits.count() >= 2
    expect(hits.first.locator(".snippet mark").first).to_have_text(re.compile("navo", re.I))
    _shot(page, "search")
    # a facet narrows the results and keeps the query in the shareable URL
    facet = page.locator(".facet").filter(has_text="Kind").locator("a").first
    kind = facet.inner_text()
    facet.click()
    page.wait_for_url(re.compile(rf"kind={re.escape(kind)}"))
    for tag in page.locator(".hit .tag").all():
        assert tag.inner_text() == kind
    # click through to the report of seed 004
    page.goto(live_server.url + "/search?q=NAVO")
    page.locator(f'a.hit-title[href="/doc/{docs[SEED_004]}"]').click()
    page.wait_for_url(re.compile(rf"/doc/{docs[SEED_004]}$"))
    expect(page.locator("h1.doc-title")).to_contain_text("NAVO")
    assert page.js_errors == []  # type: ignore[attr-defined]


def test_browser_pages_document_shows_findings_and_highlights(
    page: Page, live_server, docs
) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server.url}/doc/{docs[SEED_004]}")
    _shot(page, "document")
    # the date flaw (the body says 2023, the title 2022) is flagged at the top
    findings = page.locator("#findings")
    expect(findings).to_be_visible()
    expect(findings).to_contain_text(re.compile("dat", re.I))
    flagged = page.locator(".doc-text .k-findings")
    assert any("2023" in el.inner_text() for el in flagged.all())
    expect(page.locator("#doc-date")).to_contain_text("estimated")
    # the two motions, the money and the commitments are highlighted in the text
    motions = {el.get_attribute("data-item") for el in page.locator(".doc-text .k-motions").all()}
    assert len(motions) >= 2
    money = " ".join(el.inner_text() for el in page.locator(".doc-text .k-amounts").all())
    assert "EUR 25 miljoen" in money
    promised = " ".join(el.inner_text() for el in page.locator(".doc-text .k-commitments").all())
    assert "zal ik in mijn interventie" in promised
    assert page.js_errors == []  # type: ignore[attr-defined]


def test_browser_pages_side_panel_jumps_to_the_highlight(page: Page, live_server, docs) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server.url}/doc/{docs[SEED_004]}")
    link = page.locator("#panel-commitments .item-link").first
    target = link.get_attribute("data-target")
    link.click()
    page.wait_for_url(re.compile(rf"#{target}$"))
    highlight = page.locator(f"#{target}")
    expect(highlight).to_have_class(re.compile(r"\bis-target\b"))
    assert in_viewport(page, f"#{target}")
    # every fragment of the item lights up, not only the first
    key = highlight.get_attribute("data-item")
    fragments = page.locator(f'[data-item="{key}"]')
    for i in range(fragments.count()):
        expect(fragments.nth(i)).to_have_class(re.compile(r"\bis-target\b"))
    # a footnote marker leads to its note and back
    marker = page.locator(".doc-text a.k-fnref").first
    note = marker.get_attribute("href")
    marker.click()
    page.wait_for_url(re.compile(rf"{note}$"))
    assert in_viewport(page, str(note))
    page.locator(f'{note} ~ a.fnback, a.fnback[href="#{marker.get_attribute("id")}"]').first.click()
    assert in_viewport(page, f"#{marker.get_attribute('id')}")
    # the legend hides a kind
    page.locator('.legend-item[data-kind="commitments"]').click()
    expect(page.locator("body")).to_have_class(re.compile(r"\bhide-commitments\b"))
    assert page.js_errors == []  # type: ignore[attr-defined]


def test_browser_pages_commitments_board(page: Page, live_server) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_server.url + "/commitments?as_of=2023-08-01")
    overdue = page.locator("section.col-overdue")
    expect(overdue.locator("h2")).to_contain_text("Overdue")
    cards = overdue.locator(".card")
    late = cards.count()
    assert late >= 1
    expect(cards.first.locator(".deadline strong")).to_have_text(re.compile(r"\d{4}-\d{2}"))
    expect(page.locator("section.col-open")).to_be_visible()
    _shot(page, "commitments")
    page.get_by_role("link", name=re.compile("^Overdue")).click()
    page.wait_for_url(re.compile(r"status=overdue"))
    badges = page.locator(".card .badge")
    assert badges.count() == late
    assert {b.inner_text() for b in badges.all()} == {"Overdue"}
    assert page.js_errors == []  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("name", "url", "heading"),
    [
        ("home", "/", "Follow what the government tells parliament"),
        ("pledges", "/pledges", "Pledges over time"),
        ("events", "/events?upcoming=false", "Calendar"),
        ("dossier", "/dossier/28676", "28676"),
    ],
)
def test_browser_pages_other_pages_render(
    page: Page, live_server, name: str, url: str, heading: str
) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_server.url + url)
    expect(page.locator(".page-head, .hero").first).to_contain_text(heading)
    _shot(page, name)
    assert page.js_errors == []  # type: ignore[attr-defined]


def test_browser_pages_dossier_lists_the_citing_report(page: Page, live_server, docs) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_server.url + "/dossier/28676")
    expect(page.locator(f'a[href="/doc/{docs[SEED_004]}"]').first).to_be_visible()


def test_browser_pages_script_in_a_document_is_text(page: Page, hostile_server, hostile_id) -> None:  # type: ignore[no-untyped-def]
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{hostile_server.url}/doc/{hostile_id}")
    expect(page.locator("#doc-text")).to_contain_text("<script>alert(1)</script>")
    expect(page.locator("#doc-text")).to_contain_text('<img src=x onerror="alert(2)">')
    page.goto(f"{hostile_server.url}/search?q=alert")
    expect(page.locator(".snippet").first).to_contain_text("<script>")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.locator("#doc-text img, .snippet script, .snippet img").count() == 0

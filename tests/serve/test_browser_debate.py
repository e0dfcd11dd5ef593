"""A debate's pages in a real browser (Debian's chromium through Playwright): the speaker of
each turn in the margin, who says each item in the side panel, the kind of each commitment and
the filter on it, the government's view of the motions on the dossier page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from test_browser_pages import _shot, in_viewport

pytestmark = pytest.mark.browser

LNV = "handelingen_lnv_begroting_2024_pdf"


def test_browser_debate_turns_and_speakers(page: Page, debate_server, debate_ids) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{debate_server.url}/doc/{debate_ids[LNV]}")
    turns = page.locator("#doc-text .turn[data-speaker]")
    assert turns.count() == 215
    # the minister's turns have the government's bar in the margin, the members' another one
    minister = page.locator('#doc-text .turn.sp-gov[data-speaker="Minister Adema"]').first
    member = page.locator("#doc-text .turn.sp-member").first
    colour = minister.evaluate("el => getComputedStyle(el).borderLeftColor")
    assert colour != member.evaluate("el => getComputedStyle(el).borderLeftColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    label = minister.locator(".turn-label").first
    expect(label).to_have_text("Minister Adema:")
    assert "serif" not in label.evaluate("el => getComputedStyle(el).fontFamily").split(",")[0]
    page.locator("#doc-text .turn.sp-gov .k-commitments").first.scroll_into_view_if_needed()
    _shot(page, "debate")
    # the side panel says who says each commitment, and its kind
    rows = page.locator("#panel-commitments li")
    assert rows.count() >= 10
    for i in range(rows.count()):
        expect(rows.nth(i).locator(".speaker")).to_have_text("Minister Adema")
    kinds = {b.inner_text() for b in page.locator("#panel-commitments .item-badge").all()}
    assert kinds == {"toezegging", "voornemen"}
    # a speaker in the Speakers panel leads to their first turn
    link = page.locator("#panel-speakers a", has_text="Van der Plas (BBB)")
    target = link.get_attribute("data-target")
    link.click()
    page.wait_for_url(re.compile(rf"#{target}$"))
    assert in_viewport(page, f"#{target}")
    expect(page.locator(f"#{target} .turn-label")).to_have_text("Mevrouw Van der Plas (BBB):")
    assert page.js_errors == []  # type: ignore[attr-defined]


def test_browser_debate_commitments_by_kind(page: Page, debate_server) -> None:  # type: ignore[no-untyped-def]
    page.goto(debate_server.url + "/commitments?as_of=2030-01-01")
    all_cards = page.locator(".card").count()
    page.locator("#kind-filter").select_option("toezegging")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"kind=toezegging"))
    tags = page.locator(".card .kind-tag")
    assert 0 < tags.count() == page.locator(".card").count() < all_cards
    assert {t.inner_text() for t in tags.all()} == {"toezegging"}
    assert "Minister Adema" in {s.inner_text() for s in page.locator(".card .speaker").all()}
    # a status tab keeps the kind
    page.get_by_role("link", name=re.compile("^Open")).click()
    page.wait_for_url(re.compile(r"kind=toezegging.*status=open|status=open.*kind=toezegging"))
    _shot(page, "commitments_kind")
    assert page.js_errors == []  # type: ignore[attr-defined]


def test_browser_debate_dossier_motions(page: Page, debate_server) -> None:  # type: ignore[no-untyped-def]
    page.goto(debate_server.url + "/dossier/36410-VI")
    motions = page.locator("ul.motions li")
    assert motions.count() >= 4
    badges = {b.inner_text() for b in motions.locator(".item-badge").all()}
    assert badges == {"oordeel Kamer", "ontraden", "ontijdig"}
    ontraden = motions.locator(".b-ontraden").first
    assert ontraden.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert page.js_errors == []  # type: ignore[attr-defined]

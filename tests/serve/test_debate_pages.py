"""What the pages show of a debate: who speaks (turns, labels, the speaker of every item), the
kind of each commitment and the government's view of each motion.

The records are two real debates whose speakers, kinds and appreciations are filled in by
``debate_record.py`` (the extraction of those is not what is tested here).
"""

from __future__ import annotations

from collections import Counter

import pytest
from debate_record import appreciation_record, debate_record
from lxml import html as lxml_html

from kamerlens.serve.highlight import render_record

LNV = "handelingen_lnv_begroting_2024_pdf"
JENV = "hand_jenv_begroting_2024_appreciatie"


@pytest.fixture(scope="module")
def lnv() -> dict:
    _, record = debate_record()
    return record.to_dict()


def test_debate_pages_turns_rendered_as_speaker_margin(lnv):
    view = render_record(lnv)
    tree = lxml_html.fromstring(f"<div>{view.html}</div>")
    turns = tree.xpath('//span[contains(concat(" ", @class, " "), " turn ") and @id]')
    assert len(turns) == len(lnv["turns"]) == 215
    # each turn starts with its label, set apart, and carries its speaker
    first = turns[0]
    assert first.get("data-speaker") == "De voorzitter" and "sp-chair" in first.get("class")
    label = first.xpath('./span[@class="turn-label"]')[0]
    assert label.text_content() == "De voorzitter:"
    by_minister = [t for t in turns if t.get("data-speaker") == "Minister Adema"]
    assert len(by_minister) == 81 and all("sp-gov" in t.get("class") for t in by_minister)
    member = tree.xpath('//span[@data-speaker="Van der Plas (BBB)"]')[0]
    assert "sp-member" in member.get("class")
    assert member.text_content().startswith("Mevrouw Van der Plas (BBB):\nDank u wel, voorzitter.")
    # every character of the text is still there, once
    assert tree.text_content() == lnv["text"]


def test_debate_pages_side_panel_names_the_speaker(lnv):
    view = render_record(lnv)
    speakers = {s.label: s.detail for s in view.speakers}
    assert speakers["Minister Adema"] == "81 turns"
    assert speakers["De voorzitter"] == "61 turns"
    assert speakers["Kostić (PvdD)"] == "3 turns"  # "Kamerlid Kostić (PvdD):"
    assert len(speakers) == 18
    panel = {kind: rows for kind, _, rows in view.panel}
    commitments = panel["commitments"]
    assert commitments and all(row.speaker == "Minister Adema" for row in commitments)
    assert {row.badge for row in commitments} == {"toezegging", "voornemen"}
    assert all(row.side == "gov" for row in commitments)
    motions = panel["motions"]
    assert [row.badge for row in motions] == ["ontraden", "ontraden"]
    # an item said by a member carries the member's name
    said = {row.speaker for kind in ("percentages", "dates") for row in panel.get(kind, [])}
    assert any(s.endswith(")") for s in said)  # "Van der Plas (BBB)", "Holman (NSC)", ...


def test_debate_pages_document_page_over_http(debate_client, debate_ids):
    r = debate_client.get(f"/doc/{debate_ids[LNV]}")
    assert r.status_code == 200
    tree = lxml_html.fromstring(r.text)
    assert tree.xpath('string(//h1[@class="doc-title"])').strip()
    assert len(tree.xpath('//div[@id="doc-text"]//span[@data-speaker]')) == 215
    group = tree.xpath('//details[@id="panel-speakers"]')[0]
    assert "Minister Adema" in group.text_content() and "81 turns" in group.text_content()
    rows = tree.xpath('//details[@id="panel-commitments"]//li')
    assert rows and all(
        row.xpath('string(.//span[contains(@class, "speaker")])') == "Minister Adema"
        for row in rows
    )
    badges = {
        b.text_content()
        for b in tree.xpath(
            '//details[@id="panel-commitments"]//span[contains(@class, "item-badge")]'
        )
    }
    assert badges == {"toezegging", "voornemen"}
    api = debate_client.get(f"/api/doc/{debate_ids[LNV]}").json()
    assert len(api["turns"]) == 215
    assert api["turns"][0]["speaker"] == {"name": None, "role": "voorzitter", "party": None}
    assert api["commitments"][0]["speaker"]["name"] == "Adema"


@pytest.mark.parametrize("kind", ["toezegging", "voornemen", None])
def test_debate_pages_commitments_filter_by_kind(debate_client, debate_ids, lnv, kind):
    kinds = Counter(c["kind"] for c in lnv["commitments"])
    assert kinds["toezegging"] >= 3 and kinds["voornemen"] >= 3  # the record has both
    n = kinds[kind] if kind else len(lnv["commitments"])
    query = {"as_of": "2030-01-01"} | ({"kind": kind} if kind else {})
    data = debate_client.get("/api/commitments", params=query).json()
    mine = [c for c in data["commitments"] if c["doc_id"] == debate_ids[LNV]]
    assert len(mine) == n
    assert {c["kind"] for c in mine} == ({kind} if kind else set(kinds))
    assert kind is None or {c["kind"] for c in data["commitments"]} == {kind}
    assert all(data["kinds"][k] >= kinds[k] for k in ("toezegging", "voornemen"))
    page = debate_client.get("/commitments", params=query)
    tree = lxml_html.fromstring(page.text)
    tags = [t.text_content() for t in tree.xpath('//span[contains(@class, "kind-tag")]')]
    assert len(tags) == len([c for c in data["commitments"] if c["kind"]]) >= n
    assert kind is None or (set(tags) == {kind} and len(tags) == data["total"])
    assert tree.xpath('string(//select[@name="kind"]/option[@selected]/@value)') == (kind or "")
    said = tree.xpath('//li[contains(@class, "card")]//span[contains(@class, "speaker")]')
    assert "Minister Adema" in {s.text_content() for s in said}


def test_debate_pages_commitments_kind_bad_value(debate_client):
    r = debate_client.get("/api/commitments", params={"kind": "belofte"})
    assert r.status_code == 400
    message = r.json()["error"]["message"]
    assert message == "parameter 'kind': 'belofte' is not one of toezegging, voornemen"
    assert debate_client.get("/commitments", params={"kind": "belofte"}).status_code == 400


def test_debate_pages_dossier_shows_appreciation(debate_client):
    _, record = appreciation_record()
    numbers = {m.number: m.appreciation for m in record.motions if m.dossier == "36410-VI"}
    assert len(numbers) >= 4
    r = debate_client.get("/dossier/36410-VI")
    assert r.status_code == 200
    tree = lxml_html.fromstring(r.text)
    shown = {}
    for li in tree.xpath('//ul[contains(@class, "motions")]/li'):
        nr = li.xpath('string(.//a[@class="mono"])')
        badge = li.xpath('string(.//span[contains(@class, "item-badge")])')
        if nr:
            shown[nr.removeprefix("nr. ")] = badge
    assert shown == numbers
    api = debate_client.get("/api/dossier/36410-VI").json()
    assert {m["number"]: m["appreciation"] for m in api["motions"]} == numbers
    number, view = next(iter(numbers.items()))
    one = lxml_html.fromstring(debate_client.get(f"/motion/36410-VI/{number}").text)
    assert one.xpath('string(//p[@id="appreciation"]//span)') == view
    listed = lxml_html.fromstring(debate_client.get("/motions").text)
    on_page = {}
    for li in listed.xpath('//ul[@id="motion-list"]/li'):
        link = li.xpath("string(./a)")
        if link.startswith("36410-VI, nr. "):
            badge = li.xpath('string(.//span[contains(@class, "item-badge")])')
            on_page[link.removeprefix("36410-VI, nr. ")] = badge
    assert on_page == numbers

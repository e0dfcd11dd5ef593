"""The document HTML is built from offsets: well nested, every character escaped, nothing lost."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kamerlens.extract import extract
from kamerlens.serve.highlight import _Span, render_record, render_spans


class _Checker(HTMLParser):
    """Collects the text and checks that every tag closes in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        self.ids += [v or "" for k, v in attrs if k == "id"]

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _check(markup: str) -> _Checker:
    checker = _Checker()
    checker.feed(markup)
    checker.close()
    assert checker.stack == []
    return checker


TEXT = (
    "Op 29 en 30 november 2023 kwamen de ministers samen. Nederland zegde EUR 25 miljoen toe "
    "<script>alert(1)</script> & meer.\n\nIk zal uw Kamer voor 1 juni informeren.c.s.1\n"
    "1 Motie Valstar c.s., 17 november 2022"
)


def _span(text: str, kind: str, n: int = 0) -> dict[str, int | str]:
    at = TEXT.index(text)
    return {"start": at, "end": at + len(text), "text": text, "n": n}


def test_highlight_spans_overlapping_items_split_and_nest() -> None:
    record = {
        "text": TEXT,
        "events": [{**_span("Op 29 en 30 november", "events"), "name": "Raad"}],
        "dates": [{**_span("29 en 30 november 2023", "dates"), "start_date": "2022-11-29"}],
        "findings": [{**_span("2023 kwamen", "findings"), "kind": "date", "message": "2023?"}],
        "amounts": [{**_span("EUR 25 miljoen", "amounts"), "value": 25e6, "currency": "EUR"}],
        "commitments": [{**_span("Ik zal uw Kamer voor 1 juni informeren.", "c"), "actor": "ik"}],
    }
    out = render_record(record)
    checker = _check(str(out.html))
    assert "".join(checker.text) == TEXT
    # the date crosses the event's end: its first fragment has the id, the rest continues it
    assert str(out.html).count('data-item="item-dates-0"') == 2
    for item in (
        "item-events-0",
        "item-dates-0",
        "item-findings-0",
        "item-amounts-0",
        "item-commitments-0",
    ):
        assert checker.ids.count(item) == 1
    assert [f.anchor for f in out.findings] == ["item-findings-0"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; meer" in str(out.html)


def test_highlight_spans_footnote_marker_links_both_ways() -> None:
    marker = TEXT.index("c.s.1") + 4
    note = _span("1 Motie Valstar c.s., 17 november 2022", "footnotes")
    record = {
        "text": TEXT,
        "footnotes": [{**note, "number": "1", "marker": {"start": marker, "end": marker + 1}}],
    }
    markup = str(render_record(record).html)
    assert '<a class="hl k-fnref" data-item="fnref-1" id="fnref-1"' in markup
    assert 'href="#fn-1"' in markup and 'id="fn-1"' in markup and 'href="#fnref-1"' in markup
    assert "".join(_check(markup).text).replace(" ↩", "") == TEXT


def test_highlight_spans_entity_mentions_each_get_an_anchor() -> None:
    mentions = [
        {"start": m.start(), "end": m.end()} for m in __import__("re").finditer("Kamer", TEXT)
    ]
    record = {
        "text": TEXT,
        "entities": [
            {"name": "Tweede Kamer", "type": "organisation", "code": None, "mentions": mentions}
        ],
    }
    out = render_record(record)
    ids = _check(str(out.html)).ids
    assert [i for i in ids if i.startswith("item-entities-0-m")] == [
        f"item-entities-0-m{j}" for j in range(len(mentions))
    ]
    assert out.panel[0][2][0].anchor == "item-entities-0-m0"


@pytest.mark.parametrize(
    "bad",
    [
        {"start": -5, "end": 3},
        {"start": 5, "end": 10**6},
        {"start": 9, "end": 2},
        {"start": None, "end": 4},
    ],
)
def test_highlight_spans_survive_bad_offsets(bad: dict[str, int | None]) -> None:
    record = {"text": TEXT, "amounts": [{**bad, "text": "x", "value": 1.0, "currency": "EUR"}]}
    assert "".join(_check(str(render_record(record).html)).text) == TEXT


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("ab <>&\"'\n€é")), min_size=0, max_size=60),
    raw=st.lists(
        st.tuples(
            st.integers(0, 60),
            st.integers(0, 60),
            st.sampled_from(["amounts", "dates", "commitments", "findings", "entities"]),
        ),
        max_size=12,
    ),
)
def test_highlight_spans_any_overlap_stays_well_nested(text: str, raw: list) -> None:  # type: ignore[type-arg]
    spans = [
        _Span(min(a, b), max(a, b), kind, f"item-{kind}-{n}", f"item-{kind}-{n}")
        for n, (a, b, kind) in enumerate(raw)
        if max(a, b) <= len(text)
    ]
    markup = render_spans(text, spans, [(0, "sec-0")])
    checker = _check(markup)
    assert "".join(checker.text) == text  # the parser unescapes: nothing lost, nothing added
    for sp in spans:
        if sp.start < sp.end:
            assert checker.ids.count(sp.elem_id or "") == 1


@pytest.mark.parametrize("stem", ["000_e47a5db50cc64457", "004_1ca4271ce6c07476"])
def test_highlight_spans_render_the_seed_records(examples, stem: str) -> None:  # type: ignore[no-untyped-def]
    record = extract(examples / "letters" / f"{stem}.txt").to_dict()
    out = render_record(record)
    checker = _check(str(out.html))
    assert "".join(checker.text).replace(" ↩", "") == record["text"]
    for kind, _label, rows in out.panel:
        for row in rows:
            assert row.anchor in checker.ids, (kind, row.anchor)

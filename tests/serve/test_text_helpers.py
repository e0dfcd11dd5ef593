"""Snippets keep only <mark>; money and params read the way people write them."""

from __future__ import annotations

import pytest
from lxml import etree

from kamerlens.errors import QueryError
from kamerlens.serve.charts import pledge_chart
from kamerlens.serve.params import SearchParams, parse_date, parse_status
from kamerlens.serve.text import money, safe_snippet


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("de <mark>NAVO</mark> top", "de <mark>NAVO</mark> top"),
        ("<script>x</script> <mark>a</mark>", "&lt;script&gt;x&lt;/script&gt; <mark>a</mark>"),
        ("<mark>open", "<mark>open</mark>"),
        ("dicht</mark> & <mark><mark>x</mark>", "dicht &amp; <mark>x</mark>"),
        ('<MARK onclick="x">a</MARK>', "&lt;MARK onclick=&#34;x&#34;&gt;a"),
        # the tantivy path escapes the text itself: shown the same, not escaped twice
        ("&lt;script&gt; <mark>a</mark> &amp; b", "&lt;script&gt; <mark>a</mark> &amp; b"),
    ],
)
def test_text_helpers_snippet_allows_only_mark(raw: str, expected: str) -> None:
    assert str(safe_snippet(raw)) == expected


@pytest.mark.parametrize(
    ("value", "currency", "text"),
    [
        (25e6, "EUR", "€ 25 mln"),
        (1.6e9, "EUR", "€ 1.6 bn"),
        (12500, "USD", "$ 12,500"),
        (100e6, "XYZ", "XYZ 100 mln"),
        (None, "EUR", "?"),
    ],
)
def test_text_helpers_money(value: float | None, currency: str, text: str) -> None:
    assert money(value, currency) == text


@pytest.mark.parametrize(
    ("value", "end", "expected"),
    [
        ("2023", False, "2023-01-01"),
        ("2023", True, "2023-12-31"),
        ("2024-02", True, "2024-02-29"),
        ("2023-06-15", True, "2023-06-15"),
        ("", False, None),
    ],
)
def test_text_helpers_dates(value: str, end: bool, expected: str | None) -> None:
    assert parse_date(value, "since", end=end) == expected


@pytest.mark.parametrize("bad", ["2023-02-30", "23-01-01", "2023-00", "morgen", "2023/01/01"])
def test_text_helpers_bad_dates(bad: str) -> None:
    with pytest.raises(QueryError, match="since"):
        parse_date(bad, "since")


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("Openstaand", "open"),
        ("voldaan", "fulfilled"),
        ("Deels voldaan", "partial"),
        ("overdue", "overdue"),
        ("all", None),
    ],
)
def test_text_helpers_status_words(word: str, status: str | None) -> None:
    assert parse_status(word) == status


def test_text_helpers_search_params_round_trip() -> None:
    params = SearchParams.parse({"q": "NAVO", "since": "2022", "until": "2022", "page": "3"})
    assert params.query().offset == 40
    assert params.as_params(page=None) == {
        "q": "NAVO",
        "since": "2022-01-01",
        "until": "2022-12-31",
    }
    with pytest.raises(QueryError, match="control"):
        SearchParams.parse({"q": "NAVO\x00"})


def test_text_helpers_chart_is_svg_with_a_point_per_pledge() -> None:
    series = [
        {
            "recipient": "Fonds <A>",
            "currency": "EUR",
            "peak": 1e8,
            "latest": 1e8,
            "points": [{"date": "2022-11-30", "value": 25e6}, {"date": "2023-06-01", "value": 1e8}],
        },
        {
            "recipient": "B",
            "currency": "EUR",
            "peak": 5e6,
            "latest": 5e6,
            "points": [{"date": "2023-01", "value": 5e6}],
        },
    ]
    svg = etree.fromstring(str(pledge_chart(series)))
    circles = svg.findall("{http://www.w3.org/2000/svg}circle")
    assert len(circles) == 3
    assert "Fonds <A>: € 25 mln" in circles[0].findtext("{http://www.w3.org/2000/svg}title")
    assert str(pledge_chart([])) == ""


def test_text_helpers_chart_switches_to_log_scale_for_far_apart_amounts() -> None:
    series = [
        {
            "recipient": "Groot",
            "currency": "EUR",
            "peak": 5e10,
            "latest": 5e10,
            "points": [{"date": "2024-03-08", "value": 5e10}],
        },
        {
            "recipient": "Klein",
            "currency": "EUR",
            "peak": 1e8,
            "latest": 1e8,
            "points": [{"date": "2022-11-30", "value": 25e6}, {"date": "2023-06-01", "value": 1e8}],
        },
    ]
    svg = str(pledge_chart(series))
    assert "log scale" in svg
    root = etree.fromstring(svg)
    ys = [float(c.get("cy")) for c in root.iter("{http://www.w3.org/2000/svg}circle")]
    # on a log axis 25 mln and 100 mln sit clearly apart (on a linear one both hug zero)
    assert ys[1] - ys[2] > 20
    close = [{**series[1], "points": series[1]["points"]}]
    assert "log scale" not in str(pledge_chart(close))

"""No text breaks extraction: random mixes of the forms the rules look for, with odd values.

Each generated document is glued from fragments real letters contain (dates with any day and
month, citations with any numbers, amounts, footnote-like lines, headings) so that the rules are
driven into their corners. Every span must lie inside the text.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kamerlens.extract import extract
from kamerlens.models import ITEM_KINDS

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
    "zomer",
    "voorjaar",
]
day = st.integers(min_value=0, max_value=40).map(str)
year = st.integers(min_value=1990, max_value=2035).map(str)
num = st.integers(min_value=0, max_value=99999).map(str)
fragment = st.one_of(
    st.builds(
        lambda d, m, y: f"Op {d} {m} {y} vond de Raad plaats.", day, st.sampled_from(MONTHS), year
    ),
    st.builds(
        lambda d, m: f"Tijdens de aanstaande Top op {d} {m} zal ik uw Kamer informeren.",
        day,
        st.sampled_from(MONTHS),
    ),
    st.builds(lambda d, m, y: f"Den Haag, {d} {m} {y}", day, st.sampled_from(MONTHS), year),
    st.builds(lambda a, b, n: f"(Kamerstuk {a[:2]} {a[2:]}, nr. {n})", num, num, num),
    st.builds(lambda a, n: f"Kamerstukken II 2023/24, {a} X, nrs. {n} en {n}1", num, num),
    st.builds(
        lambda n, u: f"Nederland draagt EUR {n},{n} {u} bij aan het fonds.",
        num,
        st.sampled_from(["miljoen", "miljard", "mln", "", "duizend"]),
    ),
    st.builds(lambda n: f"{n}% van het BBP", num),
    st.builds(lambda n: f"de motie van het lid Jansen c.s.{n[:1]}", num),
    st.builds(
        lambda n: f"\n{n[:1]} Motie Jansen, d.d. {n[:2]} mei 2024 (Kamerstuk 36 {n}, nr. 3)\n", num
    ),
    st.sampled_from(
        [
            "\n\nSESSIE 1: OEKRAÏNE\n\n",
            "Hierbij bied ik u het",
            "De Minister van Financiën,\n",
            "zegde ik u toe ",
            "Nederland pleit voor ",
            "-\n",
            "\f",
            "  ",
            "«",
            "?",
            ".",
        ]
    ),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(fragment, min_size=1, max_size=25).map(" ".join))
def test_pipeline_robust_random_documents_extract_with_spans_inside(text: str) -> None:
    if not text.strip():
        return
    record = extract(text.encode("utf-8"), name="random.txt")
    n = len(record.text)
    for kind in ITEM_KINDS:
        for item in getattr(record, kind):
            if hasattr(item, "start"):
                assert 0 <= item.start <= item.end <= n, (kind, item)
            for mention in getattr(item, "mentions", ()) or ():
                assert 0 <= mention.start <= mention.end <= n, (kind, item)

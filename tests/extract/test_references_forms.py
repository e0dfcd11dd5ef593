"""Citation forms of Kamerstukken, Handelingen and Aanhangsel, read by the references grammar."""

from __future__ import annotations

import pytest

from kamerlens.extract.references import canonical_dossier, find


def _ids(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(r.kind, r.dossier, r.number) for r in find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zie Kamerstuk 28 676, nr. 434.", [("kamerstuk", "28676", "434")]),
        (
            "Kamerstukken 22 054 en 36 045, nr. 390",
            [("kamerstuk", "22054", "390"), ("kamerstuk", "36045", "390")],
        ),
        ("Kamerstukken II 2020/21, 35 570-IX, nr. 14", [("kamerstuk", "35570-IX", "14")]),
        (
            "Kamerstukken II, 1999-2000, 26 271, nr. 6, p. 15-16; nr. 7",
            [("kamerstuk", "26271", "6"), ("kamerstuk", "26271", "7")],
        ),
        (
            "de brief (29 754, nrs. 520 en 548)",
            [("kamerstuk", "29754", "520"), ("kamerstuk", "29754", "548")],
        ),
        (
            "Kamerstuk 29 754, nrs. 5, 6 en 8",
            [("kamerstuk", "29754", n) for n in ("5", "6", "8")],
        ),
        ("Kamerstuk 36 200 X, nr. 26", [("kamerstuk", "36200-X", "26")]),
        # a chapter's part ("IX B": Nationale Schuld), spaced or not; the old "Bijl. Hand."
        ("Kamerstukken II 1986/87, 19 700 IX B, nr. 5", [("kamerstuk", "19700-IXB", "5")]),
        ("Kamerstukken II 1986/87, 19 700 IXB, nr. 5", [("kamerstuk", "19700-IXB", "5")]),
        ("zie Bijl. Hand. II 1986/87, 19 700 IX B, nr. 5.", [("kamerstuk", "19700-IXB", "5")]),
        # the compact form with a spaced dossier: only with its suffix ("20 000-30 000" is a range)
        ("in de brief (36 410-V-51) meldde ik", [("kamerstuk", "36410-V", "51")]),
        ("tussen 20 000-30 000 euro per jaar", []),
        ("een oplage van 12 500-D-10 exemplaren", []),
        ("(Kamerstuk 21 501-02, nr. 2733)", [("kamerstuk", "21501-02", "2733")]),
        ("Kamerstuk 35 925-IV, nr. 3", [("kamerstuk", "35925-IV", "3")]),
        ("Kamerstukken 19 700 hoofdstuk XV, nr. 2", [("kamerstuk", "19700-XV", "2")]),
        ("Kamerstuk 27 484 (R 1669), nr. 289", [("kamerstuk", "27484-(R1669)", "289")]),
        ("Kamerstukken I 2021/22, 35 925, nr. E", [("kamerstuk", "35925", "E")]),
        ("Nota van wijziging - 30569-8", [("kamerstuk", "30569", "8")]),
        ("n.a.v. de motie Van Raak (31200 XI, nr. 65)", [("kamerstuk", "31200-XI", "65")]),
        ("Verslag van de Eurogroep - 21501-07-1399", [("kamerstuk", "21501-07", "1399")]),
        (
            "Nota naar aanleiding van het verslag - 34417-(R2068)-7",
            [("kamerstuk", "34417-(R2068)", "7")],
        ),
        (
            "Betreft documenten 31544-8 en 31544-9",
            [("kamerstuk", "31544", "8"), ("kamerstuk", "31544", "9")],
        ),
        ("zie kst-28676-434", [("kamerstuk", "28676", "434")]),
        ("zie kst-36200-X-26", [("kamerstuk", "36200-X", "26")]),
        ("(Kamerstuk 28362-79)", [("kamerstuk", "28362", "79")]),
        ("Tweede nota van wijziging 30372 nr. 31", [("kamerstuk", "30372", "31")]),
        ("Handelingen II 2019/20, nr. 89, item 5", [("handelingen", None, "89")]),
        ("Aanhangsel Handelingen II 2019/20, nr. 1234", [("aanhangsel", None, "1234")]),
        ("zie h-tk-20192020-89-5", [("handelingen", None, "89")]),
    ],
)
def test_references_forms_read(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert _ids(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ECLI:NL:HR:2019:123",
        "het arrest in zaak C-123/45",
        "zaaknummer 200.123.456/01",
        "zaak 2023Z17123 en document 2023D41234",
        "bel 070-3456789 of 06-12345678",
        "postcode 2511 AB Den Haag",
        "een bedrag van 28 676 euro",
        "in 2023 en 2024 zijn 12 345 woningen gebouwd",
        "EUR 10000-2000 per jaar",
        "Raad 21501-20 vergaderde",
    ],
)
def test_references_forms_ignore_non_citations(text: str) -> None:
    assert find(text) == []


def test_references_forms_keep_chamber_year_page_item() -> None:
    long_form = find("Kamerstukken II, 1999-2000, 26 271, nr. 6, p. 15-16; nr. 7")
    assert [(r.chamber, r.year, r.page) for r in long_form] == [
        ("II", "1999-2000", "p. 15-16"),
        ("II", "1999-2000", None),
    ]
    handelingen = find("Handelingen II 2019/20, nr. 89, item 5")[0]
    assert (handelingen.chamber, handelingen.year, handelingen.item) == ("II", "2019/20", "5")


def test_references_forms_span_shows_the_citation() -> None:
    text = "Zoals gemeld (Kamerstukken 22 054 en 36 045, nr. 390) en elders."
    refs = find(text)
    assert {text[r.start : r.end] for r in refs} == {"Kamerstukken 22 054 en 36 045, nr. 390"}
    assert all(r.text == text[r.start : r.end] for r in refs)


def test_references_forms_cited_twice_listed_twice() -> None:
    text = "Zie Kamerstuk 28 676, nr. 434. Later opnieuw: Kamerstuk 28 676, nr. 434."
    assert _ids(text) == [("kamerstuk", "28676", "434")] * 2


def test_references_forms_wrapped_over_lines() -> None:
    assert _ids("(Kamerstuk\n36 200 X, nr. 26)") == [("kamerstuk", "36200-X", "26")]


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("28 676", "28676"),
        ("36 200 X", "36200-X"),
        ("21 501-02", "21501-02"),
        ("35 925-IV", "35925-IV"),
        ("19 700 hoofdstuk XV", "19700-XV"),
        ("27 484 (R 1669)", "27484-(R1669)"),
    ],
)
def test_references_forms_canonical_dossier(written: str, canonical: str) -> None:
    assert canonical_dossier(written) == canonical

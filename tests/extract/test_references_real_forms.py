"""Citation forms of real Kamer documents: each shown on a real document of the evaluation set's
dev part (``tests/real/docs``) and on a variant written the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerlens.extract import extract
from kamerlens.extract.references import find

REAL = Path(__file__).resolve().parent.parent / "real" / "docs"


def _ids(text: str) -> list[tuple[str | None, str | None]]:
    return [(r.dossier, r.number) for r in find(text) if r.kind == "kamerstuk"]


def _real(name: str) -> list[tuple[str | None, str | None, str]]:
    record = extract(REAL / name)
    return [(r.dossier, r.number, r.text) for r in record.references if r.kind == "kamerstuk"]


# --- the number first, its dossier in brackets (the chair numbering a motion) -----------------


def test_references_real_forms_motion_number_in_a_debate() -> None:
    refs = _real("hand_jenv_begroting_2024_tweede_termijn.txt")
    assert [(d, n) for d, n, _ in refs] == [("36410-VI", str(n)) for n in range(38, 45)]
    assert refs[0][2] == "nr. 38 (36410-VI)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De voorzitter: Zij krijgt nr. 1136 (32847).", [("32847", "1136")]),
        ("Dat is de motie op stuk nr. 189 (29502).", [("29502", "189")]),
        ("Zij krijgen nrs. 38 en 39 (36 410 VI).", [("36410-VI", "38"), ("36410-VI", "39")]),
        ("de motie nr. 12 (21 501-02) over de Raad", [("21501-02", "12")]),
        # the lead word inside the brackets
        ("Zie nr. 434 (Kamerstuk 28 676).", [("28676", "434")]),
        ("moties nrs. 38 en 39 (Kamerstukken 36 410 VI)", [("36410-VI", "38"), ("36410-VI", "39")]),
    ],
)
def test_references_real_forms_motion_number_variants(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _ids(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Dat staat in nr. 4 (2023) van het tijdschrift.",
        "De motie op stuk nr. 1137 neem ik over.",  # no dossier named: not a citation
        "amendement nr. 12 (12 345 woningen extra)",
    ],
)
def test_references_real_forms_motion_number_needs_a_dossier(text: str) -> None:
    assert _ids(text) == []


# --- session years: old and short forms -------------------------------------------------------


def test_references_real_forms_session_year_in_an_old_nota() -> None:
    refs = _real("nota_fin_accijns_1986.txt")
    assert refs == [("19700", "33", "vergaderjaar 1986-1987, 19 700, nr. 33")]


def test_references_real_forms_session_year_footer_is_own() -> None:
    # "Tweede Kamer, vergaderjaar 1992-1993, 22 800 XVI, nr. 61" is the letter's own footer
    refs = _real("kb_wvc_jeugdparticipatie_1992.txt")
    assert ("22800-XVI", "61") not in [(d, n) for d, n, _ in refs]
    # the same footer inside flat text (a page foot the publisher ran into the prose)
    flat = (
        "Dit is de tekst van de brief die doorloopt. Tweede Kamer, zitting 1958–1959 – 5380, "
        "nr. 3 2 En hier gaat de tekst verder over de motie (vergaderjaar 1986-1987, 19 700, "
        "nr. 33) die werd aangenomen.\n"
    )
    refs = extract(flat.encode(), name="old.txt").references
    assert [(r.dossier, r.number) for r in refs] == [("19700", "33")]


@pytest.mark.parametrize(
    ("text", "expected", "year"),
    [
        ("Zie Zitting 1958–1959 – 5380, nr. 3.", [("5380", "3")], "1958–1959"),
        # the dash glued to both, "Nr." (nllegalcit 0.0.4's citations from the Kamerstukken)
        ("(Kamerstukken II, Zitting 1958-1959-5380, Nr. 3, blz. 41)", [("5380", "3")], "1958-1959"),
        ("(TK, '91-'92, 21 501 -17, nummer 15)", [("21501-17", "15")], "'91-'92"),
        ("(TK 1991–1992, 22 300 XVI, nr. 61)", [("22300-XVI", "61")], "1991–1992"),
        ("(vergaderjaar 1986-1987, 19 700, nr. 33)", [("19700", "33")], "1986-1987"),
        ("Bijlagen Handelingen II 1958/59, 5380, nr. 3", [("5380", "3")], "1958/59"),
        ("Kamerstukken II 1958/59, 5380, nrs. 3 en 4", [("5380", "3"), ("5380", "4")], "1958/59"),
        ("Bijlage bij de Handelingen 1985-1986, 19 200, nr. 4", [("19200", "4")], "1985-1986"),
    ],
)
def test_references_real_forms_session_year_variants(
    text: str, expected: list[tuple[str, str]], year: str
) -> None:
    assert _ids(text) == expected
    assert find(text)[0].year == year


def test_references_real_forms_four_digits_only_after_a_session_year() -> None:
    assert _ids("in 1958 waren er 5380, nr. 3 van de lijst") == []
    assert _ids("Kamerstukken II 1991/92, 1234 woningen, nr. 5") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(17 600, hoofdstuk X, nr. 12)", [("17600-X", "12")]),
        ("Kamerstukken 19 700 hoofdstuk XV, nr. 2", [("19700-XV", "2")]),
    ],
)
def test_references_real_forms_begroting_chapter(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _ids(text) == expected


# --- numbers: ranges, letters, a later number of the same dossier -----------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamerstuk 36 180, nrs. 1–3", [("36180", n) for n in ("1", "2", "3")]),
        ("(29 754, nrs. 520-522)", [("29754", n) for n in ("520", "521", "522")]),
        ("Kamerstuk 29 502, nr. 12a", [("29502", "12a")]),
        ("Kamerstukken 36 410 VI, nrs. 7 en 7a", [("36410-VI", "7"), ("36410-VI", "7a")]),
    ],
)
def test_references_real_forms_number_lists(text: str, expected: list[tuple[str, str]]) -> None:
    assert _ids(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kamerstuk 31 293, nr. 4 (brief van 3 mei 2023) en nr. 6.",
            [("31293", "4"), ("31293", "6")],
        ),
        (
            "(Kamerstukken II 2022/23, 33 529, nr. 1219; en nrs. 1220 en 1221)",
            [("33529", "1219"), ("33529", "1220"), ("33529", "1221")],
        ),
    ],
)
def test_references_real_forms_number_carried_over(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _ids(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kamerstuk 31 293, nr. 4. En nr. 6 is een amendement.",  # another sentence
        "Kamerstuk 31 293, nr. 4 en het amendement op stuk nr. 37.",  # no joining word
        "(Kamerstuk 31 293, nr. 4) en de motie (28 676, nr. 5) en nr. 7",  # nearer dossier wins
    ],
)
def test_references_real_forms_number_not_carried(text: str) -> None:
    assert ("31293", "6") not in _ids(text)
    assert ("31293", "37") not in _ids(text)
    assert ("31293", "7") not in _ids(text)


# --- text of PDFs: glued words, the document's own head, furniture ----------------------------


def test_references_real_forms_lead_word_glued_to_the_dossier() -> None:
    refs = _real("ah_bzk_mijnbouwschade_drenthe.txt")
    assert ("33529", "1219", "Kamerstuk33 529, nr. 1219") in refs
    assert _ids("de motie (Kamerstukken36 180, nr. 42)") == [("36180", "42")]


def test_references_real_forms_own_number_heading_a_motion() -> None:
    # an as-submitted motion prints its own "32043-605" alone on a line under the date
    assert _real("motie_leondejong_pensioenvermogen.txt") == []
    head = "15 februari 2023\n\n36410-V-51\nVaststelling van de begroting\n\nDe Kamer,\n"
    assert extract(head.encode(), name="m.txt").references == ()
    prose = "15 februari 2023\n\nZie het verslag 36410-V-51 van vorige week.\n"
    assert [(r.dossier, r.number) for r in extract(prose.encode(), name="p.txt").references] == [
        ("36410-V", "51")
    ]


def test_references_real_forms_citation_across_the_page_foot() -> None:
    # motie_omtzigt_proactief runs over a page break with the Kamerstuk's foot (kst-id, ISSN,
    # imprint, footer) in between; a citation broken there is read whole
    src = (REAL / "motie_omtzigt_proactief.txt").read_text("utf-8")
    broken = src.replace(
        "onderzoeksmethode en de beoogde onderzoekers,\n",
        "onderzoeksmethode (Kamerstukken II 2022/23,\n",
    ).replace("\n\nen gaat over tot", "\n\n28 676, nr. 434) en gaat over tot")
    assert broken != src
    record = extract(broken.encode(), name="m.txt")
    refs = [(r.dossier, r.number, r.year) for r in record.references if r.kind == "kamerstuk"]
    assert refs == [("28676", "434", "2022/23")]
    assert "Gravenhage" not in record.text


# --- a dossier written with a thousands dot ---------------------------------------------------


def test_references_real_forms_dossier_with_a_thousands_dot() -> None:
    refs = _real("nota_bz_internationale_klimaatstrategie_2022_vervolg.txt")
    assert ("35830-XVII", "6", "35.830 XVII nr.6") in refs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("de motie Van der Lee (35.830 XVII nr. 6) over fondsen", [("35830-XVII", "6")]),
        ("Kamerstuk 35.830 XVII, nr. 6", [("35830-XVII", "6")]),
        ("De 35.830 bezoekers van de beurs.", []),
        ("Een bedrag van 1.235.830, nr. 6 van de lijst.", []),
        # an en dash set for the hyphen of a suffix
        ("Kamerstuk 21501–02, nr. 2800", [("21501-02", "2800")]),
        ("(21 501–32, nr. 1500)", [("21501-32", "1500")]),
        ("in de periode 2022–2023, nr. 5", []),
    ],
)
def test_references_real_forms_dotted_dossier_variants(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _ids(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zie Kamerstuk 36 200 X. Daarin staat het.", [("36200-X", None)]),
        ("Zie Kamerstuk 36 200 VII.", [("36200-VII", None)]),
        ("Zie Kamerstuk 36 200 A.B. Jansen schreef het.", [("36200", None)]),
    ],
)
def test_references_real_forms_suffix_before_a_full_stop(
    text: str, expected: list[tuple[str | None, str | None]]
) -> None:
    """A dossier's suffix ends a sentence ("36 200 X."); initials after it are no suffix."""
    assert _ids(text) == expected

"""Sums of money as real Kamer documents write them: each form shown on real documents of the
evaluation set's dev part (``tests/real/docs``) and on variants written the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerlens.extract import extract
from kamerlens.models import Record

REAL = Path(__file__).resolve().parent.parent / "real" / "docs"


def _amounts(record: Record) -> list[tuple[float, str, str]]:
    return [(a.value, a.currency, a.text) for a in record.amounts]


def _of(text: str) -> list[tuple[float, str, str]]:
    return _amounts(extract(text.encode(), name="t.txt"))


# --- a range is one sum, its lower end --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "lower", "upper"),
    [
        ("ah_bzk_mijnbouwschade_drenthe.txt", "30–45 mln. euro", 30e6, 45e6),
        # "tussen de 900 en 1.650 miljoen euro 6.": a range after "tussen", a footnote after it
        ("kb_ienw_water_bodem.txt", "900 en 1.650 miljoen euro", 900e6, 1650e6),
    ],
)
def test_amounts_real_forms_range_in_a_real_document(
    name: str, text: str, lower: float, upper: float
) -> None:
    record = extract(REAL / name)
    ranges = [a for a in record.amounts if a.bound == "min"]
    assert [(a.value, a.upper, a.text) for a in ranges] == [(lower, upper, text)]
    assert all(a.value != upper for a in record.amounts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De schade ligt tussen de 10 en 20 miljoen euro.", [(10e6, "EUR")]),
        ("De munten van vijf en tien euro worden uitgegeven.", [(5.0, "EUR"), (10.0, "EUR")]),
        ("In 2023 en 5 miljoen euro in 2024.", [(5e6, "EUR")]),
        ("De kosten zijn 2,5 miljoen euro 3. Dat is veel.", [(2.5e6, "EUR")]),  # footnote 3
        ("In 2024 EUR 25 per persoon.", [(25.0, "EUR")]),  # the year is no sum
        ("De kosten liggen tussen € 5 miljoen en € 10 miljoen.", [(5e6, "EUR")]),
        ("Het kost € 5 en 10 miljoen in twee jaar.", [(5e6, "EUR"), (10e6, "EUR")]),
        ("Het kost € 25 mln en $ 30 mln.", [(25e6, "EUR"), (30e6, "USD")]),
        ("Het kost € 25 mln en 30 procent meer.", [(25e6, "EUR")]),
    ],
)
def test_amounts_real_forms_joined_numbers(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(v, c) for v, c, _ in _of(text)] == expected


# --- guilders ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "kb_wvc_jeugdparticipatie_1992.txt",
            [(300000.0, "NLG", "f 300 000"), (600000.0, "NLG", "f 600 000"),
             (900000.0, "NLG", "f 900 000")],
        ),
        ("nota_fin_accijns_1986.txt", [(4.0, "NLG", "f 4")]),
    ],
)
def test_amounts_real_forms_guilders_kept_in_guilders(
    name: str, expected: list[tuple[float, str, str]]
) -> None:
    assert _amounts(extract(REAL / name)) == expected


def test_amounts_real_forms_guilder_sign_is_lower_case() -> None:
    assert _of("De F 16 en de F 35 zijn straaljagers.") == []
    assert _of("Dat kost ƒ 25 miljoen.") == [(25e6, "NLG", "ƒ 25 miljoen")]


def test_amounts_real_forms_ocr_min_for_mln_in_a_guilder_document() -> None:
    src = (REAL / "kb_wvc_jeugdparticipatie_1992.txt").read_text("utf-8")
    variant = src.replace("f 300 000", "f 3 min.")
    assert variant != src
    values = [v for v, _, _ in _amounts(extract(variant.encode(), name="wvc.txt"))]
    assert values[:2] == [3e6, 600000.0]
    # in a document of the euro years "min." is minutes: "€ 5" stays five euros
    assert _of("Dat kost € 5 min. per dag aan parkeergeld.") == [(5.0, "EUR", "€ 5")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a document of the guilder years: a sum without a sign is in guilders
        ("Datum 12 maart 1983\n\nDe kosten bedragen 80 min. per jaar.", [(80e6, "NLG")]),
        ("Datum 12 maart 1983\n\nDe kosten zijn f. 300.000 en Dfl. 25 miljoen.",
         [(300000.0, "NLG"), (25e6, "NLG")]),
        ("Datum 12 maart 1983\n\nDe wedstrijd duurde 80 min. en niemand klaagde.", []),
        ("Datum 12 maart 2023\n\nDe wedstrijd duurde 80 min. en kostte veel.", []),
    ],
)
def test_amounts_real_forms_guilder_years(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(v, c) for v, c, _ in _of(text)] == expected


# --- sums written without their currency ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # "Het beoogt ... 1,5 miljoen vrij te maken vanuit de middelen": the sentence names money
        ("hand_jenv_begroting_2024_appreciatie.txt", "1,5 miljoen"),
        # "... dat daar wel 2 miljoen vanaf kan": the "2 miljoen euro" of the motion before it
        ("hand_jenv_begroting_2024_tweede_termijn.txt", "2 miljoen"),
    ],
)
def test_amounts_real_forms_sum_without_currency_in_a_debate(name: str, text: str) -> None:
    record = extract(REAL / name)
    assert text in [a.text for a in record.amounts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het budget daarvoor is 9,9 miljoen. Dat is genoeg.", [(9.9e6, "EUR")]),
        ("Wij hebben een subsidiepot van 14,9 miljoen voor visserij.", [(14.9e6, "EUR")]),
        ("Er zijn 8 miljoen woningen en de kosten stijgen.", []),
        ("De kosten raken 2,5 miljoen mensen.", []),
        ("Het gaat om 3 miljoen. Daar gaat het om.", []),  # no word of money near it
    ],
)
def test_amounts_real_forms_sum_without_currency_variants(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert [(v, c) for v, c, _ in _of(text)] == expected


def test_amounts_real_forms_counts_are_no_sums() -> None:
    # "de verwachte bevolkingsgroei van 17,5 miljoen naar bijna 19 miljoen inwoners"
    record = extract(REAL / "kb_ienw_water_bodem.txt")
    assert all("miljoen" not in a.text or "euro" in a.text for a in record.amounts)


# --- the ecu, in documents of the European Community before 1999 ------------------------------


def test_amounts_real_forms_ecu_kept_in_its_own_code() -> None:
    # a real letter of 1992 with its guilder sum written in ecu, before and after the number
    src = (REAL / "kb_wvc_jeugdparticipatie_1992.txt").read_text("utf-8")
    for written, shown in (("300 000 ecu", "300 000 ecu"), ("ECU 300 000", "ECU 300 000")):
        variant = src.replace("f 300 000", written, 1)
        assert variant != src
        first = _amounts(extract(variant.encode(), name="wvc.txt"))[0]
        assert first == (300000.0, "XEU", shown)
    assert _of("De Gemeenschap trekt 15 miljoen ecu uit.") == [(15e6, "XEU", "15 miljoen ecu")]
    assert _of("Er is 3 mln. ECU beschikbaar.") == [(3e6, "XEU", "3 mln. ECU")]
    # the word alone is no sum
    assert _of("De koers van de ecu daalde.") == []


# --- a year after a currency word is no amount of its own (a chart's labels) ------------------


def test_amounts_real_forms_chart_of_years_and_sums() -> None:
    record = extract(REAL / "nota_bz_internationale_klimaatstrategie_2022_vervolg.txt")
    found = _amounts(record)
    assert (1.25e9, "EUR", "1,25 miljard euro") in found
    assert not [a for a in found if a[0] == 2025]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bijdrage\n2021\n1,25 miljard euro\n2025\n1,8 miljard euro\n",
         [(1.25e9, "EUR", "1,25 miljard euro"), (1.8e9, "EUR", "1,8 miljard euro")]),
        ("In 2024 € 25 mln voor het fonds.", [(25e6, "EUR", "€ 25 mln")]),
    ],
)
def test_amounts_real_forms_year_after_currency_word(
    text: str, expected: list[tuple[float, str, str]]
) -> None:
    assert _of(text) == expected

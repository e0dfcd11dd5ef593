"""The scorer under test: constructed predictions against constructed gold, scores by hand."""

from __future__ import annotations

from typing import Any

import pytest

from kamerlens.evaluate import Report, score_document

TEXT = (
    "Hierbij bied ik u het verslag aan. Ik zal uw Kamer voor 1 juni 2024 informeren over de "
    "planning. Nederland pleit voor een centrale rol van de EU. Op 29 en 30 november 2023 "
    "kwamen de ministers samen."
)


def span(quote: str) -> dict[str, int]:
    start = TEXT.index(quote)
    return {"start": start, "end": start + len(quote)}


def ref(dossier: str, number: str | None, **extra: Any) -> dict[str, Any]:
    return {"kind": "kamerstuk", "dossier": dossier, "number": number, **extra}


def counts(gold: dict[str, Any], record: dict[str, Any], kind: str) -> tuple[int, int, int]:
    score = score_document({"source": "x", **gold}, {"text": TEXT, **record}).kinds[kind]
    return score.tp, score.fp, score.fn


def test_evaluate_references_are_a_multiset_with_hand_computed_scores() -> None:
    # gold cites 28676/434 twice and 36200-X/26 once; the prediction has 434 once, 26 twice
    # and an invented 99: tp = 2 (one 434, one 26), fp = 2 (second 26, the 99), fn = 1.
    gold = {"references": [ref("28676", "434"), ref("28676", "434"), ref("36200-X", "26")]}
    pred = {
        "references": [
            ref("28676", "434"),
            ref("36200-X", "26"),
            ref("36 200 X", "26"),
            ref("28676", "99"),
        ]
    }
    score = score_document({"source": "x", **gold}, {"text": TEXT, **pred}).kinds["references"]
    assert (score.tp, score.fp, score.fn) == (2, 2, 1)
    assert score.precision == pytest.approx(2 / 4)
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))  # = 4/7
    assert score.f1 == pytest.approx(4 / 7)
    assert any("99" in line for line in score.invented)
    assert any("434" in line for line in score.missed)


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        # dossier spelling does not matter; the number and the kind do
        ([ref("21501-02", "2733")], [ref("21 501-02", "2733")], (1, 0, 0)),
        ([ref("21501-02", "2733")], [ref("21501-02", "2734")], (0, 1, 1)),
        (
            [ref("36200-X", "26")],
            [{"kind": "handelingen", "dossier": "36200-X", "number": "26"}],
            (0, 1, 1),
        ),
        # an optional gold item absorbs a prediction but is never missed
        (
            [ref("30569", "8"), ref("30569", None, optional=True)],
            [ref("30569", "8"), ref("30569", None)],
            (1, 0, 0),
        ),
        ([ref("30569", "8"), ref("30569", None, optional=True)], [ref("30569", "8")], (1, 0, 0)),
        # an empty gold list means "none expected": everything predicted is invented
        ([], [ref("2009", "4630")], (0, 1, 0)),
    ],
)
def test_evaluate_reference_rules(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]], expected: tuple[int, int, int]
) -> None:
    assert counts({"references": gold}, {"references": pred}, "references") == expected


@pytest.mark.parametrize(
    ("kind", "gold", "pred", "expected"),
    [
        (
            "amounts",
            [{"value": 1.6e9}, {"value": 25e6, "currency": "EUR"}],
            [{"value": 1600000000.0, "currency": "EUR"}, {"value": 25e6, "currency": "USD"}],
            (1, 1, 1),
        ),
        ("percentages", [{"value": 2.0}, {"value": 20.0}], [{"value": 2.0}], (1, 0, 1)),
        (
            "motions",
            [
                {"members": ["Valstar"], "dossier": "36200-X", "number": "26"},
                {"members": ["Erkens"]},
            ],
            [
                {"members": ["Valstar"], "dossier": "36200 X", "number": "26"},
                {"members": ["S. Erkens"], "dossier": None, "number": None},
                {"members": ["Boswijk"], "dossier": "35925-X", "number": "22"},
            ],
            (2, 1, 0),
        ),
        (
            "events",
            [
                {"name": "NAVO-Top", "place": "Vilnius", "start_date": "2023-07"},
                {"name": "Raad Buitenlandse Zaken", "start_date": "2022-12-12"},
            ],
            [
                {"name": "NAVO-top", "place": "Vilnius", "start_date": "2023-07-11"},
                {"name": "Raad Buitenlandse Zaken", "place": None, "start_date": "2023-12-12"},
            ],
            (1, 1, 1),
        ),
        (
            "entities",
            [
                {"type": "person", "name": "W.B. Hoekstra"},
                {"type": "country", "name": "Bosnië-Herzegovina", "code": "BA"},
                {"type": ["place", "country"], "name": "Wales"},
                {"type": "organisation", "name": "JEF", "aliases": ["Joint Expeditionary Force"]},
            ],
            [
                {"type": "person", "name": "Hoekstra"},
                {"type": "country", "name": "Bosnië en Herzegovina", "code": "BA"},
                {"type": "country", "name": "Wales", "code": None},
                {"type": "organisation", "name": "Joint Expeditionary Force"},
                {"type": "place", "name": "Oslo"},
            ],
            (4, 1, 0),
        ),
    ],
)
def test_evaluate_match_rules_per_kind(
    kind: str,
    gold: list[dict[str, Any]],
    pred: list[dict[str, Any]],
    expected: tuple[int, int, int],
) -> None:
    assert counts({kind: gold}, {kind: pred}, kind) == expected


def test_evaluate_commitment_needs_the_passage_and_the_deadline() -> None:
    gold = {
        "commitments": [
            {
                "text": "Ik zal uw Kamer voor 1 juni 2024 informeren",
                "deadline": "2024-06-01",
                "actor": ["ik", "de minister"],
            }
        ]
    }
    sentence = "Ik zal uw Kamer voor 1 juni 2024 informeren over de planning."
    right = {"text": sentence, "deadline": "2024-06-01", "actor": "de minister", **span(sentence)}
    late = {**right, "deadline": "2024-07-01"}
    elsewhere = {
        "text": "Hierbij bied ik u het verslag aan.",
        "deadline": "2024-06-01",
        **span("Hierbij bied ik u het verslag aan."),
    }
    assert counts(gold, {"commitments": [right]}, "commitments") == (1, 0, 0)
    assert counts(gold, {"commitments": [elsewhere]}, "commitments") == (0, 1, 1)
    score = score_document({"source": "x", **gold}, {"text": TEXT, "commitments": [late]})
    result = score.kinds["commitments"]
    assert (result.tp, result.fp, result.fn) == (0, 1, 1)
    # the report says why: the passage was found, the deadline was not right
    assert "near:" in result.missed[0] and "deadline" in result.missed[0]


def test_evaluate_commitment_without_offsets_falls_back_to_wording() -> None:
    gold = {"commitments": [{"text": "zal uw Kamer voor 1 juni 2024 informeren"}]}
    pred = {
        "commitments": [{"text": "Ik zal uw Kamer voor 1 juni 2024 informeren over de planning."}]
    }
    assert counts(gold, pred, "commitments") == (1, 0, 0)


def test_evaluate_field_accuracy_on_matched_items() -> None:
    gold = {
        "commitments": [
            {
                "text": "Ik zal uw Kamer voor 1 juni 2024 informeren",
                "actor": ["ik", "de minister"],
                "action": "informeren",
            }
        ]
    }
    sentence = "Ik zal uw Kamer voor 1 juni 2024 informeren over de planning."
    pred = {
        "commitments": [
            {"text": sentence, "actor": "het kabinet", "action": "informeren", **span(sentence)}
        ]
    }
    result = score_document({"source": "x", **gold}, {"text": TEXT, **pred}).kinds["commitments"]
    assert result.fields == {"actor": [0, 1], "action": [1, 1]}
    assert "actor" in result.wrong_fields[0]


def test_evaluate_positions_and_findings_by_located_quote() -> None:
    gold = {
        "positions": [{"verb": "pleit voor", "text": "een centrale rol van de EU"}],
        "findings": [{"kind": "date_conflict", "text": "Op 29 en 30 november 2023"}],
    }
    pred = {
        "positions": [
            {
                "verb": "pleit voor",
                "text": "een centrale rol van de EU",
                **span("pleit voor een centrale rol van de EU"),
            }
        ],
        "findings": [
            {"kind": "date_conflict", "message": "2023 where 2022 is meant", **span("2023 kwamen")},
            {"kind": "other", "message": "x", **span("2023 kwamen")},
            {"kind": "date_conflict", "message": "x", **span("1 juni 2024")},
        ],
    }
    doc = score_document({"source": "x", **gold}, {"text": TEXT, **pred})
    assert (doc.kinds["positions"].tp, doc.kinds["positions"].fp) == (1, 0)
    # the right kind pointing into the passage matches; the wrong kind, or a span elsewhere, not
    found = doc.kinds["findings"]
    assert (found.tp, found.fp, found.fn) == (1, 2, 0)


def test_evaluate_document_fields_are_slot_filling() -> None:
    # kind right (tp); date wrong (fp + fn); title absent (fn); identifier null in gold but
    # invented (fp); estimated date inside the clerk's range (tp).
    gold = {
        "document": {
            "kind": "brief",
            "date_between": ["2023-06-01", "2023-06-15"],
            "title": "Voortgang aanpak",
            "identifier": None,
            "date_estimated": True,
        }
    }
    pred = {
        "document": {
            "kind": "Brief",
            "date": "2023-06-10",
            "title": None,
            "identifier": "kst-1-2",
            "date_estimated": True,
        }
    }
    result = score_document({"source": "x", **gold}, {"text": TEXT, **pred}).kinds["document"]
    assert (result.tp, result.fp, result.fn) == (3, 1, 1)
    pred["document"]["date"] = "2023-06-20"
    result = score_document({"source": "x", **gold}, {"text": TEXT, **pred}).kinds["document"]
    assert (result.tp, result.fp, result.fn) == (2, 2, 2)
    assert result.precision == pytest.approx(0.5) and result.recall == pytest.approx(0.5)


def test_evaluate_failed_document_misses_everything() -> None:
    gold = {"source": "x", "references": [ref("1", "2")], "document": {"kind": "brief"}}
    doc = score_document(gold, None)
    assert (doc.kinds["references"].tp, doc.kinds["references"].fn) == (0, 1)
    assert doc.kinds["document"].fn == 1


def test_evaluate_micro_average_sums_counts_over_kinds_and_documents() -> None:
    one = score_document(
        {"source": "a", "percentages": [{"value": 2.0}], "amounts": [{"value": 5.0}]},
        {"text": "", "percentages": [{"value": 2.0}, {"value": 3.0}], "amounts": []},
    )
    two = score_document(
        {"source": "b", "percentages": [{"value": 7.0}]},
        {"text": "", "percentages": [{"value": 7.0}], "amounts": [{"value": 1.0}]},
    )
    report = Report(documents=[one, two], kinds=("amounts", "percentages"))
    totals = report.totals()
    # percentages: tp 2, fp 1, fn 0; amounts: tp 0, fp 0, fn 1 (doc b does not annotate amounts)
    assert (totals["percentages"].tp, totals["percentages"].fp, totals["percentages"].fn) == (
        2,
        1,
        0,
    )
    assert (totals["amounts"].tp, totals["amounts"].fp, totals["amounts"].fn) == (0, 0, 1)
    overall = report.overall()
    assert (overall.tp, overall.fp, overall.fn) == (2, 1, 1)
    assert overall.precision == pytest.approx(2 / 3)
    assert overall.recall == pytest.approx(2 / 3)
    assert overall.f1 == pytest.approx(2 / 3)
    assert report.to_dict()["overall"]["f1"] == pytest.approx(2 / 3)

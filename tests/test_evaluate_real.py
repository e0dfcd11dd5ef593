"""`kamerlens evaluate` on the real set: it reads the gold as it is, and agrees with the
independent reference scorer (tests/real/score_real.py, a verbatim copy) on the same output.

Only the dev part is scored here; the test part is scored once, by the lead.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kamerlens.evaluate import REFERENCE_TYPES, TYPES, evaluate_real
from kamerlens.evaluate.real import kind_key, score_record

ROOT = Path(__file__).resolve().parent.parent  # not from conftest: names clash across folders
REAL = ROOT / "tests" / "real"
SCORER = REAL / "score_real.py"
_TOTAL = re.compile(r"^(refs|amounts|motions|commitments)\s+P=(\S+) R=(\S+) F1=(\S+)", re.M)
_DOC = re.compile(
    r"^(\S+): refs (\d+)/(\d+)p/(\d+)g  amounts (\d+)/(\d+)p/(\d+)g  motions (\d+)/(\d+)p/(\d+)g"
    r"  commitments recall (\d+)/(\d+) precision (\d+)/(\d+)$",
    re.M,
)


def _split() -> dict[str, list[str]]:
    return tomllib.loads((REAL / "split.toml").read_text(encoding="utf-8"))


def _dev() -> list[str]:
    """The dev part's names that have gold (as the conftest's fixture extracts them)."""
    return [n for n in _split()["dev"] if (REAL / "gold" / f"{n}.json").is_file()]


def reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_real", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def kl(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kamerlens", "evaluate", *args],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )


def test_evaluate_real_agrees_with_the_reference_scorer(real_dev_predictions: Path) -> None:
    names = _dev()
    done = subprocess.run(
        [sys.executable, str(SCORER), str(REAL / "gold"), str(real_dev_predictions),
         "--names=" + ",".join(names)],
        capture_output=True, text=True, timeout=600, check=True,
    )  # fmt: skip
    ours = evaluate_real(REAL, part="dev", predictions=real_dev_predictions)
    totals = ours.totals()
    figures = {m[0]: tuple(m[1:]) for m in _TOTAL.findall(done.stdout)}
    assert set(figures) == set(REFERENCE_TYPES), done.stdout
    for name, (p, r, f) in figures.items():
        s = totals[name]
        assert (f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}") == (p, r, f), name
    # and document by document, count by count
    rows = {m[0]: [int(x) for x in m[1:]] for m in _DOC.findall(done.stdout)}
    assert sorted(rows) == sorted(d.name for d in ours.documents) == sorted(names)
    for doc in ours.documents:
        t = doc.kinds
        mine = [
            *(n for k in ("refs", "amounts", "motions")
              for n in (t[k].found, t[k].predicted, t[k].gold)),
            t["commitments"].found, t["commitments"].gold,
            t["commitments"].right, t["commitments"].predicted,
        ]  # fmt: skip
        assert mine == rows[doc.name], doc.name


def test_evaluate_real_extracting_equals_scoring_extract_output(real_dev_predictions: Path) -> None:
    extracted = kl(str(REAL), "--part", "dev", "--format", "json")
    scored = kl(str(REAL / "gold"), "--part", "dev", "--predictions", str(real_dev_predictions),
                "--format", "json")  # fmt: skip
    assert extracted.returncode == 0 and scored.returncode == 0, extracted.stderr + scored.stderr
    a, b = json.loads(extracted.stdout), json.loads(scored.stdout)
    assert a["types"] == b["types"]
    assert list(a["types"]) == list(TYPES)
    assert [d["name"] for d in a["documents"]] == sorted(_dev())
    assert a["not_annotated"] == [n for n in _split()["dev"] if n not in _dev()]


def test_evaluate_real_table_shows_types_and_what_was_missed_and_invented(
    real_dev_predictions: Path,
) -> None:
    done = kl(str(REAL), "--predictions", str(real_dev_predictions))  # --part dev by default
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "part dev" in out
    for name in TYPES:
        assert re.search(rf"^{name}\s+\d+\s+\d+\s+\d+\s+\d+\s+[01]\.\d{{3}} ", out, re.M), name
    quoted = re.findall(r"^  (missed|invented) +(\w+): .*«(.+)»$", out, re.M)
    assert {kind for kind, _, _ in quoted} == {"missed", "invented"}
    assert all(len(q) <= 80 for _, _, q in quoted)  # short quotes
    assert "missed" not in kl(str(REAL), "--predictions", str(real_dev_predictions),
                              "--no-details").stdout  # fmt: skip


def test_evaluate_real_kinds_choose_the_types(real_dev_predictions: Path) -> None:
    done = kl(str(REAL), "--predictions", str(real_dev_predictions), "-k", "refs,dates", "-fjson")
    assert done.returncode == 0, done.stderr
    assert list(json.loads(done.stdout)["types"]) == ["refs", "dates"]
    bad = kl(str(REAL), "--predictions", str(real_dev_predictions), "-k", "events")
    assert bad.returncode == 1 and "unknown type(s) events" in bad.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["tests/real", "--part", "holdout"], "--part must be one of dev, test, all"),
        (["tests/real", "--predictions", "no/such/dir"], "no/such/dir: no such folder"),
        (["tests/gold", "--part", "dev"], "apply to a real set"),
    ],
)
def test_evaluate_real_user_errors_are_one_line(args: list[str], message: str) -> None:
    done = kl(*args)
    assert done.returncode != 0
    assert message in done.stderr and done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def _small_set(tmp: Path, names: list[str], *, gold2: bool = True) -> Path:
    """A real set of a few dev documents, laid out as tests/real."""
    for sub in ("docs", "gold", "gold2"):
        (tmp / sub).mkdir(parents=True, exist_ok=True)
    for name in names:
        for doc in (REAL / "docs").glob(f"{name}.*"):
            shutil.copy(doc, tmp / "docs" / doc.name)
        shutil.copy(REAL / "gold" / f"{name}.json", tmp / "gold")
        if gold2:
            shutil.copy(REAL / "gold2" / f"{name}.json", tmp / "gold2")
    (tmp / "split.toml").write_text(f"dev = {json.dumps(names)}\ntest = []\n", encoding="utf-8")
    return tmp


def test_evaluate_real_matches_gold_to_a_document_by_stem_whatever_its_extension(
    tmp_path: Path,
) -> None:
    real = _small_set(tmp_path, ["vlos_mivd_2025", "seed_004"])
    assert (real / "docs" / "vlos_mivd_2025.xml").is_file()
    report = evaluate_real(real, part="all")
    by_name = {d.name: d for d in report.documents}
    assert by_name["vlos_mivd_2025"].error is None
    assert by_name["vlos_mivd_2025"].source.endswith("vlos_mivd_2025.xml")
    assert by_name["vlos_mivd_2025"].kinds["refs"].found > 0  # the XML was read, not skipped


def test_evaluate_real_a_missing_document_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    real = _small_set(tmp_path, ["seed_000", "seed_004"])
    (real / "docs" / "seed_000.txt").unlink()
    shutil.copy(REAL / "gold" / "seed_000.json", real / "gold" / "extra_doc.json")
    report = evaluate_real(real, part="dev")
    lost, kept = report.documents
    assert lost.name == "seed_000" and "no document named seed_000.* in docs/" in (lost.error or "")
    assert lost.kinds["refs"].found == 0 and lost.kinds["refs"].gold == 3  # counted as missed
    assert kept.error is None and kept.kinds["refs"].found > 0
    assert report.outside_split == ["extra_doc"]


def test_evaluate_real_a_broken_prediction_counts_as_empty(
    tmp_path: Path, real_dev_predictions: Path
) -> None:
    real = _small_set(tmp_path / "set", ["seed_000", "seed_004"])
    preds = tmp_path / "preds"
    preds.mkdir()
    shutil.copy(real_dev_predictions / "seed_004.json", preds)
    (preds / "seed_000.json").write_text("{not json", encoding="utf-8")
    first, second = evaluate_real(real, part="dev", predictions=preds).documents
    assert "no usable prediction (JSONDecodeError)" in (first.error or "")
    assert first.kinds["refs"].predicted == 0 and first.kinds["refs"].gold == 3
    assert second.error is None


def test_evaluate_real_malformed_gold_names_the_file(tmp_path: Path) -> None:
    real = _small_set(tmp_path, ["seed_000"])
    gold = json.loads((real / "gold" / "seed_000.json").read_text(encoding="utf-8"))
    del gold["kamerstuk_refs"][1]["nr"]
    (real / "gold" / "seed_000.json").write_text(json.dumps(gold), encoding="utf-8")
    done = kl(str(real))
    assert done.returncode == 1
    assert done.stderr.strip().endswith('seed_000.json: "kamerstuk_refs" item 2 lacks nr')


@pytest.mark.parametrize(
    ("key", "item", "problem"),
    [
        (
            "amounts",
            {"value_eur": "veel", "text": "veel geld"},
            'value_eur must be a number, not "veel"',
        ),
        ("amounts", {"value_eur": None}, "value_eur must be a number, not null"),
        ("motions", {"member": 5, "text": "De Kamer, ..."}, "member must be a string, not 5"),
        ("dates", {"iso": 20230101, "text": "1 januari 2023"}, "iso must be a date YYYY-MM-DD"),
        ("dates", {"iso": "1 juni 2023"}, 'iso must be a date YYYY-MM-DD, not "1 juni 2023"'),
        ("commitments", {"text": ["zal ik"]}, "text must be a string"),
        ("kamerstuk_refs", {"dossier": ["36200"], "nr": "26"}, "dossier must be a string or"),
    ],
)
def test_evaluate_real_gold_of_the_wrong_type_names_file_list_and_item(
    tmp_path: Path, key: str, item: dict[str, object], problem: str
) -> None:
    real = _small_set(tmp_path, ["seed_000"])
    path = real / "gold" / "seed_000.json"
    gold = json.loads(path.read_text(encoding="utf-8"))
    gold.setdefault(key, []).append(item)
    path.write_text(json.dumps(gold), encoding="utf-8")
    done = kl(str(real), "--part", "all")
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert f'seed_000.json: "{key}" item {len(gold[key])}: {problem}' in line, line


def test_evaluate_real_document_kind_and_stated_date() -> None:
    # kamerlens' own names of kinds read in the guidelines' vocabulary
    assert kind_key("brief") == "kamerbrief"
    assert kind_key("antwoorden op Kamervragen") == "aanhangsel"
    assert kind_key("verslag van een commissievergadering") == "verslag"
    assert kind_key("besluitenlijst") == "verslag"
    assert kind_key("handelingen") == "handelingen" and kind_key(None) is None
    gold = {"kind": "kamerbrief", "date": "2022-11-25"}
    stated = {"document": {"kind": "brief", "date": "2022-11-25", "date_estimated": False}}
    guessed = {"document": {"kind": "motie", "date": "2022-11-25", "date_estimated": True}}
    right = score_record(gold, stated, types=("doc_kind", "doc_date"))
    assert (right["doc_kind"].f1, right["doc_date"].f1) == (1.0, 1.0)
    wrong = score_record(gold, guessed, types=("doc_kind", "doc_date"))
    assert wrong["doc_kind"].missed == ["kamerbrief (got motie)"]
    assert wrong["doc_kind"].invented == ["motie"]
    # an estimated date is not the date the text states
    assert wrong["doc_date"].predicted == 0 and wrong["doc_date"].recall == 0.0


def test_evaluate_real_dates_per_occurrence_with_day_and_month_only() -> None:
    gold = {"dates": [{"iso": "2023-06-01", "text": "1 juni"},
                      {"iso": "2023-06-01", "text": "1/6"}]}  # fmt: skip
    pred = {"dates": [{"start_date": "2023-06-01", "text": "1 juni 2023"},
                      {"start_date": "2023-06", "text": "juni 2023"},  # month only: not scored
                      {"start_date": "2023-06-02", "text": "2 juni"}]}  # fmt: skip
    s = score_record(gold, pred, types=("dates",))["dates"]
    assert (s.found, s.predicted, s.gold) == (1, 2, 2)
    assert s.missed == ["2023-06-01 «1/6»"] and s.invented == ["2023-06-02 «2 juni»"]


# --------------------------------------------------------------------------- agreement, generated

_DOCS = ["ah_bzk_mijnbouwschade_drenthe", "kb_ienw_emissies_luchtvaart", "seed_004"]
_WORDS = ["de", "Kamer", "zal", "ik", "informeren", "voor", "de", "zomer", "motie", "brief"]


def _vary_ref(ref: dict[str, Any], op: int, rnd: random.Random) -> list[dict[str, Any]]:
    dossier, nr = str(ref["dossier"]), str(ref["nr"])
    spaced = re.sub(r"^(\d\d)(\d{3})-?", r"\1 \2 ", dossier)
    return [
        [],
        [{"kind": "kamerstuk", "dossier": dossier, "number": nr, "text": ref.get("text")}],
        [{"dossier": spaced, "number": nr}],  # no kind: a Kamerstuk
        [{"kind": None, "dossier": dossier, "nr": nr}],
        [{"kind": "handelingen", "dossier": dossier, "number": nr}],  # another kind: not scored
        [{"kind": "kamerstuk", "dossier": dossier, "number": str(rnd.randint(1, 999))}],
        [{"kind": "kamerstuk", "dossier": dossier, "number": nr}] * 2,
    ][op]


def _vary_amount(amount: dict[str, Any], op: int, rnd: random.Random) -> list[dict[str, Any]]:
    value = float(amount.get("value_eur") or amount.get("value") or 0)
    return [
        [],
        [{"value": value, "currency": "EUR"}],
        [{"value": value * 1.004}],  # within the tolerance
        [{"value": value * 1.02 + 1, "currency": "EUR"}],  # outside it
        [{"value": value * 1.0055 + 0.6}],  # just outside it
        [{"value": value, "currency": "NLG"}],  # guilders: not scored
        [{"value": None}],
        [{"value": str(int(value)), "currency": "eur"}],
    ][op]


def _vary_motion(motion: dict[str, Any], op: int, rnd: random.Random) -> list[dict[str, Any]]:
    member = motion.get("member")
    return [
        [],
        [{"members": [member] if member else []}],
        [{"member": member}],
        [{"members": [f"Van {member}", "Ander"]}] if member else [{"members": []}],
        [{"members": [rnd.choice(["Valstar", "Omtzigt", "Dijk"])]}],
        [{"members": [member]}] * 2,
    ][op]


def _vary_text(text: str, op: int, rnd: random.Random) -> list[dict[str, Any]]:
    words = text.split()
    return [
        [],
        [{"text": text}],
        [{"text": " ".join(words[: max(1, len(words) // 2)])}],
        [{"text": " ".join(words[:-2] + rnd.sample(_WORDS, 3))}],
        [{"text": "Ook " + text.upper() + " en verder"}],
        [{"text": " ".join(rnd.sample(_WORDS, 6))}],
    ][op]


def _vary_commitment(item: dict[str, Any], op: int, rnd: random.Random) -> list[dict[str, Any]]:
    return _vary_text(str(item["text"]), op, rnd)


_VARY = {
    "references": ("kamerstuk_refs", _vary_ref, 7),
    "amounts": ("amounts", _vary_amount, 8),
    "motions": ("motions", _vary_motion, 6),
    "commitments": ("commitments", _vary_commitment, 6),
}


def _prediction(gold: dict[str, Any], gold2: dict[str, Any] | None, data: st.DataObject) -> Any:
    rnd = random.Random(data.draw(st.integers(0, 2**32), label="seed"))
    pred: dict[str, Any] = {}
    for key, (gold_key, vary, n) in _VARY.items():
        items: list[dict[str, Any]] = []
        source = list(gold.get(gold_key) or [])
        if key == "commitments" and gold2:
            source += gold2.get("commitments") or []
        for item in source:
            op = data.draw(st.integers(0, n - 1))
            items.extend(vary(item, op, rnd))
        if data.draw(st.booleans(), label="shuffle"):
            rnd.shuffle(items)
        pred[key] = items
    return [pred] if data.draw(st.booleans(), label="as list") else pred


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_evaluate_real_agrees_with_the_reference_on_varied_predictions(data: st.DataObject) -> None:
    score_real = reference()
    with tempfile.TemporaryDirectory() as tmp:
        real = _small_set(Path(tmp) / "set", _DOCS)
        (real / "gold2" / "seed_004.json").unlink()  # one document marked by one annotator
        preds = Path(tmp) / "preds"
        preds.mkdir()
        for name in _DOCS:
            gold = json.loads((real / "gold" / f"{name}.json").read_text(encoding="utf-8"))
            g2_path = real / "gold2" / f"{name}.json"
            gold2 = json.loads(g2_path.read_text(encoding="utf-8")) if g2_path.exists() else None
            pred = _prediction(gold, gold2, data)
            (preds / f"{name}.json").write_text(json.dumps(pred), encoding="utf-8")
        with contextlib.redirect_stdout(io.StringIO()):
            theirs = score_real.score(str(real / "gold"), str(preds), None, verbose=False)
        totals = evaluate_real(real, part="dev", predictions=preds, types=REFERENCE_TYPES).totals()
        assert {k: totals[k].f1 for k in REFERENCE_TYPES} == pytest.approx(theirs, abs=1e-12)


_SHORT = st.lists(st.sampled_from(["ik", "zal", "de", "Kamer", "brief", "sturen"]), min_size=0,
                  max_size=5).map(" ".join)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(gold=st.lists(_SHORT, max_size=6), pred=st.lists(_SHORT, max_size=6))
def test_evaluate_real_text_matching_is_the_reference_one(gold: list[str], pred: list[str]) -> None:
    # short texts of few words: ties, containment and empty spans are frequent
    from kamerlens.evaluate.real import match_texts

    assert len(match_texts(gold, pred)[1]) == reference().match_text(gold, pred)


@settings(max_examples=200, deadline=None)
@given(
    gold=st.lists(st.floats(0, 2000, allow_nan=False), max_size=6),
    pred=st.lists(st.floats(0, 2000, allow_nan=False), max_size=6),
)
def test_evaluate_real_amount_matching_is_the_reference_one(
    gold: list[float], pred: list[float]
) -> None:
    from kamerlens.evaluate.real import _within, match_greedy

    pred = pred + [g * 1.005 for g in gold[:2]] + [g + 0.5 for g in gold[2:3]]  # on the edge
    assert len(match_greedy(gold, pred, _within)[1]) == reference().match_amounts(gold, pred)


def test_evaluate_real_dates_score_the_day_a_mention_writes() -> None:
    """A deadline open before a day ("voor 1 juli 2024": no start, its end that day) writes that
    day, as the gold counts it; a month names no day and is not scored."""
    from kamerlens.evaluate.real import score_dates

    gold = {"dates": [{"iso": "2024-07-01", "text": "1 juli 2024"},
                      {"iso": "2024-02-12", "text": "12 februari 2024"}]}
    pred = {"dates": [
        {"text": "12 februari 2024", "start_date": "2024-02-12", "end_date": "2024-02-12"},
        {"text": "september 2023", "start_date": "2023-09", "end_date": "2023-09"},
        {"text": "voor 1 juli 2024", "start_date": None, "end_date": "2024-07-01"},
    ]}
    score = score_dates(gold, pred)
    assert (score.right, score.predicted, score.gold) == (2, 2, 2)

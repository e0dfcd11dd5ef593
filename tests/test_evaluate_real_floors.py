"""Accuracy on the dev part of the real set never falls under its floors (tests/real/floors.toml).

The floors are data, a few points under what was measured; raise them as accuracy improves
(``bench/real_bench.py --part dev --floors`` prints them for what is measured now). A failure
names the document and type that regressed, and what was missed or invented there.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from kamerlens.evaluate import TYPES, Report, evaluate_real

ROOT = Path(__file__).resolve().parent.parent  # not from conftest: names clash across folders
REAL = ROOT / "tests" / "real"
FLOORS = tomllib.loads((REAL / "floors.toml").read_text(encoding="utf-8"))
SPLIT = tomllib.loads((REAL / "split.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dev_report(real_dev_predictions: Path) -> Report:
    return evaluate_real(REAL, part="dev", predictions=real_dev_predictions)


def test_evaluate_real_floors_are_for_dev_documents_and_known_types() -> None:
    assert set(FLOORS["overall"]) == set(TYPES)
    assert set(FLOORS["document"]) <= set(SPLIT["dev"]), "floors on the test part: remove them"
    for name, floors in FLOORS["document"].items():
        assert set(floors) <= set(TYPES), name
        assert all(0 < f <= 1 for f in floors.values()), name


def _what_went_wrong(report: Report, kind: str, names: list[str] | None = None) -> str:
    notes = []
    for doc in report.documents:
        if names is not None and doc.name not in names:
            continue
        s = doc.kinds[kind]
        notes += [f"  {doc.name}: missed {m}" for m in s.missed[:5]]
        notes += [f"  {doc.name}: invented {m}" for m in s.invented[:5]]
    return "\n".join(notes)


@pytest.mark.parametrize("kind", list(FLOORS["overall"]))
def test_evaluate_real_floors_per_type(dev_report: Report, kind: str) -> None:
    floor = FLOORS["overall"][kind]
    s = dev_report.totals()[kind]
    under = {
        d.name: f"{d.name} ({d.kinds[kind].f1:.3f} < {FLOORS['document'][d.name][kind]})"
        for d in dev_report.documents
        if d.kinds[kind].f1 < FLOORS["document"].get(d.name, {}).get(kind, 0)
    }
    assert s.f1 >= floor, (
        f"{kind}: F1 {s.f1:.3f} (P {s.precision:.3f} R {s.recall:.3f}) on the dev part is under "
        f"its floor {floor}; documents under their own floor: {', '.join(under.values()) or 'none'}"
        "\n" + _what_went_wrong(dev_report, kind, list(under) or None)
    )


@pytest.mark.parametrize(
    ("name", "kind"),
    [(name, kind) for name, floors in FLOORS["document"].items() for kind in floors],
)
def test_evaluate_real_floors_per_document(dev_report: Report, name: str, kind: str) -> None:
    floor = FLOORS["document"][name][kind]
    found = [d for d in dev_report.documents if d.name == name]
    assert found, f"{name} has a floor but is no longer scored (not in the dev part, or no gold)"
    doc = found[0]
    s = doc.kinds[kind]
    assert doc.error is None, doc.error
    assert s.f1 >= floor, (
        f"{name}, {kind}: F1 {s.f1:.3f} (P {s.precision:.3f} R {s.recall:.3f}) fell under its "
        f"floor {floor}\n" + _what_went_wrong(dev_report, kind, [name])
    )

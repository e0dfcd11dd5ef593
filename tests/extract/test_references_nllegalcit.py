"""References: 49 real citations from the Kamerstukken, as another project collected them.

The strings and that project's expectations are nllegalcit 0.0.4's test cases (PyPI, EUPL-1.2;
see the fixture's "source"). Where its reading differs from real/GUIDELINES.md the fixture keeps
both: two numbers after one dossier are two references ("nr. 6, p. 15-16; nr. 7"), a range is its
numbers, a Rijkswet number stays in the dossier as the Tweede Kamer writes it ("27484-(R1669)"),
and a citation without a nr. is none.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kamerlens.extract import extract

_FIXTURE = Path(__file__).parents[1] / "fixtures" / "citations" / "nllegalcit_kamerstukken.json"
_CASES = json.loads(_FIXTURE.read_text(encoding="utf-8"))["citations"]


def _letter(citation: str) -> bytes:
    return (
        "Geachte voorzitter,\n\nIk begin met de hoofdlijnen. " + citation
        + " Daarmee sluit ik af.\n\nDe minister van Financiën,\n\nA. Jansen\n"
    ).encode()


@pytest.mark.parametrize("case", _CASES, ids=[c["text"].strip()[:40] for c in _CASES])
def test_references_nllegalcit_real_citation(case: dict[str, object]) -> None:
    refs = extract(_letter(str(case["text"])), name="brief.txt").references
    assert [[r.dossier, r.number] for r in refs if r.dossier] == case["refs"]


def test_references_nllegalcit_differs_only_where_the_guidelines_say() -> None:
    differ = [c for c in _CASES if "nllegalcit" in c]
    assert len(_CASES) == 49 and len(differ) == 5

"""Score extraction against gold annotations made by hand: precision, recall and F1.

Two gold formats, one module each:

- :mod:`kamerlens.evaluate.real_set` and :mod:`~kamerlens.evaluate.real`: the real evaluation
  set (``tests/real``: real documents, two annotators, a fixed dev/test split), scored as the
  independent reference scorer does. Accuracy claims rest on this set only.
- :mod:`kamerlens.evaluate.written`: the project's own richer format (``tests/gold``,
  ``tests/gold_heldout``, ``tests/gold_blind2``; mostly written imitations of real genres), which
  scores every kind and field: unit fixtures, no measure of accuracy.

>>> score_document({"source": "x", "percentages": [{"value": 2.0}]},
...                {"percentages": [{"value": 2.0}, {"value": 20.0}]}).kinds["percentages"].f1
0.6666666666666666
"""

from kamerlens.evaluate.matching import MATCH_RULES, squash
from kamerlens.evaluate.real import PARTS, REFERENCE_TYPES, TYPES
from kamerlens.evaluate.real_set import RealSet, evaluate_real, is_real_set, load_real_gold
from kamerlens.evaluate.report import render_table
from kamerlens.evaluate.scores import DocScore, Report, Score
from kamerlens.evaluate.written import KINDS, evaluate, load_gold, score_document

__all__ = [
    "KINDS",
    "MATCH_RULES",
    "PARTS",
    "REFERENCE_TYPES",
    "TYPES",
    "DocScore",
    "RealSet",
    "Report",
    "Score",
    "evaluate",
    "evaluate_real",
    "is_real_set",
    "load_gold",
    "load_real_gold",
    "render_table",
    "score_document",
    "squash",
]

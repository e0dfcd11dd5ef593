"""PLACEHOLDER: replaced by the extraction work."""

from __future__ import annotations

from kamerlens.extract.pipeline import Doc, component


@component('amounts', needs=(), sets=('amounts', 'percentages'))
def amounts(doc: Doc) -> None:
    doc.results['amounts'] = []

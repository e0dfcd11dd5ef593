"""PLACEHOLDER: replaced by the extraction work."""

from __future__ import annotations

from kamerlens.extract.pipeline import Doc, component


@component('commitments', needs=('events', 'dates'), sets=('commitments',))
def commitments(doc: Doc) -> None:
    doc.results['commitments'] = []

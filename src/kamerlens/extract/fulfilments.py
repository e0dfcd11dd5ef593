"""PLACEHOLDER: replaced by the extraction work."""

from __future__ import annotations

from kamerlens.extract.pipeline import Doc, component


@component('fulfilments', needs=('references', 'motions'), sets=('fulfilments',))
def fulfilments(doc: Doc) -> None:
    doc.results['fulfilments'] = []

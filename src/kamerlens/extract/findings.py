"""PLACEHOLDER: replaced by the extraction work."""

from __future__ import annotations

from kamerlens.extract.pipeline import Doc, component


@component('findings', needs=('dates', 'document_date', 'events'), sets=('findings',))
def findings(doc: Doc) -> None:
    doc.results['findings'] = []

"""PLACEHOLDER: replaced by the extraction work."""

from __future__ import annotations

from kamerlens.extract.pipeline import Doc, component


@component('events', needs=('dates', 'document_date'), sets=('events',))
def events(doc: Doc) -> None:
    doc.results['events'] = []

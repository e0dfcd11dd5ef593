"""PLACEHOLDER: replaced by the extraction work."""

from __future__ import annotations

from kamerlens.extract.pipeline import Doc, component


@component('entities', needs=(), sets=('entities',))
def entities(doc: Doc) -> None:
    doc.results['entities'] = []

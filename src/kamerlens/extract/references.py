"""PLACEHOLDER: replaced by the extraction work."""

from __future__ import annotations

from kamerlens.extract.pipeline import Doc, component


@component('references', needs=(), sets=('references',))
def references(doc: Doc) -> None:
    doc.results['references'] = []

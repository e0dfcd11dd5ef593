"""PLACEHOLDER: replaced by the extraction work."""

from __future__ import annotations

from kamerlens.extract.pipeline import Doc, component


@component('positions', needs=(), sets=('positions',))
def positions(doc: Doc) -> None:
    doc.results['positions'] = []

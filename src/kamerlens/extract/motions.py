"""PLACEHOLDER: replaced by the extraction work."""

from __future__ import annotations

from kamerlens.extract.pipeline import Doc, component


@component('motions', needs=('references',), sets=('motions',))
def motions(doc: Doc) -> None:
    doc.results['motions'] = []

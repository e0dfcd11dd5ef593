"""PLACEHOLDER: replaced by the extraction work."""

from __future__ import annotations

from kamerlens.extract.pipeline import Doc, component


@component('document', needs=(), sets=('identifier', 'title', 'kind', 'signer'))
def document(doc: Doc) -> None:
    doc.results['document'] = []

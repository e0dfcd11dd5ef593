"""PLACEHOLDER: replaced by the extraction work."""

from __future__ import annotations

from kamerlens.extract.pipeline import Doc, component


@component('dates', needs=('document',), sets=('dates',))
def dates(doc: Doc) -> None:
    doc.results['dates'] = []


@component('document_date', needs=('dates',), sets=('date', 'date_estimated'))
def document_date(doc: Doc) -> None:
    doc.results['document_date'] = []

"""kamerlens: Dutch parliamentary documents as a linked, searchable record.

>>> from kamerlens import extract
>>> record = extract(b"Zie Kamerstukken 22 054 en 36 045, nr. 390.", name="brief.txt")
>>> [(r.dossier, r.number) for r in record.references]
[('22054', '390'), ('36045', '390')]
"""

from kamerlens.errors import KamerlensError
from kamerlens.extract import extract
from kamerlens.ingest import read
from kamerlens.models import Record

__all__ = ["KamerlensError", "Record", "extract", "read"]

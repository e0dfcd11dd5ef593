"""kamerlens: Dutch parliamentary documents as a linked, searchable record.

>>> from kamerlens import extract
>>> record = extract("examples/letters/000_e47a5db50cc64457.txt")  # doctest: +SKIP
>>> [r.dossier for r in record.references]  # doctest: +SKIP
['22054', '36045', '28676']
"""

from kamerlens.errors import KamerlensError
from kamerlens.extract import extract
from kamerlens.ingest import read
from kamerlens.models import Record

__all__ = ["KamerlensError", "Record", "extract", "read"]

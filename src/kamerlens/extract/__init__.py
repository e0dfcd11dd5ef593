"""clean text -> findings: the extraction pipeline and ``extract()``.

The order of the components is data (``PIPELINE``); each module under ``kamerlens.extract``
declares its components with :func:`kamerlens.extract.pipeline.component`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kamerlens.errors import ExtractError, IngestError, KamerlensError
from kamerlens.extract import (  # noqa: F401  (importing registers the components)
    amounts,
    commitments,
    dates,
    document,
    entities,
    events,
    findings,
    fulfilments,
    motions,
    positions,
    references,
    sentences,
    turns,
)
from kamerlens.extract.pipeline import Doc, check_order, run
from kamerlens.ingest import RawDocument, read
from kamerlens.models import ITEM_KINDS, DocumentInfo, Record, Signer
from kamerlens.normalize import normalize

PIPELINE: tuple[str, ...] = (
    "sentences",
    "turns",
    "document",
    "references",
    "motions",
    "amounts",
    "dates",
    "document_date",
    "events",
    "commitments",
    "fulfilments",
    "positions",
    "entities",
    "findings",
    "speakers",
)
check_order(PIPELINE)

# Every item kind of the record but footnotes and sections, which normalize gives.
_RESULT_KINDS = tuple(k for k in ITEM_KINDS if k not in ("footnotes", "sections"))


def extract(
    source: str | Path | bytes | RawDocument,
    *,
    name: str | None = None,
    max_size: int | None = None,
) -> Record:
    """Read, normalize and extract one document.

    ``source`` is a path, ``-`` for standard input, raw bytes, or an already read RawDocument.
    Raises IngestError for input that is not a readable document, or that is larger than
    ``max_size`` bytes (default: ``kamerlens.ingest.size_limit()``, 64 MB unless
    ``KAMERLENS_MAX_SIZE`` says otherwise).
    """
    if isinstance(source, RawDocument):
        return extract_raw(source)
    try:
        raw = read(source, name=name, max_size=max_size)
    except KamerlensError:
        raise
    except Exception as exc:  # a parser bug must not end a batch: name the file and the cause
        label = name or ("<bytes>" if isinstance(source, bytes) else str(source))
        raise IngestError(f"could not be read ({type(exc).__name__}: {exc})", source=label) from exc
    return extract_raw(raw)


def extract_raw(raw: RawDocument) -> Record:
    norm = normalize(raw)
    doc = Doc(raw=raw, norm=norm)
    try:
        run(doc, PIPELINE)
    except KamerlensError:
        raise
    except Exception as exc:  # a bug in a rule must not end a batch; name the file and the cause
        raise ExtractError(
            f"extraction failed ({type(exc).__name__}: {exc})", source=raw.source
        ) from exc
    return _record(doc)


def _record(doc: Doc) -> Record:
    info: dict[str, Any] = dict(doc.info)
    signer = info.pop("signer", None) or Signer()
    identity = DocumentInfo(
        source=doc.raw.source,
        sha256=doc.raw.sha256,
        signer=signer,
        format=doc.raw.format,
        pages=doc.raw.pages,
        **{k: v for k, v in info.items() if k in _INFO_FIELDS},
    )
    items = {kind: tuple(doc.results.get(kind, ())) for kind in _RESULT_KINDS}
    return Record(
        document=identity,
        text=doc.text,
        footnotes=doc.norm.footnotes,
        sections=doc.norm.sections,
        **items,
    )


_INFO_FIELDS = {
    "identifier",
    "dossier",
    "number",
    "kind",
    "title",
    "date",
    "date_estimated",
    "date_range",
}

__all__ = ["PIPELINE", "extract", "extract_raw"]

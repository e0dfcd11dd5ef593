"""References in whole documents: the seeds, a decision list, and a document's own identity."""

from __future__ import annotations

from pathlib import Path

from kamerlens.extract import extract


def _ids(record) -> list[tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(r.dossier, r.number) for r in record.references]


def test_references_documents_seed_000(seed_000: Path) -> None:
    record = extract(seed_000)
    assert _ids(record) == [("22054", "390"), ("36045", "390"), ("28676", "434")]
    for ref in record.references:
        assert record.text[ref.start : ref.end] == ref.text


def test_references_documents_seed_004(seed_004: Path) -> None:
    record = extract(seed_004)
    assert _ids(record) == [
        ("28676", "417"),
        ("28676", "423"),
        ("36200-X", "26"),
        ("35925-X", "22"),
    ]


def test_references_documents_decision_list(examples: Path) -> None:
    record = extract(examples / "pdf" / "besluitenlijst_example1.pdf")
    ids = _ids(record)
    assert ("30569", "8") in ids and ("31200-XI", "65") in ids and ("31700-B", "14") in ids
    assert ("30420", "100") in ids and ("30420", "101") in ids
    # zaak numbers ("2009Z04630") and activity numbers are no Kamerstukken
    assert not any("Z" in r.text or "A0" in r.text for r in record.references)


OWN_FOOTER = """Hierbij bied ik u het verslag aan van de Raad (Kamerstuk 21 501-02, nr. 2700).

Tweede Kamer, vergaderjaar 2022–2023, 21 501-02, nr. 2733
"""

MOTION = """36 180 Wijziging van de begrotingsstaten van het Ministerie van Defensie (X)

Nr. 42 MOTIE VAN HET LID VALSTAR C.S.

Voorgesteld 12 december 2022

De Kamer,

gehoord de beraadslaging,

verzoekt de regering, de samenwerking te versterken (zie ook kst-36180-42 en
Kamerstuk 36 180, nr. 7),

en gaat over tot de orde van de dag.

Valstar
"""


def test_references_documents_skip_own_footer() -> None:
    record = extract(OWN_FOOTER.encode(), name="brief.txt")
    assert _ids(record) == [("21501-02", "2700")]
    assert record.document.identifier == "kst-21501-02-2733"


def test_references_documents_skip_own_identifier() -> None:
    record = extract(MOTION.encode(), name="motie.txt")
    assert record.document.identifier == "kst-36180-42"
    assert _ids(record) == [("36180", "7")]

"""The incremental link stage gives exactly the links a full relink gives.

Documents arrive in several batches; after each, ``link_new`` (what the CLI's ingest runs) must
leave the same ``links`` rows as a full ``relink`` of a copy of the store. Two corpora: the seeds
with later letters that fulfil, cover and fund what earlier ones promised (hand-made records, so
every kind of link occurs), and the bundled example documents through the real extractor.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from storekit import EXAMPLES, seed_000, seed_004, span  # noqa: E402

from kamerlens.ingest import RawDocument, read  # noqa: E402
from kamerlens.link import link_new, relink  # noqa: E402
from kamerlens.models import (  # noqa: E402
    Amount,
    DocumentInfo,
    Fulfilment,
    MadeIn,
    Record,
    Reference,
    Signer,
)
from kamerlens.store import open_store  # noqa: E402
from kamerlens.store.batch import ingest  # noqa: E402
from kamerlens.store.core import SqlStore  # noqa: E402
from kamerlens.store.sqlite import SqliteStore  # noqa: E402

FULFIL = (
    "Met deze brief geef ik invulling aan de toezegging in het verslag van de informele "
    "NAVO-bijeenkomst (Kamerstuk 28 676, nr. 435) om uw Kamer voorafgaand aan de Top te "
    "informeren over de Nederlandse inzet voor de Defence Investment Pledge."
)
COVER = "Hierbij ontvangt u de brief over de Nederlandse inzet voor de Defence Investment Pledge."
FUND = (
    "Nederland draagt EUR 40 miljoen bij aan het Ukraine Comprehensive Assistance Package "
    "trust fund voor niet-letale steun."
)


def _letter(text: str, date: str, title: str, *, number: str | None = None) -> tuple:
    raw = read(text.encode(), name=f"letter_{date}_{len(text)}.txt")
    fulfilments: tuple[Fulfilment, ...] = ()
    refs: tuple[Reference, ...] = ()
    amounts: tuple[Amount, ...] = ()
    if "nr. 435" in text:
        s, e = span(text, "Kamerstuk 28 676, nr. 435")
        refs = (Reference("kamerstuk", "28676", "435", None, text[s:e], s, e),)
        fulfilments = (
            Fulfilment(
                text,
                MadeIn("28676", "435"),
                0,
                len(text),
                subject="de Nederlandse inzet voor de Defence Investment Pledge",
            ),
        )
    if "EUR 40" in text:
        s, e = span(text, "EUR 40 miljoen")
        amounts = (
            Amount(
                40e6,
                "EUR",
                text[s:e],
                s,
                e,
                recipient="Ukraine Comprehensive Assistance Package trust fund",
            ),
        )
    record = Record(
        document=DocumentInfo(
            source=raw.source,
            sha256=raw.sha256,
            dossier="28676" if number else None,
            number=number,
            kind="brief",
            title=title,
            date=date,
            signer=Signer("A. Minister", "Minister van Buitenlandse Zaken"),
            format="text",
        ),
        text=text,
        references=refs,
        fulfilments=fulfilments,
        amounts=amounts,
    )
    return raw, record


@pytest.fixture
def store(store_target: str) -> Iterator[SqlStore]:
    s = open_store(store_target)
    assert isinstance(s, SqlStore)
    yield s
    s.close()


def _links(store: SqlStore) -> list[tuple]:
    return sorted(
        (
            tuple(row.values())
            for row in store._rows(
                "SELECT kind, from_doc, from_table, from_id, to_doc, to_table, to_id, to_key,"
                " evidence, confidence, from_key FROM links"
            )
        ),
        key=repr,
    )


def _relinked(store: SqlStore, tmp_path: Path, step: int) -> list[tuple]:
    """The links a full relink computes on a copy of the store as it is now (PostgreSQL: in a
    transaction that is rolled back, which leaves the store as it was just the same)."""
    if not isinstance(store, SqliteStore):
        import psycopg

        found: list[tuple] = []
        with store.transaction():
            relink(store)
            found = _links(store)
            raise psycopg.Rollback
        return found
    copy = tmp_path / f"copy_{step}.db"
    target = sqlite3.connect(copy)
    store.conn.backup(target)
    target.close()
    other = SqliteStore(copy, text_index=False)
    try:
        relink(other)
        return _links(other)
    finally:
        other.close()


def _batches() -> list[list[tuple[RawDocument, Record]]]:
    return [
        [seed_000("kst-28676-435")],
        [seed_004(), _letter(FUND, "2023-01-20", "Steun aan Oekraïne")],
        # the fulfilment points back to a document of the first batch; the covering letter
        # only shares title words with its commitment
        [_letter(FULFIL, "2023-07-05", "Inzet NAVO-Top", number="436")],
        [
            _letter(
                COVER, "2023-07-04", "Nederlandse inzet voor de nieuwe Defence Investment Pledge"
            )
        ],
        # a stored target appears after the fulfilment that points at it
        [_letter("Een korte brief.", "2023-05-01", "Kort verslag", number="435")],
    ]


@pytest.mark.parametrize("share", [0.5, 2.0])  # 2.0: never a full run, even for big batches
def test_link_new_equals_relink_on_seed_letters(
    store: SqlStore, tmp_path: Path, share: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kamerlens.link.incremental as incremental

    monkeypatch.setattr(incremental, "FULL_SHARE", share)
    kinds: set[str] = set()
    for step, batch in enumerate(_batches()):
        for raw, record in batch:
            store.add(raw, record)
        link_new(store)
        mine = _links(store)
        assert mine == _relinked(store, tmp_path, step), f"after batch {step}"
        kinds |= {row[0] for row in mine}
    assert kinds == {"fulfils", "covers", "recipient"}  # every kind was exercised


def test_link_new_after_a_kill_links_what_is_pending(store: SqlStore, tmp_path: Path) -> None:
    """Documents stored by a run that died before its link stage are linked by the next run."""
    for batch in _batches()[:3]:
        for raw, record in batch:
            store.add(raw, record)  # no link stage between: as if each run was killed
    assert store._rows("SELECT count(*) AS n FROM link_pending")[0]["n"] == 4
    link_new(store)
    assert _links(store) == _relinked(store, tmp_path, 0)
    assert store._rows("SELECT count(*) AS n FROM link_pending")[0]["n"] == 0


@pytest.mark.parametrize("split", [1, 3])
def test_link_new_equals_relink_on_examples(
    store: SqlStore, tmp_path: Path, split: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundled documents through the real extractor, ingested in parts."""
    import kamerlens.link.incremental as incremental

    monkeypatch.setattr(incremental, "FULL_SHARE", 2.0)  # the incremental path, every part
    files = sorted(
        p
        for folder in ("letters", "xml", "vlos")
        for p in (EXAMPLES / folder).iterdir()
        if p.is_file()
    )
    parts = [files[i::split] for i in range(split)]
    for step, part in enumerate(parts):
        ingest(store, part, workers=0)
        link_new(store)
        assert _links(store) == _relinked(store, tmp_path, step)

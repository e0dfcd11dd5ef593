"""Records built by hand from the real seed letters, for the pure store tests.

The extractors are written elsewhere; these tests check the store, so they need records with
items whose spans point into the real text. Each item is located with ``text.index(...)`` so
``text[start:end]`` is what it claims to be.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from kamerlens.ingest import RawDocument, read
from kamerlens.models import (
    Amount,
    Commitment,
    DocumentInfo,
    Entity,
    Event,
    Footnote,
    Fulfilment,
    MadeIn,
    Mention,
    Motion,
    Position,
    Record,
    Reference,
    Section,
    Signer,
)
from kamerlens.store.sqlite import SqliteStore

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SEED_000 = EXAMPLES / "letters" / "000_e47a5db50cc64457.txt"
SEED_004 = EXAMPLES / "letters" / "004_1ca4271ce6c07476.txt"


def span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    """Where ``needle`` sits in ``text``; any run of white space matches any other (PDF lines)."""
    pattern = r"\s+".join(re.escape(word) for word in needle.split())
    match = re.compile(pattern).search(text, after)
    if match is None:
        raise ValueError(f"{needle!r} not in the text")
    return match.start(), match.end()


def find(text: str, needle: str, after: int = 0) -> int:
    return span(text, needle, after)[1]


def ref(text: str, needle: str, dossier: str, number: str) -> Reference:
    s, e = span(text, needle)
    return Reference("kamerstuk", dossier, number, None, text[s:e], s, e)


def seed_000(identifier: str | None = None) -> tuple[RawDocument, Record]:
    raw = read(SEED_000)
    t = raw.text
    cs, ce = span(t, "Conform verzoek van de vaste commissie")
    ce = find(t, "Pledge.", cs)
    amount = "EUR 100 miljoen"
    a_s, a_e = span(t, amount)
    ns, ne = span(t, "Vilnius")
    return raw, Record(
        document=DocumentInfo(
            source=raw.source,
            sha256=raw.sha256,
            identifier=identifier,
            kind="verslag",
            title=(
                "Verslag informele ministeriële bijeenkomst van de NAVO van 31 mei en 1 juni 2023"
            ),
            date="2023-06-05",
            date_estimated=True,
            date_range=("2023-06-01", "2023-06-15"),
            signer=Signer("W.B. Hoekstra", "Minister van Buitenlandse Zaken"),
            format="text",
        ),
        text=t,
        references=(ref(t, "Kamerstuk 28 676, nr. 434", "28676", "434"),),
        amounts=(
            Amount(
                1.6e9,
                "EUR",
                "EUR 1,6 miljard",
                *span(t, "EUR 1,6 miljard"),
                purpose="militaire steun",
                donor="Nederland",
                recipient="Oekraïne",
            ),
            Amount(
                1e8,
                "EUR",
                amount,
                a_s,
                a_e,
                purpose="niet-letale steun aan Oekraïne",
                donor="Nederland",
                recipient="het trustfund voor niet-letale steun aan Oekraïne",
            ),
        ),
        events=(
            Event(
                "NAVO-Top",
                "Vilnius",
                "2023-07",
                "2023-07",
                "upcoming",
                *_sentence(t, "NAVO-Top in Vilnius in juli"),
            ),
            Event(
                "bijeenkomst van NAVO-Ministers van Defensie",
                "Brussel",
                "2023-06-15",
                "2023-06-16",
                "upcoming",
                *_sentence(t, "Brussel op 15 en 16 juni"),
            ),
        ),
        commitments=(
            Commitment(
                t[cs:ce],
                "het kabinet",
                "informeren",
                "2023-07",
                "tijdig voorafgaand aan de NAVO-Top in Vilnius",
                "vaste commissie voor Defensie",
                cs,
                ce,
                subject="de Nederlandse inzet voor de nieuwe Defence Investment Pledge",
            ),
        ),
        positions=(Position("Nederland", "benadrukte", *_sentence(t, "Nederland benadrukte")),),
        entities=(
            Entity("place", "Vilnius", None, (Mention(ns, ne), Mention(*span(t, "Vilnius", ne)))),
            Entity("country", "Oekraïne", "UA", (Mention(*span(t, "Oekraïne")),)),
        ),
        footnotes=(
            Footnote(
                "2",
                "Kamerstuk 28 676, nr. 434",
                *span(t, "Kamerstuk 28 676, nr. 434"),
                marker=Mention(*span(t, "Pledge.2")),
            ),
        ),
    )


def _sentence(text: str, needle: str) -> tuple[str, int, int]:
    s, e = span(text, needle)
    return text[s:e], s, e


def seed_004(identifier: str | None = None) -> tuple[RawDocument, Record]:
    raw = read(SEED_004)
    t = raw.text
    fs, _ = span(t, "Tijdens het Commissie Debat")
    fe = find(t, "Valstar c.s.", fs)
    ks, _ = span(t, "Tijdens de aanstaande Raad Buitenlandse Zaken")
    ke = find(t, "infrastructuur.", ks)
    ms, me = span(t, "Motie Valstar c.s., d.d. 17 november 2022")
    return raw, Record(
        document=DocumentInfo(
            source=raw.source,
            sha256=raw.sha256,
            identifier=identifier,
            kind="verslag",
            title="Verslag van de NAVO ministeriële bijeenkomst van 29 en 30 november 2022",
            date="2022-12-05",
            date_estimated=True,
            date_range=("2022-11-30", "2022-12-12"),
            format="text",
        ),
        text=t,
        references=(
            ref(t, "Kamerstuk 28 676, nr. 417", "28676", "417"),
            ref(t, "Kamerstuk 28 676, nr. 423", "28676", "423"),
            ref(t, "Kamerstuk 36 200 X, nr. 26", "36200-X", "26"),
        ),
        motions=(
            Motion(
                ("Valstar",),
                True,
                "2022-11-17",
                "36200-X",
                "26",
                "binnen de Joint Expeditionary Force de samenwerking versterken",
                t[ms:me],
                ms,
                me,
                (Mention(*span(t, "Valstar c.s.1")),),
            ),
        ),
        amounts=(
            Amount(
                2.5e7,
                "EUR",
                "EUR 25 miljoen",
                *span(t, "EUR 25 miljoen"),
                donor="Nederland",
                recipient="Ukraine Comprehensive Assistance Package (UCAP) trust fund",
            ),
        ),
        events=(
            Event(
                "Raad Buitenlandse Zaken",
                None,
                "2022-12-12",
                "2022-12-12",
                "upcoming",
                *_sentence(t, "Raad Buitenlandse Zaken op 12 december"),
            ),
        ),
        commitments=(
            Commitment(
                t[ks:ke],
                "ik",
                "aandacht vragen",
                "2022-12-12",
                "op 12 december",
                None,
                ks,
                ke,
                subject="bescherming van kritieke infrastructuur",
            ),
        ),
        fulfilments=(
            Fulfilment(
                t[fs:fe],
                MadeIn("28676", "423"),
                fs,
                fe,
                subject="uitvoering van de motie Valstar c.s.",
            ),
        ),
        sections=(Section("Vitale infrastructuur", *span(t, "Vitale infrastructuur")),),
    )


def variant(raw: RawDocument, record: Record, n: int, **info: object) -> tuple[RawDocument, Record]:
    """The same record under new bytes (so a new sha256): a distinct document for the store."""
    data = raw.data + f"\n<!-- variant {n} -->".encode()
    new_raw = read(data, name=f"variant_{n}_{Path(raw.source).name}")
    doc = replace(record.document, source=new_raw.source, sha256=new_raw.sha256, **info)
    return new_raw, replace(record, document=doc)


def _pg_tables(store: Any) -> list[str]:
    return [
        r["table_name"]
        for r in store._rows(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            " AND table_type = 'BASE TABLE' ORDER BY table_name"
        )
    ]


def table_rows(store: Any, table: str) -> list[tuple[object, ...]]:
    """Every row of ``table`` in stored order (SQLite: rowid; PostgreSQL: the first column)."""
    if isinstance(store, SqliteStore):
        without = "WITHOUT ROWID" in (
            store.conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,))
            .fetchone()[0]
            .upper()
        )
        order = "" if without else " ORDER BY rowid"
        return [tuple(r) for r in store.conn.execute(f'SELECT * FROM "{table}"{order}')]
    return store._table(f'SELECT * FROM "{table}" ORDER BY 1')[1]


def snapshot(store: Any) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table except time stamps: to prove that nothing changed."""
    if isinstance(store, SqliteStore):
        tables = [
            r[0]
            for r in store.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search%'"
                " AND name NOT LIKE 'sqlite%' ORDER BY name"
            )
        ]
        out = {table: table_rows(store, table) for table in tables}
        out["search"] = [tuple(r) for r in store.conn.execute("SELECT rowid FROM search")]
        return out
    out = {t: table_rows(store, t) for t in _pg_tables(store) if t != "search"}
    out["search"] = [(r["id"],) for r in store._rows("SELECT id FROM search ORDER BY id")]
    return out


def check_integrity(store: Any) -> None:
    """The backend's own consistency checks: SQLite's integrity check and FTS5's; in
    PostgreSQL every text has exactly its one row in the full-text table."""
    if isinstance(store, SqliteStore):
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # FTS5 raises "database disk image is malformed" when the index and texts disagree
        store.conn.execute("INSERT INTO search (search, rank) VALUES ('integrity-check', 1)")
        return
    rows = store._rows(
        "SELECT (SELECT count(*) FROM texts) AS texts, (SELECT count(*) FROM search) AS search,"
        " (SELECT count(*) FROM texts t JOIN search s ON s.id = t.id AND s.doc_id = t.doc_id)"
        " AS joined"
    )[0]
    assert rows["texts"] == rows["search"] == rows["joined"], rows


def fts_count(store: Any, word: str) -> int:
    """Documents the backend's own full-text index finds for one word (not the side index)."""
    if isinstance(store, SqliteStore):
        return int(
            store.conn.execute("SELECT count(*) FROM search WHERE search MATCH ?", (word,))
            .fetchone()[0]
        )
    return int(
        store._rows(
            "SELECT count(*) AS n FROM search WHERE tsv @@ to_tsquery('kamerlens', ?)", (word,)
        )[0]["n"]
    )

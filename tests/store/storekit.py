"""Records built by hand from the real seed letters, for the pure store tests.

The extractors are written elsewhere; these tests check the store, so they need records with
items whose spans point into the real text. Each item is located with ``text.index(...)`` so
``text[start:end]`` is what it claims to be.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

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


def snapshot(store: SqliteStore) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table except time stamps: to prove that nothing changed."""
    out = {}
    tables = [
        r[0]
        for r in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search%'"
            " AND name NOT LIKE 'sqlite%' ORDER BY name"
        )
    ]
    for table in tables:
        # WITHOUT ROWID tables have no rowid; a plain scan reads them in primary-key order
        without = "WITHOUT ROWID" in (
            store.conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,))
            .fetchone()[0]
            .upper()
        )
        order = "" if without else " ORDER BY rowid"
        rows = store.conn.execute(f'SELECT * FROM "{table}"{order}').fetchall()
        out[table] = [tuple(r) for r in rows]
    out["search"] = [tuple(r) for r in store.conn.execute("SELECT rowid FROM search")]
    return out

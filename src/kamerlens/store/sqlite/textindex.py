"""The tantivy side index: ranking, filters and facets for ``search``, next to the database.

SQLite stays the store of record; the index (``<db>.tantivy/``) is derived and can always be
rebuilt from it (``kamerlens reindex``). How the two stay consistent, also after a kill:
- every write of a document adds its ``texts.id`` to ``search_queue`` IN THE SAME TRANSACTION;
- the maintainer (the one process holding ``<db>.tantivy.lock``) re-reads queued rows from
  SQLite, deletes and re-adds them in the index, commits the index, and only then removes the
  queue rows it handled (a kill in between replays them: delete-then-add is idempotent);
- a rebuild writes a new generation id into the index folder (``kamerlens.json``) and then into
  ``store_state``; at open a missing or damaged folder, a different generation or a document
  count that differs from SQLite's means: rebuild (maintainer) or use FTS5 (everyone else).
Readers never take a lock: a read-only web server searches the index while an ingest writes,
seeing it as of the maintainer's last commit. The stores of one process that only read (the
web app opens one per worker thread) share one index reader (``TextIndex.shared``), which
reloads only when the index's ``meta.json`` changed (a stat, not a reload, per search).
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import uuid
import weakref
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import tantivy

from kamerlens.store.query import And, Near, Node, Not, Or, Term

SCHEMA_VERSION = 1
WRITER_HEAP = 64_000_000
MARKER = "kamerlens.json"
MAX_NEAR_TERMS = 3  # NEAR with more terms (permutations) or with phrases/prefixes: FTS5
_FIELDS = ("title", "text")
PREFIX_CACHE = 512  # compiled prefix queries kept: building one costs ~0.25 ms (an automaton)
_SHARED: weakref.WeakValueDictionary[tuple[str, str | None], TextIndex] = (
    weakref.WeakValueDictionary()
)
_SHARED_LOCK = threading.Lock()


class Unsupported(Exception):
    """The query uses something the tantivy translation does not cover: run it with FTS5."""


def _analyzers() -> dict[str, Any]:
    words = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(60))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )
    exact = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.raw())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )
    return {"nl_fold": words, "exact_fold": exact}


def _schema() -> Any:
    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("id", stored=False, indexed=True, fast=True)  # texts.id
    sb.add_text_field("title", tokenizer_name="nl_fold")
    sb.add_text_field("text", tokenizer_name="nl_fold")
    sb.add_text_field("kind", fast=True, tokenizer_name="raw")  # facet values as stored
    sb.add_text_field("kind_key", tokenizer_name="exact_fold", index_option="basic")
    sb.add_text_field("dossier", fast=True, tokenizer_name="raw")
    sb.add_text_field("entity", fast=True, tokenizer_name="raw")  # names, for the facet
    sb.add_text_field("entity_key", tokenizer_name="exact_fold", index_option="basic")
    sb.add_integer_field("date", indexed=True, fast=True)  # YYYYMMDD, 0 when unknown
    sb.add_integer_field("year", fast=True)
    return sb.build()


def date_key(value: str | None, *, upper: bool = False) -> int:
    """``'2023-06-05'`` -> 20230605; a partial date pads with zeros (nines when it is an upper
    bound: ``until 2022-12`` takes in the whole month); unknown -> 0."""
    digits = "".join(ch for ch in (value or "")[:10] if ch.isdigit())
    return int(digits.ljust(8, "9" if upper else "0")) if len(digits) >= 4 else 0


class TextIndex:
    """One tantivy index folder; ``writer`` only in the maintaining process."""

    def __init__(self, folder: Path, index: Any, generation: str | None) -> None:
        self.folder = folder
        self.index = index
        self.schema = index.schema
        self.generation = generation
        self.writer: Any = None
        self.analyzers = _analyzers()
        for name, analyzer in self.analyzers.items():
            index.register_tokenizer(name, analyzer)
        self._seen_meta: tuple[int, int, int, int] | None = None
        self._prefixes: OrderedDict[tuple[str, str], Any] = OrderedDict()
        self._lock = threading.Lock()

    # -- opening ------------------------------------------------------------------------------

    @classmethod
    def open(cls, folder: Path) -> TextIndex | None:
        """The index in ``folder``, or None when it is missing, of another schema, or damaged."""
        try:
            marker = json.loads((folder / MARKER).read_text("utf-8"))
            if marker.get("schema") != SCHEMA_VERSION:
                return None
            index = tantivy.Index.open(str(folder))
            index.searcher()
        except (OSError, ValueError, RuntimeError):
            return None
        return cls(folder, index, marker.get("generation"))

    @classmethod
    def shared(cls, folder: Path, generation: str | None) -> TextIndex | None:
        """The one reader of ``folder`` at ``generation`` in this process (opened if none is),
        or None as ``open``. For stores that only read: no writer is ever taken on it."""
        key = (str(folder.resolve()), generation)
        with _SHARED_LOCK:
            found = _SHARED.get(key)
            if found is not None:
                return found
            opened = cls.open(folder)
            if opened is not None and opened.generation == generation:
                _SHARED[key] = opened
            return opened

    @classmethod
    def create(cls, folder: Path) -> TextIndex:
        """A new, empty index in ``folder`` (whatever was there is removed) with a new
        generation id; the caller fills it and then records the generation in SQLite."""
        if folder.exists():
            # moved aside first: a merge thread of an index closed a moment ago may still write
            # a file into it, which would make a plain rmtree fail halfway
            aside = folder.with_name(f"{folder.name}.old-{uuid.uuid4().hex[:8]}")
            folder.rename(aside)
            shutil.rmtree(aside, ignore_errors=True)
        folder.mkdir(parents=True)
        index = tantivy.Index(_schema(), path=str(folder))
        out = cls(folder, index, uuid.uuid4().hex)
        out.writer = index.writer(heap_size=WRITER_HEAP, num_threads=1)
        return out

    def write_marker(self) -> None:
        tmp = self.folder / (MARKER + ".tmp")
        tmp.write_text(json.dumps({"schema": SCHEMA_VERSION, "generation": self.generation}))
        os.replace(tmp, self.folder / MARKER)

    def take_writer(self) -> None:
        if self.writer is None:
            self.writer = self.index.writer(heap_size=WRITER_HEAP, num_threads=1)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.wait_merging_threads()
            self.writer = None

    # -- writing ------------------------------------------------------------------------------

    def put(self, rows: Iterable[dict[str, Any]], gone: Iterable[int]) -> int:
        """Delete ``gone`` ids and (re)add ``rows``: {id, title, text, kind, dossier, date,
        entities}. Not visible until ``commit``."""
        w = self.writer
        for text_id in gone:
            w.delete_documents_by_term("id", int(text_id))
        n = 0
        for row in rows:
            w.delete_documents_by_term("id", int(row["id"]))
            w.add_document(self._document(row))
            n += 1
        return n

    @staticmethod
    def _document(row: dict[str, Any]) -> Any:
        doc = tantivy.Document()
        doc.add_integer("id", int(row["id"]))
        doc.add_text("title", row["title"] or "")
        doc.add_text("text", row["text"] or "")
        if row["kind"]:
            doc.add_text("kind", row["kind"])
            doc.add_text("kind_key", row["kind"])
        if row["dossier"]:
            doc.add_text("dossier", row["dossier"])
        for name, code in row["entities"]:
            if name:
                doc.add_text("entity", name)
                doc.add_text("entity_key", name)
            if code:
                doc.add_text("entity_key", code)
        key = date_key(row["date"])
        doc.add_integer("date", key)
        doc.add_integer("year", key // 10000)
        return doc

    def commit(self) -> None:
        self.writer.commit()

    def clear(self) -> None:
        self.writer.delete_all_documents()

    def num_docs(self) -> int:
        self.index.reload()
        return int(self.index.searcher().num_docs)

    def refresh(self) -> None:
        """See the latest commit: reload when ``meta.json`` changed since the last look
        (tantivy replaces it at each commit, so its inode, time or size changes)."""
        try:
            st = os.stat(self.folder / "meta.json")
        except OSError:
            self.index.reload()  # gone: let tantivy say what is wrong
            return
        seen = (st.st_ino, st.st_mtime_ns, st.st_ctime_ns, st.st_size)
        if seen != self._seen_meta:
            self.index.reload()
            self._seen_meta = seen

    # -- reading ------------------------------------------------------------------------------

    def _fold(self, value: str, analyzer: str = "nl_fold") -> list[str]:
        return list(self.analyzers[analyzer].analyze(value))

    def _term(self, term: Term, field: str) -> Any:
        tokens: list[Any] = [t for w in term.words for t in self._fold(w)]
        if not tokens:
            return tantivy.Query.empty_query()
        if len(tokens) == 1:
            if term.prefix:
                return self._prefix(field, tokens[0])
            return tantivy.Query.term_query(self.schema, field, tokens[0])
        if term.prefix:
            return tantivy.Query.phrase_prefix_query(self.schema, field, tokens)
        return tantivy.Query.phrase_query(self.schema, field, tokens)

    def _prefix(self, field: str, token: str) -> Any:
        """Every term that starts with ``token``, unscored (a compiled automaton, kept: the
        same prefixes come back, and the query object is immutable)."""
        key = (field, token)
        with self._lock:
            found = self._prefixes.get(key)
            if found is not None:
                self._prefixes.move_to_end(key)
                return found
        query = tantivy.Query.regex_query(self.schema, field, _regex_escape(token) + ".*")
        with self._lock:
            self._prefixes[key] = query
            while len(self._prefixes) > PREFIX_CACHE:
                self._prefixes.popitem(last=False)
        return query

    def _near(self, near: Near, field: str) -> Any:
        words: list[str] = []
        for term in near.terms:
            tokens = [t for w in term.words for t in self._fold(w)]
            if term.prefix or len(tokens) != 1:
                raise Unsupported("NEAR with phrases or prefixes")
            words += tokens
        if len(words) > MAX_NEAR_TERMS:
            raise Unsupported("NEAR with more than three terms")
        # FTS5's NEAR ignores order; a slop phrase keeps it: one phrase per order. Slop counts
        # the words allowed between, as NEAR/N does for two terms.
        orders = _permutations(words)
        return tantivy.Query.boolean_query(
            [
                (
                    tantivy.Occur.Should,
                    tantivy.Query.phrase_query(
                        self.schema, field, list[Any](o), slop=near.distance
                    ),
                )
                for o in orders
            ]
        )

    def _fields(self, fields: tuple[str, ...], build: Any) -> Any:
        if len(fields) == 1:
            return build(fields[0])
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, build(f)) for f in fields])

    def translate(self, node: Node) -> Any:
        """The query tree as a tantivy query; raises Unsupported for what only FTS5 can do."""
        occur = tantivy.Occur
        if isinstance(node, Term):
            fields = (node.field,) if node.field else _FIELDS
            return self._fields(fields, lambda f: self._term(node, f))
        if isinstance(node, Near):
            return self._fields(_FIELDS, lambda f: self._near(node, f))
        if isinstance(node, And):
            return tantivy.Query.boolean_query(
                [(occur.Must, self.translate(p)) for p in node.parts]
            )
        if isinstance(node, Or):
            return tantivy.Query.boolean_query(
                [(occur.Should, self.translate(p)) for p in node.parts]
            )
        if isinstance(node, Not):
            return tantivy.Query.boolean_query(
                [
                    (occur.Must, self.translate(node.keep)),
                    (occur.MustNot, self.translate(node.drop)),
                ]
            )
        raise Unsupported(type(node).__name__)

    def filters(
        self,
        *,
        kind: str | None,
        since: str | None,
        until: str | None,
        dossier: str | None,
        entity: str | None,
    ) -> list[Any]:
        """Filter clauses (scored 0, so they do not change the ranking)."""
        out = []
        q = tantivy.Query
        if kind:
            out.append(
                q.term_query(self.schema, "kind_key", "".join(self._fold(kind, "exact_fold")))
            )
        if dossier:
            out.append(q.term_query(self.schema, "dossier", dossier))
        if entity:
            value = "".join(self._fold(entity, "exact_fold"))
            out.append(q.term_query(self.schema, "entity_key", value))
        if since or until:
            low = date_key(since) if since else 1
            high = date_key(until, upper=True) if until else None
            out.append(
                q.range_query(self.schema, "date", tantivy.FieldType.Integer, max(low, 1), high)
            )
        return [q.const_score_query(f, 0.0) for f in out]

    def search(
        self, query: Any, *, limit: int, offset: int, by_date: bool, facets: bool
    ) -> tuple[int, list[tuple[int, float]], dict[str, dict[str, int]]]:
        """(total, [(texts.id, score)], facets) for a translated query with its filters."""
        self.refresh()  # see the maintainer's latest commit
        searcher = self.index.searcher()
        if by_date:
            result = searcher.search(query, limit, count=True, order_by_field="date", offset=offset)
        else:
            result = searcher.search(query, limit, count=True, offset=offset)
        addresses = [address for _, address in result.hits]
        ids = searcher.fast_field_values("id", addresses) if addresses else []
        scores = [float(s) if not by_date else 0.0 for s, _ in result.hits]
        hits = list(zip(ids, scores, strict=True))
        return int(result.count or 0), hits, self._facets(searcher, query) if facets else {}

    @staticmethod
    def _facets(searcher: Any, query: Any) -> dict[str, dict[str, int]]:
        spec = {
            name: {"terms": {"field": name, "size": 20}}
            for name in ("kind", "dossier", "entity", "year")
        }
        found = searcher.aggregate(query, spec)
        out: dict[str, dict[str, int]] = {}
        for name in ("kind", "year", "dossier", "entity"):
            buckets = found.get(name, {}).get("buckets", [])
            values: dict[str, int] = {}
            for b in buckets:
                key = b["key"]
                if name == "year":
                    if not key:
                        continue
                    key = str(int(key))
                values[str(key)] = int(b["doc_count"])
            out[name] = values
        return out


def _regex_escape(word: str) -> str:
    # tantivy's regex syntax (Rust regex): escape every non-alphanumeric character
    return "".join(ch if ch.isalnum() else "\\" + ch for ch in word)


def _permutations(words: list[str]) -> Iterator[tuple[str, ...]]:
    from itertools import permutations

    seen: set[tuple[str, ...]] = set()
    for order in permutations(words):
        if order not in seen:
            seen.add(order)
            yield order


__all__ = ["SCHEMA_VERSION", "TextIndex", "Unsupported", "date_key"]

-- kamerlens store, schema 1 (PostgreSQL): the same tables as store/sqlite/migrations/0001.
-- Types: TEXT, INTEGER (also for flags: 0/1 as in SQLite), DOUBLE PRECISION, BYTEA.
-- Every item table has doc_id, seq (order in the record), start and "end" (offsets into texts.text).
-- "references" and "end" are SQL keywords: quote them in hand-written queries.

CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY,              -- KOOP identifier (kst-28676-434) or sha256[:16]
    sha256 TEXT NOT NULL UNIQUE,          -- of the raw source bytes
    source TEXT NOT NULL,                 -- file name it was read from
    format TEXT,
    identifier TEXT,
    dossier TEXT,
    number TEXT,
    kind TEXT,
    title TEXT,
    date TEXT,                            -- YYYY-MM-DD
    date_estimated INTEGER NOT NULL DEFAULT 0,
    date_earliest TEXT,
    date_latest TEXT,
    signer_name TEXT,
    signer_role TEXT,
    pages INTEGER,
    chars INTEGER,
    ingested_at TEXT NOT NULL,
    extractor_version TEXT NOT NULL
);
CREATE INDEX documents_dossier ON documents (dossier, number);
CREATE INDEX documents_date ON documents (date);
CREATE INDEX documents_identifier ON documents (identifier);

CREATE TABLE sources (
    doc_id TEXT PRIMARY KEY REFERENCES documents (doc_id) ON DELETE CASCADE,
    data BYTEA NOT NULL
);

-- The normalized text; id is the id of its row in the full-text table "search".
CREATE TABLE texts (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE REFERENCES documents (doc_id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    body_end INTEGER
);

-- Full-text search in PostgreSQL itself: Dutch stemming with accents folded (oekraine finds
-- Oekraïne), title weighted A and text B; kind, date, dossier and the names of the document's
-- entities copied beside the vector, so a search, its filters and its facets read one narrow
-- table through the GIN index.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION kamerlens (COPY = pg_catalog.dutch);
ALTER TEXT SEARCH CONFIGURATION kamerlens
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;
CREATE TABLE search (
    id BIGINT PRIMARY KEY REFERENCES texts (id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL,
    kind TEXT, date TEXT, dossier TEXT,
    entities TEXT[] NOT NULL DEFAULT '{}',     -- names, for the entity facet
    entity_keys TEXT[] NOT NULL DEFAULT '{}',  -- names and codes lower-cased, for the filter
    tsv TSVECTOR COMPRESSION lz4 NOT NULL     -- lz4: a ranked or phrase hit reads it fast
);
CREATE INDEX search_tsv ON search USING gin (tsv);
CREATE INDEX search_entities ON search USING gin (entity_keys);
CREATE INDEX search_dossier ON search (dossier);
-- newest first: a broad word walks this and stops at the rank window (store/postgres/fts.py)
CREATE INDEX search_date ON search (date DESC NULLS LAST, id DESC);

CREATE TABLE "references" (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    kind TEXT, dossier TEXT, number TEXT, chamber TEXT, text TEXT,
    year TEXT, page TEXT, item TEXT
);
CREATE INDEX references_doc ON "references" (doc_id);
CREATE INDEX references_target ON "references" (dossier, number);

CREATE TABLE motions (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    members TEXT,                          -- JSON list of names
    cs INTEGER, date TEXT, dossier TEXT, number TEXT, subject TEXT, text TEXT,
    mentions TEXT                          -- JSON list of {start, end}
);
CREATE INDEX motions_doc ON motions (doc_id);
CREATE INDEX motions_target ON motions (dossier, number);

CREATE TABLE amounts (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    value DOUBLE PRECISION, currency TEXT, text TEXT, purpose TEXT, donor TEXT, recipient TEXT
);
CREATE INDEX amounts_doc ON amounts (doc_id);

CREATE TABLE percentages (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    value DOUBLE PRECISION, "of" TEXT, text TEXT
);
CREATE INDEX percentages_doc ON percentages (doc_id);

CREATE TABLE dates (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    start_date TEXT, end_date TEXT, text TEXT, year_inferred INTEGER, relation TEXT
);
CREATE INDEX dates_doc ON dates (doc_id);

CREATE TABLE events (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    name TEXT, place TEXT, start_date TEXT, end_date TEXT, relation TEXT, text TEXT
);
CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX events_date ON events (start_date);

CREATE TABLE commitments (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    text TEXT, actor TEXT, action TEXT, deadline TEXT, deadline_text TEXT,
    requested_by TEXT, subject TEXT
);
CREATE INDEX commitments_doc ON commitments (doc_id);

CREATE TABLE fulfilments (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    text TEXT, made_in_dossier TEXT, made_in_number TEXT, subject TEXT
);
CREATE INDEX fulfilments_doc ON fulfilments (doc_id);
CREATE INDEX fulfilments_target ON fulfilments (made_in_dossier, made_in_number);

CREATE TABLE positions (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    actor TEXT, verb TEXT, text TEXT
);
CREATE INDEX positions_doc ON positions (doc_id);

-- start/end of an entity: its first mention; every mention is in entity_mentions.
CREATE TABLE entities (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    type TEXT, name TEXT, code TEXT, mention_count INTEGER
);
CREATE INDEX entities_doc ON entities (doc_id);
CREATE INDEX entities_name ON entities (lower(name));
CREATE INDEX entities_code ON entities (lower(code));

CREATE TABLE entity_mentions (
    id BIGSERIAL PRIMARY KEY,
    entity_id BIGINT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    start INTEGER, "end" INTEGER
);
CREATE INDEX entity_mentions_entity ON entity_mentions (entity_id);
CREATE INDEX entity_mentions_doc ON entity_mentions (doc_id);

CREATE TABLE findings (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    kind TEXT, message TEXT
);
CREATE INDEX findings_doc ON findings (doc_id);

CREATE TABLE footnotes (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    number TEXT, text TEXT, marker_start INTEGER, marker_end INTEGER
);
CREATE INDEX footnotes_doc ON footnotes (doc_id);

CREATE TABLE sections (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    title TEXT
);
CREATE INDEX sections_doc ON sections (doc_id);

-- Links found across documents by the link stage (kamerlens.link); recomputed, never hand-made.
-- kind: fulfils (fulfilment -> commitment), covers (document -> commitment), recipient (amount ->
-- normalised recipient key). from_table/from_id name the item the link starts at.
CREATE TABLE links (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    from_doc TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    from_table TEXT, from_id BIGINT,
    to_doc TEXT, to_table TEXT, to_id BIGINT, to_key TEXT,
    evidence TEXT, confidence DOUBLE PRECISION
);
CREATE INDEX links_from ON links (kind, from_doc);
CREATE INDEX links_to ON links (kind, to_id);
CREATE INDEX links_to_doc ON links (to_doc);
CREATE INDEX links_key ON links (kind, to_key);

-- Metadata of Kamerstukken that may not be stored (loaded from a CSV such as
-- examples/metadata/kamerstukken_2000-2025_sample.csv): lets citations resolve to a title.
CREATE TABLE catalogue (
    identifier TEXT PRIMARY KEY,
    dossier TEXT, number TEXT, title TEXT, date TEXT, type TEXT, dossier_title TEXT, url TEXT
);
CREATE INDEX catalogue_target ON catalogue (dossier, number);

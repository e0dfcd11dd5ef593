-- kamerlens store, schema 1: plain tables that SQL and Datasette can read.
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
    data BLOB NOT NULL
);

-- The normalized text; id is the rowid of the full-text index "search" (external content).
CREATE TABLE texts (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE REFERENCES documents (doc_id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    body_end INTEGER
);

CREATE VIRTUAL TABLE search USING fts5 (
    title, text,
    content = 'texts', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);

CREATE TABLE "references" (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    kind TEXT, dossier TEXT, number TEXT, chamber TEXT, text TEXT,
    year TEXT, page TEXT, item TEXT
);
CREATE INDEX references_doc ON "references" (doc_id);
CREATE INDEX references_target ON "references" (dossier, number);

CREATE TABLE motions (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    members TEXT,                          -- JSON list of names
    cs INTEGER, date TEXT, dossier TEXT, number TEXT, subject TEXT, text TEXT,
    mentions TEXT                          -- JSON list of {start, end}
);
CREATE INDEX motions_doc ON motions (doc_id);
CREATE INDEX motions_target ON motions (dossier, number);

CREATE TABLE amounts (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    value REAL, currency TEXT, text TEXT, purpose TEXT, donor TEXT, recipient TEXT
);
CREATE INDEX amounts_doc ON amounts (doc_id);

CREATE TABLE percentages (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    value REAL, "of" TEXT, text TEXT
);
CREATE INDEX percentages_doc ON percentages (doc_id);

CREATE TABLE dates (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    start_date TEXT, end_date TEXT, text TEXT, year_inferred INTEGER, relation TEXT
);
CREATE INDEX dates_doc ON dates (doc_id);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    name TEXT, place TEXT, start_date TEXT, end_date TEXT, relation TEXT, text TEXT
);
CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX events_date ON events (start_date);

CREATE TABLE commitments (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    text TEXT, actor TEXT, action TEXT, deadline TEXT, deadline_text TEXT,
    requested_by TEXT, subject TEXT
);
CREATE INDEX commitments_doc ON commitments (doc_id);

CREATE TABLE fulfilments (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    text TEXT, made_in_dossier TEXT, made_in_number TEXT, subject TEXT
);
CREATE INDEX fulfilments_doc ON fulfilments (doc_id);
CREATE INDEX fulfilments_target ON fulfilments (made_in_dossier, made_in_number);

CREATE TABLE positions (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    actor TEXT, verb TEXT, text TEXT
);
CREATE INDEX positions_doc ON positions (doc_id);

-- start/end of an entity: its first mention; every mention is in entity_mentions.
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    type TEXT, name TEXT, code TEXT, mention_count INTEGER
);
CREATE INDEX entities_doc ON entities (doc_id);
CREATE INDEX entities_name ON entities (name COLLATE NOCASE);
CREATE INDEX entities_code ON entities (code);

CREATE TABLE entity_mentions (
    id INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    start INTEGER, "end" INTEGER
);
CREATE INDEX entity_mentions_entity ON entity_mentions (entity_id);
CREATE INDEX entity_mentions_doc ON entity_mentions (doc_id);

CREATE TABLE findings (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    kind TEXT, message TEXT
);
CREATE INDEX findings_doc ON findings (doc_id);

CREATE TABLE footnotes (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    number TEXT, text TEXT, marker_start INTEGER, marker_end INTEGER
);
CREATE INDEX footnotes_doc ON footnotes (doc_id);

CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    title TEXT
);
CREATE INDEX sections_doc ON sections (doc_id);

-- Links found across documents by the link stage (kamerlens.link); recomputed, never hand-made.
-- kind: fulfils (fulfilment -> commitment), covers (document -> commitment), recipient (amount ->
-- normalised recipient key). from_table/from_id name the item the link starts at.
CREATE TABLE links (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    from_doc TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    from_table TEXT, from_id INTEGER,
    to_doc TEXT, to_table TEXT, to_id INTEGER, to_key TEXT,
    evidence TEXT, confidence REAL
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

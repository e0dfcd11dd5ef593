-- Schema 6 (PostgreSQL: the same tables as store/sqlite/migrations/0006): the Tweede Kamer's open data beside the documents (kamerlens sync).
-- Every synced entity is one row (its fields as JSON, as the feed gave them) with its relations
-- in od_refs; od_documents ties a Document (or a KOOP publication) to the stored document read
-- from its file; od_sync_state holds where each category's feed goes on; od_register_links
-- ties a registered toezegging to the commitment kamerlens found in text (by its span).
-- No foreign key to documents: reprocess deletes and re-adds a document under the same doc_id,
-- and questions join on documents, so a row of a removed document is never shown.
CREATE TABLE od_entities (
    id TEXT PRIMARY KEY,
    category TEXT NOT NULL,
    bijgewerkt TEXT NOT NULL,
    fields TEXT NOT NULL,
    synced_at TEXT NOT NULL
);
CREATE INDEX od_entities_category ON od_entities (category);
CREATE TABLE od_refs (
    from_id TEXT NOT NULL REFERENCES od_entities (id) ON DELETE CASCADE,
    relation TEXT NOT NULL,
    to_id TEXT NOT NULL,
    PRIMARY KEY (from_id, relation, to_id)
);
CREATE INDEX od_refs_to ON od_refs (to_id, relation);
CREATE TABLE od_documents (
    entity_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    doc_id TEXT,
    dossier TEXT,
    number TEXT,
    file_error TEXT
);
CREATE INDEX od_documents_doc ON od_documents (doc_id);
CREATE INDEX od_documents_kamerstuk ON od_documents (dossier, number);
CREATE TABLE od_sync_state (
    source TEXT NOT NULL,
    category TEXT NOT NULL,
    resume_url TEXT,
    failed TEXT NOT NULL DEFAULT '[]',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (source, category)
);
CREATE TABLE od_register_links (
    toezegging_id TEXT NOT NULL REFERENCES od_entities (id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    evidence TEXT,
    PRIMARY KEY (toezegging_id, doc_id, start)
);
CREATE INDEX od_register_links_doc ON od_register_links (doc_id, start);

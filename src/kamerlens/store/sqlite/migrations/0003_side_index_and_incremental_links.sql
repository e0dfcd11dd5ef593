-- Schema 3: what keeps the tantivy side index and the link stage incremental.

-- Small facts about the store itself (the tantivy index generation, the link stage version).
CREATE TABLE store_state (key TEXT PRIMARY KEY, value TEXT);

-- texts.id of documents written or deleted since the side index last caught up; written in the
-- same transaction as the document, emptied only after the index committed them.
CREATE TABLE search_queue (seq INTEGER PRIMARY KEY, text_id INTEGER NOT NULL);

-- Documents stored since the link stage last ran (same transaction as the document).
CREATE TABLE link_pending (doc_id TEXT PRIMARY KEY);

-- Content words of dated document titles and of commitment subjects, with the dates that bound
-- a "covers" link: the link stage finds what a new document can change through these.
CREATE TABLE title_words (
    word TEXT NOT NULL, date TEXT NOT NULL, doc_id TEXT NOT NULL,
    PRIMARY KEY (word, date, doc_id)
) WITHOUT ROWID;
CREATE INDEX title_words_doc ON title_words (doc_id);

CREATE TABLE commitment_words (
    word TEXT NOT NULL, until TEXT NOT NULL, commitment_id INTEGER NOT NULL,
    made TEXT NOT NULL, doc_id TEXT NOT NULL,
    PRIMARY KEY (word, until, commitment_id)
) WITHOUT ROWID;
CREATE INDEX commitment_words_doc ON commitment_words (doc_id);

-- recipient links: the key found for the amount before names were grouped (to_key is the group).
ALTER TABLE links ADD COLUMN from_key TEXT;
CREATE INDEX links_from_key ON links (kind, from_key);
CREATE INDEX links_from_id ON links (kind, from_id);

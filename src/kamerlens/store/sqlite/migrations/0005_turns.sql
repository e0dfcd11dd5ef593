-- Schema 5: debates are read as speaker turns. One row per turn; items carry their speaker in
-- "extra" ({"speaker": {"name", "role", "party"}}); commitments say whether they are a promise to
-- the Kamer or an announced act of the government (kind), motions the government's view of them.
CREATE TABLE turns (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    name TEXT, role TEXT, party TEXT, label_end INTEGER,
    extra TEXT
);
CREATE INDEX turns_doc ON turns (doc_id);
ALTER TABLE commitments ADD COLUMN kind TEXT;
ALTER TABLE motions ADD COLUMN appreciation TEXT;

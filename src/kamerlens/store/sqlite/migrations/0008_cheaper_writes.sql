-- Schema 8: in PostgreSQL the text and the source are compressed with lz4 and a mention's
-- document is no longer checked twice (its entity's foreign key covers it). SQLite compresses
-- nothing and checks foreign keys cheaply in-process, so nothing changes here; the step keeps
-- the numbers of both backends the same.
SELECT 1;

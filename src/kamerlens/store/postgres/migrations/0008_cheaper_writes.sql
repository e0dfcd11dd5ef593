-- Schema 8 (PostgreSQL): the same tables, written with less of the server's CPU (measured with
-- bench/postgres_bench.py, see bench/results/postgres.txt).
-- lz4 instead of pglz for the text and the raw source (new values; older ones stay as they are
-- and read as before): pglz took about 6% of the server's CPU during an ingest, lz4 compresses
-- a few KB several times faster, and reads (snippets) decompress faster too.
-- Only on a server built with lz4 (Debian's is): another keeps pglz, and the store still opens.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings
             WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    ALTER TABLE texts ALTER COLUMN text SET COMPRESSION lz4;
    ALTER TABLE sources ALTER COLUMN data SET COMPRESSION lz4;
  END IF;
END
$$;
-- A mention's document is its entity's (entity_id -> entities -> documents, both cascading), so
-- the second foreign key only checked every mention's document again: with ~36 mentions per
-- document, a third of all the row checks of an ingest.
ALTER TABLE entity_mentions DROP CONSTRAINT IF EXISTS entity_mentions_doc_id_fkey;

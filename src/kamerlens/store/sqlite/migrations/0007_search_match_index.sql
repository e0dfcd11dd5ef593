-- Schema 7: in PostgreSQL the search table gained one GIN index over the vector and the filter
-- columns. FTS5 and the tantivy side index keep their own filters, so nothing changes here; the
-- step keeps the numbers of both backends the same.
SELECT 1;

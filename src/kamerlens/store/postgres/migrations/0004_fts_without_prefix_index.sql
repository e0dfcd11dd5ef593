-- Schema 4: in SQLite the FTS5 table lost its prefix indexes. PostgreSQL answers prefixes from
-- the GIN index of "search" (lexeme:*), so nothing changes here; the step keeps the numbers of
-- both backends the same.
SELECT 1;

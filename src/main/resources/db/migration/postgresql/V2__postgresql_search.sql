-- PostgreSQL only: trigram indexes so that the case-insensitive substring search of `q`
-- (LIKE '%word%' on the lower-cased search_text) uses an index at millions of rows,
-- and byte-order collation for title so that sorting by title is the same on H2 and PostgreSQL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_event_search_text_trgm ON event USING gin (search_text gin_trgm_ops);
CREATE INDEX ix_company_search_trgm ON company USING gin ((name_key || ' ' || lower(coalesce(ticker, ''))) gin_trgm_ops);
DROP INDEX ix_event_title_id;
ALTER TABLE event ALTER COLUMN title TYPE VARCHAR(200) COLLATE "C";
CREATE INDEX ix_event_title_id ON event (title, id);
ALTER TABLE company ALTER COLUMN name_key TYPE VARCHAR(200) COLLATE "C";

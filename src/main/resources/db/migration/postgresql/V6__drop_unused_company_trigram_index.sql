-- No query searches companies through this expression (the company list matches name_key and ticker with LIKE
-- on a few thousand rows); an index that serves no query only slows every write.
DROP INDEX IF EXISTS ix_company_search_trgm;

-- PostgreSQL only: a transaction's change-log entries are numbered inside its COMMIT, so no transaction holds the
-- counter's lock while the service works.
--
-- Each writing transaction locks the counter's one row to number its entries, and keeps the lock until its commit
-- is visible: numbers are handed out in commit order (V7, ChangeLog). Taken by statements from the service, the lock
-- was held across four round trips to it and the COMMIT; under 32 concurrent creates half the sessions waited for the
-- row while its holder waited for the service's next statement. Here the service inserts the entries, unnumbered,
-- into change_log_append (one row of arrays, in the order they were recorded), and a deferred trigger, which
-- PostgreSQL runs inside COMMIT, takes the counter, numbers the entries into change_log, removes the row and
-- announces the last number (LISTEN/NOTIFY, delivered once the commit is visible). The lock is held from there to
-- the end of COMMIT only. The table is UNLOGGED: a row lives only within its transaction.
CREATE UNLOGGED TABLE change_log_append (
    id            UUID                            NOT NULL PRIMARY KEY,
    operations    VARCHAR(16)[]                   NOT NULL,
    resources     VARCHAR(16)[]                   NOT NULL,
    resource_ids  UUID[]                          NOT NULL,
    revisions     INTEGER[]                       NOT NULL,
    versions      BIGINT[]                        NOT NULL,
    changed_at    TIMESTAMP(6) WITH TIME ZONE[]   NOT NULL,
    changed_by    VARCHAR(200)[]                  NOT NULL,
    imported      BOOLEAN[]                       NOT NULL
);

-- Planned once per connection (the connections' own setting plans every statement for its parameters, PostgresPlans):
-- these statements run while the counter is locked.
CREATE FUNCTION change_log_number() RETURNS trigger
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    entries integer := cardinality(NEW.operations);
    last_number bigint;
BEGIN
    UPDATE change_log_counter SET last_sequence = last_sequence + entries WHERE id = 1 RETURNING last_sequence INTO last_number;
    INSERT INTO change_log (sequence, operation, resource, resource_id, revision, version, changed_at, changed_by, imported)
    SELECT last_number - entries + e.k, e.operation, e.resource, e.resource_id, e.revision, e.version, e.changed_at, e.changed_by,
           e.imported
      FROM unnest(NEW.operations, NEW.resources, NEW.resource_ids, NEW.revisions, NEW.versions, NEW.changed_at, NEW.changed_by,
                  NEW.imported) WITH ORDINALITY AS e(operation, resource, resource_id, revision, version, changed_at, changed_by,
                                                     imported, k);
    DELETE FROM change_log_append WHERE id = NEW.id;
    PERFORM pg_notify('chip_events_changes', last_number::text);
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER change_log_number AFTER INSERT ON change_log_append
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION change_log_number();

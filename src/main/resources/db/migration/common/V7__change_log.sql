-- The change log behind GET /api/v1/changes: one entry per committed change of an event or company, numbered
-- in commit order. The state is not copied: an entry names the revision that holds it.
CREATE TABLE change_log (
    sequence     BIGINT                      NOT NULL PRIMARY KEY,
    operation    VARCHAR(16)                 NOT NULL,
    resource     VARCHAR(16)                 NOT NULL,
    resource_id  UUID                        NOT NULL,
    revision     INTEGER                     NOT NULL,
    version      BIGINT                      NOT NULL,
    changed_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    changed_by   VARCHAR(200)                NOT NULL,
    imported     BOOLEAN                     NOT NULL
);
CREATE INDEX ix_change_log_changed_at ON change_log (changed_at);

-- One row: the last sequence handed out, and the last one removed by the retention purge. A writing
-- transaction locks this row to number its entries, so numbers are handed out in commit order.
CREATE TABLE change_log_counter (
    id              INTEGER NOT NULL PRIMARY KEY,
    last_sequence   BIGINT  NOT NULL,
    purged_through  BIGINT  NOT NULL,
    CONSTRAINT ck_change_log_counter_one_row CHECK (id = 1)
);
INSERT INTO change_log_counter (id, last_sequence, purged_through) VALUES (1, 0, 0);

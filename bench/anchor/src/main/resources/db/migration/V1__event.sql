-- The service's event table (columns of its migrations V1 and V3) with the two indexes that the
-- first page and the type + date page use; the same SQL on H2 and PostgreSQL.
CREATE TABLE event (
    id              UUID                        NOT NULL PRIMARY KEY,
    type            VARCHAR(32)                 NOT NULL,
    occurred_on     DATE                        NOT NULL,
    date_precision  VARCHAR(16)                 NOT NULL,
    title           VARCHAR(200)                NOT NULL,
    summary         VARCHAR(4000),
    amount          NUMERIC(24, 4),
    currency        VARCHAR(3),
    percent_change  NUMERIC(10, 4),
    country         VARCHAR(2),
    external_id     VARCHAR(100),
    search_text     VARCHAR(20000)              NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version         BIGINT                      NOT NULL,
    created_by      VARCHAR(200),
    updated_by      VARCHAR(200)
);
CREATE INDEX ix_event_occurred_on_id ON event (occurred_on, id);
CREATE INDEX ix_event_type_occurred_on_id ON event (type, occurred_on, id);

-- Every create, update, delete and restore of an event or company, with who, when and the full state
-- (JSON of the resource as the API answered it). No foreign key: history outlives a deletion.
CREATE TABLE event_revision (
    event_id    UUID                        NOT NULL,
    revision    INTEGER                     NOT NULL,
    operation   VARCHAR(16)                 NOT NULL,
    changed_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    changed_by  VARCHAR(200)                NOT NULL,
    state       VARCHAR(200000)             NOT NULL,
    PRIMARY KEY (event_id, revision)
);
CREATE INDEX ix_event_revision_changed_at ON event_revision (event_id, changed_at);

CREATE TABLE company_revision (
    company_id  UUID                        NOT NULL,
    revision    INTEGER                     NOT NULL,
    operation   VARCHAR(16)                 NOT NULL,
    changed_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    changed_by  VARCHAR(200)                NOT NULL,
    state       VARCHAR(200000)             NOT NULL,
    PRIMARY KEY (company_id, revision)
);

-- Idempotency-Key (IETF httpapi draft): the first answer to a key, replayed to retries for a while.
CREATE TABLE idempotency_record (
    principal     VARCHAR(200)                NOT NULL,
    idem_key      VARCHAR(255)                NOT NULL,
    operation     VARCHAR(64)                 NOT NULL,
    request_hash  VARCHAR(64)                 NOT NULL,
    status        INTEGER,
    location      VARCHAR(2048),
    etag          VARCHAR(64),
    body          VARCHAR(200000),
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (principal, idem_key, operation)
);
CREATE INDEX ix_idempotency_expires ON idempotency_record (expires_at);

-- API keys (only a SHA-256 hash of each secret is kept) and who made each change.
CREATE TABLE api_key (
    id          UUID                        NOT NULL PRIMARY KEY,
    name        VARCHAR(100)                NOT NULL,
    role        VARCHAR(16)                 NOT NULL,
    key_hash    VARCHAR(64)                 NOT NULL,
    key_prefix  VARCHAR(16)                 NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(200)                NOT NULL,
    revoked_at  TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT uq_api_key_hash UNIQUE (key_hash)
);

ALTER TABLE event ADD COLUMN created_by VARCHAR(200);
ALTER TABLE event ADD COLUMN updated_by VARCHAR(200);
ALTER TABLE company ADD COLUMN created_by VARCHAR(200);
ALTER TABLE company ADD COLUMN updated_by VARCHAR(200);

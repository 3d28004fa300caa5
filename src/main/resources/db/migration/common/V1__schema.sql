-- Chip Events schema, shared by H2 and PostgreSQL. Vendor-specific additions live in
-- db/migration/<db-kind>/ (only where the SQL must differ).

CREATE TABLE company (
    id          UUID                        NOT NULL PRIMARY KEY,
    name        VARCHAR(200)                NOT NULL,
    name_key    VARCHAR(200)                NOT NULL,
    ticker      VARCHAR(16),
    exchange    VARCHAR(64),
    country     VARCHAR(2),
    segment     VARCHAR(32)                 NOT NULL,
    website     VARCHAR(2048),
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version     BIGINT                      NOT NULL,
    CONSTRAINT uq_company_name_key UNIQUE (name_key),
    CONSTRAINT uq_company_ticker UNIQUE (ticker)
);
CREATE INDEX ix_company_country ON company (country, name_key, id);
CREATE INDEX ix_company_segment ON company (segment, name_key, id);
CREATE INDEX ix_company_name_key_id ON company (name_key, id);

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
    CONSTRAINT uq_event_external_id UNIQUE (external_id),
    CONSTRAINT ck_event_amount_not_negative CHECK (amount IS NULL OR amount >= 0),
    CONSTRAINT ck_event_amount_currency CHECK ((amount IS NULL) = (currency IS NULL))
);
-- Each index serves one keyset order (sort field, then id) or a leading equality filter.
CREATE INDEX ix_event_occurred_on_id ON event (occurred_on, id);
CREATE INDEX ix_event_type_occurred_on_id ON event (type, occurred_on, id);
CREATE INDEX ix_event_country_occurred_on_id ON event (country, occurred_on, id);
CREATE INDEX ix_event_created_at_id ON event (created_at, id);
CREATE INDEX ix_event_amount_id ON event (amount, id);
CREATE INDEX ix_event_percent_change_id ON event (percent_change, id);
CREATE INDEX ix_event_title_id ON event (title, id);

CREATE TABLE event_participant (
    event_id    UUID        NOT NULL,
    position    INTEGER     NOT NULL,
    company_id  UUID        NOT NULL,
    role        VARCHAR(32) NOT NULL,
    PRIMARY KEY (event_id, position),
    CONSTRAINT fk_participant_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE,
    CONSTRAINT fk_participant_company FOREIGN KEY (company_id) REFERENCES company (id)
);
CREATE INDEX ix_event_participant_company ON event_participant (company_id, event_id);

CREATE TABLE event_tag (
    event_id    UUID        NOT NULL,
    position    INTEGER     NOT NULL,
    tag         VARCHAR(50) NOT NULL,
    PRIMARY KEY (event_id, position),
    CONSTRAINT fk_tag_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE
);
CREATE INDEX ix_event_tag_tag ON event_tag (tag, event_id);

CREATE TABLE event_source (
    event_id     UUID          NOT NULL,
    position     INTEGER       NOT NULL,
    url          VARCHAR(2048) NOT NULL,
    publisher    VARCHAR(200),
    published_on DATE,
    PRIMARY KEY (event_id, position),
    CONSTRAINT fk_source_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE
);

-- Small facts about this database's life, e.g. that the starter dataset was loaded once.
CREATE TABLE app_state (
    state_key   VARCHAR(100)                NOT NULL PRIMARY KEY,
    state_value VARCHAR(200)                NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

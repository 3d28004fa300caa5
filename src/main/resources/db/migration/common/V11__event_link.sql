-- Typed, directed links between events (issue 13). Version 11: 7 and 8 are taken by a parallel branch (the change log).
-- No ON DELETE CASCADE: deleting an event removes its links itself, recording the change in the other events' history.
CREATE TABLE event_link (
    id                   UUID                        NOT NULL PRIMARY KEY,
    from_event_id        UUID                        NOT NULL,
    to_event_id          UUID                        NOT NULL,
    type                 VARCHAR(32)                 NOT NULL,
    note                 VARCHAR(1000),
    source_url           VARCHAR(2048),
    source_publisher     VARCHAR(200),
    source_title         VARCHAR(300),
    source_published_on  DATE,
    created_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by           VARCHAR(200),
    CONSTRAINT fk_link_from_event FOREIGN KEY (from_event_id) REFERENCES event (id),
    CONSTRAINT fk_link_to_event FOREIGN KEY (to_event_id) REFERENCES event (id),
    CONSTRAINT uq_event_link UNIQUE (from_event_id, to_event_id, type),
    CONSTRAINT ck_event_link_not_to_itself CHECK (from_event_id <> to_event_id)
);
-- The unique key serves the links from an event; this index the links to one.
CREATE INDEX ix_event_link_to ON event_link (to_event_id, from_event_id);

-- Writes of CAUSED links take this row's lock, one at a time, so that two of them can never close a cycle together.
INSERT INTO app_state (state_key, state_value, updated_at)
    VALUES ('event-links-caused-lock', 'locked by writes of CAUSED links', CURRENT_TIMESTAMP);

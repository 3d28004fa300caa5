-- A company's events by date (GET /events?company=X in the default order, /companies/{id}/events) walked every event
-- by date and probed each for the company: 45-110 ms a page on H2 for a company in few of 100,000 events, growing with
-- the table. Each participant row now carries a copy of its event's date as well (V14 gave it the amount), kept by the
-- application with every write (Event.setOccurredOn and setParticipants, the bulk import's batch writer; the rows
-- stored before are filled here), so that such a page reads the company's rows of this index in its order and stops
-- after the page.
ALTER TABLE event_participant ADD COLUMN event_occurred_on DATE;
UPDATE event_participant SET event_occurred_on = (SELECT e.occurred_on FROM event e WHERE e.id = event_participant.event_id);
ALTER TABLE event_participant ALTER COLUMN event_occurred_on SET NOT NULL;
CREATE INDEX ix_event_participant_company_occurred_on ON event_participant (company_id, event_occurred_on DESC, event_id DESC);

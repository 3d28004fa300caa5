-- What GET /api/v1/events/{id} asks: the row with its participants, tags and sources (children_json, migration V18),
-- then its links in one call of event_links (migration V19), as EventRows does.
SELECT id, type, occurred_on, date_precision, title, summary, amount, currency, percent_change, country, external_id,
       created_at, updated_at, version, created_by, updated_by, amount_kind, children_json
  FROM event WHERE id = CAST(:id AS uuid);
SELECT kind, event_id, link_id, other_id, other_title, type, other_precision, note, source_url, source_publisher, source_title,
       other_occurred_on, source_published_on
  FROM event_links(ARRAY[CAST(:id AS uuid)]);

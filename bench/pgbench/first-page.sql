-- What GET /api/v1/events asks: the first page in the default order (-occurredOn, then id), each row with its
-- participants, tags and sources (children_json, migration V18), then the links of its 51 rows in one call of
-- event_links (migration V19), as EventRows does.
SELECT id, type, occurred_on, date_precision, title, summary, amount, currency, percent_change, country, external_id,
       created_at, updated_at, version, created_by, updated_by, amount_kind, children_json
  FROM event ORDER BY occurred_on DESC, id DESC LIMIT 51;
WITH page AS (SELECT id FROM event ORDER BY occurred_on DESC, id DESC LIMIT 51)
SELECT kind, event_id, link_id, other_id, other_title, type, other_precision, note, source_url, source_publisher, source_title,
       other_occurred_on, source_published_on
  FROM event_links(ARRAY(SELECT id FROM page));

-- What GET /api/v1/events asks: the first page in the default order (-occurredOn, then id), then the
-- participants, tags, sources and links of its 51 rows in one call of event_children (as EventRows does).
SELECT id, type, occurred_on, date_precision, title, summary, amount, currency, percent_change, country, external_id,
       created_at, updated_at, version, created_by, updated_by, amount_kind
  FROM event ORDER BY occurred_on DESC, id DESC LIMIT 51;
WITH page AS (SELECT id FROM event ORDER BY occurred_on DESC, id DESC LIMIT 51)
SELECT kind, event_id, item, id1, id2, text1, text2, text3, text4, text5, text6, text7, date1, date2
  FROM event_children(ARRAY(SELECT id FROM page));

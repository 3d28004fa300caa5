-- What GET /api/v1/events/{id} asks: the row, then its participants, tags, sources and links in one call
-- of event_children (migration V15), as EventRows does.
SELECT id, type, occurred_on, date_precision, title, summary, amount, currency, percent_change, country, external_id,
       created_at, updated_at, version, created_by, updated_by, amount_kind
  FROM event WHERE id = CAST(:id AS uuid);
SELECT kind, event_id, item, id1, id2, text1, text2, text3, text4, text5, text6, text7, date1, date2
  FROM event_children(ARRAY[CAST(:id AS uuid)]);

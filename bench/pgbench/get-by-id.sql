-- What GET /api/v1/events/{id} asks: the row, then its participants, tags, sources and links in one statement.
SELECT id, type, occurred_on, date_precision, title, summary, amount, currency, percent_change, country, external_id,
       created_at, updated_at, version, created_by, updated_by, amount_kind
  FROM event WHERE id = CAST(:id AS uuid);
SELECT 1 AS kind, p.event_id, p.position, c.id, CAST(NULL AS uuid), c.name, c.ticker, p.role, CAST(NULL AS varchar(1000)),
       CAST(NULL AS varchar(2048)), CAST(NULL AS varchar(200)), CAST(NULL AS varchar(300)), CAST(NULL AS date), CAST(NULL AS date)
  FROM event_participant p JOIN company c ON c.id = p.company_id WHERE p.event_id = CAST(:id AS uuid)
UNION ALL SELECT 2, t.event_id, t.position, NULL, NULL, t.tag, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  FROM event_tag t WHERE t.event_id = CAST(:id AS uuid)
UNION ALL SELECT 3, s.event_id, s.position, NULL, NULL, s.url, s.publisher, s.title, NULL, NULL, NULL, NULL, s.published_on, NULL
  FROM event_source s WHERE s.event_id = CAST(:id AS uuid)
UNION ALL SELECT 4, l.from_event_id, 0, l.id, o.id, o.title, l.type, o.date_precision, l.note, l.source_url, l.source_publisher, l.source_title, o.occurred_on, l.source_published_on
  FROM event_link l JOIN event o ON o.id = l.to_event_id WHERE l.from_event_id = CAST(:id AS uuid)
UNION ALL SELECT 5, l.to_event_id, 0, l.id, o.id, o.title, l.type, o.date_precision, l.note, l.source_url, l.source_publisher, l.source_title, o.occurred_on, l.source_published_on
  FROM event_link l JOIN event o ON o.id = l.from_event_id WHERE l.to_event_id = CAST(:id AS uuid)
ORDER BY 1, 2, 3;

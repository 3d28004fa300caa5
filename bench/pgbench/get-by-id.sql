-- What GET /api/v1/events/{id} asks: the row, then its participants, tags and sources in one statement.
SELECT id, type, occurred_on, date_precision, title, summary, amount, currency, percent_change, country, external_id,
       created_at, updated_at, version, created_by, updated_by
  FROM event WHERE id = CAST(:id AS uuid);
SELECT 1 AS kind, p.event_id, p.position, c.id, c.name, c.ticker, p.role, CAST(NULL AS date)
  FROM event_participant p JOIN company c ON c.id = p.company_id WHERE p.event_id = CAST(:id AS uuid)
UNION ALL SELECT 2, t.event_id, t.position, NULL, t.tag, NULL, NULL, NULL FROM event_tag t WHERE t.event_id = CAST(:id AS uuid)
UNION ALL SELECT 3, s.event_id, s.position, NULL, s.url, s.publisher, NULL, s.published_on FROM event_source s WHERE s.event_id = CAST(:id AS uuid)
ORDER BY 1, 2, 3;

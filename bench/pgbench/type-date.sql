-- What GET /api/v1/events?type=IPO&from=2000-01-01&to=2020-12-31 asks: the page, then its children.
SELECT id, type, occurred_on, date_precision, title, summary, amount, currency, percent_change, country, external_id,
       created_at, updated_at, version, created_by, updated_by
  FROM event WHERE type = 'IPO' AND occurred_on >= DATE '2000-01-01' AND occurred_on <= DATE '2020-12-31'
 ORDER BY occurred_on DESC, id DESC LIMIT 51;
WITH page AS (SELECT id FROM event WHERE type = 'IPO' AND occurred_on >= DATE '2000-01-01' AND occurred_on <= DATE '2020-12-31'
              ORDER BY occurred_on DESC, id DESC LIMIT 51)
SELECT 1 AS kind, p.event_id, p.position, c.id, c.name, c.ticker, p.role, CAST(NULL AS date)
  FROM event_participant p JOIN company c ON c.id = p.company_id WHERE p.event_id = ANY (ARRAY(SELECT id FROM page))
UNION ALL SELECT 2, t.event_id, t.position, NULL, t.tag, NULL, NULL, NULL FROM event_tag t WHERE t.event_id = ANY (ARRAY(SELECT id FROM page))
UNION ALL SELECT 3, s.event_id, s.position, NULL, s.url, s.publisher, NULL, s.published_on FROM event_source s WHERE s.event_id = ANY (ARRAY(SELECT id FROM page))
ORDER BY 1, 2, 3;

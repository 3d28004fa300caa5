-- What GET /api/v1/events?type=IPO&from=2000-01-01&to=2020-12-31 asks: the page's rows, each with its participants,
-- tags and sources (children_json, migration V18), then the links of the page (event_links, migration V19).
SELECT id, type, occurred_on, date_precision, title, summary, amount, currency, percent_change, country, external_id,
       created_at, updated_at, version, created_by, updated_by, amount_kind, children_json
  FROM event WHERE type = 'IPO' AND occurred_on >= DATE '2000-01-01' AND occurred_on <= DATE '2020-12-31'
 ORDER BY occurred_on DESC, id DESC LIMIT 51;
WITH page AS (SELECT id FROM event WHERE type = 'IPO' AND occurred_on >= DATE '2000-01-01' AND occurred_on <= DATE '2020-12-31'
              ORDER BY occurred_on DESC, id DESC LIMIT 51)
SELECT kind, event_id, link_id, other_id, other_title, type, other_precision, note, source_url, source_publisher, source_title,
       other_occurred_on, source_published_on
  FROM event_links(ARRAY(SELECT id FROM page));

-- What GET /api/v1/events?type=IPO&from=2000-01-01&to=2020-12-31 asks: the page, then its children (event_children).
SELECT id, type, occurred_on, date_precision, title, summary, amount, currency, percent_change, country, external_id,
       created_at, updated_at, version, created_by, updated_by, amount_kind
  FROM event WHERE type = 'IPO' AND occurred_on >= DATE '2000-01-01' AND occurred_on <= DATE '2020-12-31'
 ORDER BY occurred_on DESC, id DESC LIMIT 51;
WITH page AS (SELECT id FROM event WHERE type = 'IPO' AND occurred_on >= DATE '2000-01-01' AND occurred_on <= DATE '2020-12-31'
              ORDER BY occurred_on DESC, id DESC LIMIT 51)
SELECT kind, event_id, item, id1, id2, text1, text2, text3, text4, text5, text6, text7, date1, date2
  FROM event_children(ARRAY(SELECT id FROM page));

-- What GET /api/v1/events?type=IPO&from=2000-01-01&to=2020-12-31 asks.
SELECT id, type, occurred_on, title, amount, currency FROM event
 WHERE type = 'IPO' AND occurred_on >= DATE '2000-01-01' AND occurred_on <= DATE '2020-12-31'
 ORDER BY occurred_on DESC, id DESC LIMIT 51;

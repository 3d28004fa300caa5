-- What GET /api/v1/events asks (default sort, first page; the service also fetches participants, tags, sources).
SELECT id, type, occurred_on, title, amount, currency FROM event ORDER BY occurred_on DESC, id DESC LIMIT 51;

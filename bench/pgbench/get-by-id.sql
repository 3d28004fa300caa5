-- What GET /api/v1/events/{id} asks (one row; the service also fetches participants, tags, sources).
SELECT * FROM event WHERE id = CAST(:id AS uuid);

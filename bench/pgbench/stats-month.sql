-- What GET /api/v1/events/stats?groupBy=month asks (days and currencies; the service folds days into months).
SELECT occurred_on, currency, count(*), sum(amount) FROM event GROUP BY occurred_on, currency;

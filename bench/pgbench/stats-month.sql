-- What GET /api/v1/events/stats?groupBy=month computes when its answer is not cached: months and
-- currencies folded by the database.
SELECT extract(year FROM occurred_on) * 100 + extract(month FROM occurred_on), currency, count(*), sum(amount)
  FROM event GROUP BY 1, 2;

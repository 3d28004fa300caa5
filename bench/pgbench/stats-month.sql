-- What GET /api/v1/events/stats?groupBy=month computes when its answer is not cached: months, date
-- precisions, amount kinds and currencies folded by the database.
SELECT extract(year FROM occurred_on) * 100 + extract(month FROM occurred_on), date_precision, amount_kind, currency, count(*),
       sum(amount)
  FROM event GROUP BY 1, 2, 3, 4;

-- The events counted per month, type, date precision, amount kind and currency, with their amounts summed (issue 14): statistics
-- by month, quarter, year or type over whole months read these rows, not every event. Each write of an event adds its difference
-- before it commits (dev.chipevents.event.stats.MonthTally); filled here from the events already stored. No amount is '' in
-- amount_kind and currency (key columns cannot be null); amount_sum is 0 there. month_key is year * 100 + month.
CREATE TABLE event_month_stats (
    month_key       INTEGER         NOT NULL,
    type            VARCHAR(32)     NOT NULL,
    date_precision  VARCHAR(16)     NOT NULL,
    amount_kind     VARCHAR(32)     NOT NULL,
    currency        VARCHAR(3)      NOT NULL,
    events          BIGINT          NOT NULL,
    amount_sum      NUMERIC(38, 4)  NOT NULL,
    PRIMARY KEY (month_key, type, date_precision, amount_kind, currency)
);
INSERT INTO event_month_stats (month_key, type, date_precision, amount_kind, currency, events, amount_sum)
SELECT CAST(EXTRACT(YEAR FROM occurred_on) AS INTEGER) * 100 + CAST(EXTRACT(MONTH FROM occurred_on) AS INTEGER),
       type, date_precision, COALESCE(amount_kind, ''), COALESCE(currency, ''), COUNT(*), COALESCE(SUM(amount), 0)
  FROM event
 GROUP BY CAST(EXTRACT(YEAR FROM occurred_on) AS INTEGER) * 100 + CAST(EXTRACT(MONTH FROM occurred_on) AS INTEGER),
       type, date_precision, COALESCE(amount_kind, ''), COALESCE(currency, '');

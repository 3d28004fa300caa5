-- PostgreSQL only: a transaction's differences to the monthly tally (event_month_stats, V13) are added inside its
-- COMMIT, as its change-log entries are numbered there (V16).
--
-- Events written in the same month, of the same type, add to the same tally row, and each writer keeps that row
-- locked until it commits. Added by a statement from the service, the row was held across the round trips that
-- followed and the COMMIT: under 32 concurrent creates of one month's events, 13 to 17 sessions waited for it. Here
-- the service inserts the differences (one row of arrays, in the tally's key order) into event_month_stats_append,
-- and a deferred trigger adds them inside COMMIT. It first locks the change log's counter (V16's trigger, which the
-- same commit runs before or after it, then finds it locked already), so every writer locks the counter and then
-- tally rows in key order, and none waits for another's rows in the opposite order. The table is UNLOGGED: a row
-- lives only within its transaction.
CREATE UNLOGGED TABLE event_month_stats_append (
    id               UUID                NOT NULL PRIMARY KEY,
    month_keys       INTEGER[]           NOT NULL,
    types            VARCHAR(32)[]       NOT NULL,
    date_precisions  VARCHAR(16)[]       NOT NULL,
    amount_kinds     VARCHAR(32)[]       NOT NULL,
    currencies       VARCHAR(3)[]        NOT NULL,
    events           BIGINT[]            NOT NULL,
    amount_sums      NUMERIC(38, 4)[]    NOT NULL
);

-- Planned once per connection (see V16): it runs while tally rows are locked.
CREATE FUNCTION event_month_stats_add() RETURNS trigger
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    PERFORM 1 FROM change_log_counter WHERE id = 1 FOR UPDATE;
    INSERT INTO event_month_stats AS s (month_key, type, date_precision, amount_kind, currency, events, amount_sum)
    SELECT d.month_key, d.type, d.date_precision, d.amount_kind, d.currency, d.events, d.amount_sum
      FROM unnest(NEW.month_keys, NEW.types, NEW.date_precisions, NEW.amount_kinds, NEW.currencies, NEW.events, NEW.amount_sums)
           WITH ORDINALITY AS d(month_key, type, date_precision, amount_kind, currency, events, amount_sum, k)
     ORDER BY d.k
        ON CONFLICT (month_key, type, date_precision, amount_kind, currency)
        DO UPDATE SET events = s.events + excluded.events, amount_sum = s.amount_sum + excluded.amount_sum;
    DELETE FROM event_month_stats_append WHERE id = NEW.id;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER event_month_stats_add AFTER INSERT ON event_month_stats_append
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION event_month_stats_add();

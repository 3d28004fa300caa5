-- What every amount measures (issue 13). Version 10, not 7 or 8: those are taken by the change log of a parallel branch.
-- Existing amounts get the kind their event's type makes clear, OTHER where it does not (dev.chipevents.event.AmountKind
-- .inferred is the same rule): a stock move's by the direction of its percent change, awards, investments and
-- acquisitions by their type. The starter dataset's own rows are set by hand afterwards (V12), where a user left them as they were.
ALTER TABLE event ADD COLUMN amount_kind VARCHAR(32);
UPDATE event SET amount_kind = CASE
        WHEN type = 'STOCK_MOVE' AND percent_change < 0 THEN 'MARKET_VALUE_LOSS'
        WHEN type = 'STOCK_MOVE' AND percent_change > 0 THEN 'MARKET_VALUE_GAIN'
        WHEN type = 'GOVERNMENT_AWARD' THEN 'AWARD'
        WHEN type = 'INVESTMENT' THEN 'INVESTMENT'
        WHEN type = 'ACQUISITION' THEN 'DEAL_VALUE'
        ELSE 'OTHER' END
    WHERE amount IS NOT NULL;
ALTER TABLE event ADD CONSTRAINT ck_event_amount_kind CHECK ((amount IS NULL) = (amount_kind IS NULL));
CREATE INDEX ix_event_amount_kind_occurred_on_id ON event (amount_kind, occurred_on, id);

-- A source's headline or title.
ALTER TABLE event_source ADD COLUMN title VARCHAR(300);

-- Sorting by a nullable field descending puts nulls last (amount desc nulls last, id desc): an index in
-- exactly that order lets a page (also one filtered by company or tag) stop after `limit` rows
-- instead of sorting every match. The ascending order is served by the indexes of V1.
CREATE INDEX ix_event_amount_desc_id ON event (amount DESC NULLS LAST, id DESC);
CREATE INDEX ix_event_percent_change_desc_id ON event (percent_change DESC NULLS LAST, id DESC);

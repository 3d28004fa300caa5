-- Events sorted by a nullable field put nulls last in both directions (Keyset). H2 sorts nulls first in ascending
-- order, so V1's (amount, id) is (amount asc nulls first, id asc): read backwards it is exactly the descending order
-- (amount desc nulls last, id desc), and V5's descending index duplicates it, while sort=amount (asc nulls last) had no
-- index and sorted every row for each page (1.2 s a page at 100,000 events). So on H2 V5's indexes become the ascending
-- nulls-last ones; as many indexes as before, so writes cost the same. PostgreSQL sorts nulls last in ascending order
-- and keeps V5 (there the descending order needs its own index).
DROP INDEX ix_event_amount_desc_id;
DROP INDEX ix_event_percent_change_desc_id;
CREATE INDEX ix_event_amount_nulls_last_id ON event (amount NULLS LAST, id);
CREATE INDEX ix_event_percent_change_nulls_last_id ON event (percent_change NULLS LAST, id);

-- PostgreSQL only: the participants (with their company's name and ticker), tags, sources and links (with the
-- other event's title, date and precision) of the events given, as the rows EventRows reads, in one call.
--
-- Why a function: every pooled connection plans each statement for its parameters (plan_cache_mode =
-- force_custom_plan, see PostgresPlans), which the search pages need. For this statement that planning cost
-- 0.25-0.38 ms against 0.04 ms to run it for one event, on every GET by id, every page and every export batch.
-- A PL/pgSQL function keeps the plan of its query for the session, and its own setting lets it reuse one plan:
-- for one event or for an export batch of 500, its index probes are the plan a custom one would choose.
-- Each participant's company is a lateral primary-key lookup: as a join, PostgreSQL planned a hash join over every
-- company (1.4 of a page's 2 ms with 5,000 companies).
CREATE FUNCTION event_children(ids uuid[])
RETURNS TABLE (kind integer, event_id uuid, item integer, id1 uuid, id2 uuid, text1 varchar, text2 varchar, text3 varchar,
               text4 varchar, text5 varchar, text6 varchar, text7 varchar, date1 date, date2 date)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    RETURN QUERY
    SELECT 1, p.event_id, p.position, p.company_id, NULL::uuid, c.name::varchar, c.ticker::varchar, p.role::varchar,
           NULL::varchar, NULL::varchar, NULL::varchar, NULL::varchar, NULL::date, NULL::date
      FROM event_participant p
      LEFT JOIN LATERAL (SELECT c.name, c.ticker FROM company c WHERE c.id = p.company_id LIMIT 1) c ON true
     WHERE p.event_id = ANY (ids)
    UNION ALL
    SELECT 2, t.event_id, t.position, NULL, NULL, t.tag::varchar, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM event_tag t WHERE t.event_id = ANY (ids)
    UNION ALL
    SELECT 3, s.event_id, s.position, NULL, NULL, s.url::varchar, s.publisher::varchar, s.title::varchar, NULL, NULL, NULL,
           NULL, s.published_on, NULL
      FROM event_source s WHERE s.event_id = ANY (ids)
    UNION ALL
    SELECT 4, l.from_event_id, 0, l.id, o.id, o.title::varchar, l.type::varchar, o.date_precision::varchar, l.note::varchar,
           l.source_url::varchar, l.source_publisher::varchar, l.source_title::varchar, o.occurred_on, l.source_published_on
      FROM event_link l JOIN event o ON o.id = l.to_event_id WHERE l.from_event_id = ANY (ids)
    UNION ALL
    SELECT 5, l.to_event_id, 0, l.id, o.id, o.title::varchar, l.type::varchar, o.date_precision::varchar, l.note::varchar,
           l.source_url::varchar, l.source_publisher::varchar, l.source_title::varchar, o.occurred_on, l.source_published_on
      FROM event_link l JOIN event o ON o.id = l.from_event_id WHERE l.to_event_id = ANY (ids)
     ORDER BY 1, 2, 3;
END
$$;

-- PostgreSQL only: the links of the events given (both ends, with the other event's title, date and precision), as
-- the rows EventRows reads, in one call. It takes the place of event_children (V15): since V18 each event's
-- participants, tags and sources are read with its own row (column children_json), so only its links are looked up.
-- A function for the reason V15 gives: it keeps one plan for the connection, where every other statement is planned
-- for its parameters.
CREATE FUNCTION event_links(ids uuid[])
RETURNS TABLE (kind integer, event_id uuid, link_id uuid, other_id uuid, other_title varchar, type varchar,
               other_precision varchar, note varchar, source_url varchar, source_publisher varchar, source_title varchar,
               other_occurred_on date, source_published_on date)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    RETURN QUERY
    SELECT 4, l.from_event_id, l.id, o.id, o.title::varchar, l.type::varchar, o.date_precision::varchar, l.note::varchar,
           l.source_url::varchar, l.source_publisher::varchar, l.source_title::varchar, o.occurred_on, l.source_published_on
      FROM event_link l JOIN event o ON o.id = l.to_event_id WHERE l.from_event_id = ANY (ids)
    UNION ALL
    SELECT 5, l.to_event_id, l.id, o.id, o.title::varchar, l.type::varchar, o.date_precision::varchar, l.note::varchar,
           l.source_url::varchar, l.source_publisher::varchar, l.source_title::varchar, o.occurred_on, l.source_published_on
      FROM event_link l JOIN event o ON o.id = l.from_event_id WHERE l.to_event_id = ANY (ids);
END
$$;

DROP FUNCTION event_children(uuid[]);

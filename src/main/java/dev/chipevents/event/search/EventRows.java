package dev.chipevents.event.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import dev.chipevents.common.db.Sql;
import dev.chipevents.event.DatePrecision;
import dev.chipevents.event.EventMapper;
import dev.chipevents.event.EventResponse;
import dev.chipevents.event.EventType;
import dev.chipevents.event.ParticipantResponse;
import dev.chipevents.event.ParticipantRole;
import dev.chipevents.event.SourceDto;

/**
 * Reads events straight into their API shape: a scalar projection for the rows and one statement
 * for the participants (with their company's name and ticker), tags and sources of the whole page,
 * so a page costs two statements whatever its size, and no entity enters the persistence context.
 */
@ApplicationScoped
class EventRows {

    private static final String COLUMNS = "select e.id, e.type, e.occurredOn, e.datePrecision, e.title, e.summary, e.amount, e.currency,"
            + " e.percentChange, e.country, e.externalId, e.createdAt, e.updatedAt, e.version, e.createdBy, e.updatedBy from Event e";

    private final EntityManager em;
    private final Sql sql;

    EventRows(EntityManager em, Sql sql) {
        this.em = em;
        this.sql = sql;
    }

    /** The events matching an HQL where clause (on alias e, may be empty), in the order given, at most `limit` of them. */
    List<EventResponse> page(String where, Map<String, Object> params, String orderBy, int limit) {
        TypedQuery<Object[]> q = em.createQuery(COLUMNS + where + " order by " + orderBy, Object[].class).setMaxResults(limit);
        params.forEach(q::setParameter);
        return assemble(q.getResultList());
    }

    /** One event, or null. */
    EventResponse byId(UUID id) {
        List<Object[]> rows = em.createQuery(COLUMNS + " where e.id = :id", Object[].class).setParameter("id", id).getResultList();
        List<EventResponse> found = assemble(rows);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<EventResponse> assemble(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ids.add((UUID) row[0]);
        }
        Children children = children(ids);
        List<EventResponse> events = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            events.add(new EventResponse(id, (EventType) r[1], (LocalDate) r[2], (DatePrecision) r[3], (String) r[4], (String) r[5],
                    EventMapper.plain((BigDecimal) r[6]), (String) r[7], EventMapper.plain((BigDecimal) r[8]), (String) r[9],
                    children.participants.getOrDefault(id, List.of()), children.tags.getOrDefault(id, List.of()),
                    children.sources.getOrDefault(id, List.of()), (String) r[10], (Instant) r[11], (Instant) r[12],
                    ((Number) r[13]).longValue(), (String) r[14], (String) r[15]));
        }
        return events;
    }

    private record Children(Map<UUID, List<ParticipantResponse>> participants, Map<UUID, List<String>> tags,
            Map<UUID, List<SourceDto>> sources) {
    }

    /**
     * Participants (with company name and ticker), tags and sources of the given events in one
     * statement: three selects joined by UNION ALL, told apart by their first column. The id list is
     * padded to a power of two (repeating the last id) so that the database sees few statement shapes.
     */
    private Children children(List<UUID> ids) {
        int slots = Integer.highestOneBit(Math.max(1, ids.size() - 1)) << 1;
        String in = " in (" + String.join(", ", Collections.nCopies(slots, "?")) + ")";
        String statement = "select 1 as kind, p.event_id, p.position, c.id as company_id, c.name as text1, c.ticker as text2,"
                + " p.role as text3, cast(null as date) as published_on"
                + " from event_participant p join company c on c.id = p.company_id where p.event_id" + in
                + " union all select 2, t.event_id, t.position, null, t.tag, null, null, null from event_tag t where t.event_id" + in
                + " union all select 3, s.event_id, s.position, null, s.url, s.publisher, null, s.published_on from event_source s"
                + " where s.event_id" + in + " order by 1, 2, 3";
        List<UUID> parameters = new ArrayList<>(3 * slots);
        for (int part = 0; part < 3; part++) {
            for (int i = 0; i < slots; i++) {
                parameters.add(ids.get(Math.min(i, ids.size() - 1)));
            }
        }
        Children children = new Children(new HashMap<>(), new HashMap<>(), new HashMap<>());
        sql.query(statement, parameters, row -> {
            UUID event = row.getObject(2, UUID.class);
            switch (row.getInt(1)) {
                case 1 -> children.participants.computeIfAbsent(event, k -> new ArrayList<>(3)).add(new ParticipantResponse(
                        row.getObject(4, UUID.class), row.getString(5), row.getString(6), ParticipantRole.valueOf(row.getString(7))));
                case 2 -> children.tags.computeIfAbsent(event, k -> new ArrayList<>(4)).add(row.getString(5));
                default -> children.sources.computeIfAbsent(event, k -> new ArrayList<>(2))
                        .add(new SourceDto(row.getString(5), row.getString(6), Sql.date(row, 8)));
            }
            return null;
        });
        return children;
    }
}

package dev.chipevents.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;

import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * Reads events straight into their API shape: a scalar projection for the rows and one statement
 * for the participants (with their company's name and ticker), tags and sources of the whole page,
 * so a page costs two statements whatever its size, and no entity enters the persistence context.
 */
@ApplicationScoped
class EventReads {

    private static final String COLUMNS = "select e.id, e.type, e.occurredOn, e.datePrecision, e.title, e.summary, e.amount, e.currency,"
            + " e.percentChange, e.country, e.externalId, e.createdAt, e.updatedAt, e.version, e.createdBy, e.updatedBy from Event e";

    private final EntityManager em;

    EventReads(EntityManager em) {
        this.em = em;
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
        Map<UUID, List<ParticipantResponse>> participants = new HashMap<>();
        Map<UUID, List<String>> tags = new HashMap<>();
        Map<UUID, List<SourceDto>> sources = new HashMap<>();
        try {
            readChildren(em.unwrap(SessionImplementor.class).getJdbcCoordinator(), ids, participants, tags, sources);
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the participants, tags and sources of " + ids.size() + " events", e);
        }
        List<EventResponse> events = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            events.add(new EventResponse(id, (EventType) r[1], (LocalDate) r[2], (DatePrecision) r[3], (String) r[4], (String) r[5],
                    EventMapper.plain((BigDecimal) r[6]), (String) r[7], EventMapper.plain((BigDecimal) r[8]), (String) r[9],
                    participants.getOrDefault(id, List.of()), tags.getOrDefault(id, List.of()), sources.getOrDefault(id, List.of()),
                    (String) r[10], (Instant) r[11], (Instant) r[12], ((Number) r[13]).longValue(), (String) r[14], (String) r[15]));
        }
        return events;
    }

    /**
     * Participants (with company name and ticker), tags and sources of the given events in one
     * statement: three selects joined by UNION ALL, told apart by their first column. The id list is
     * padded to a power of two (repeating the last id) so that the database sees few statement shapes.
     */
    private static void readChildren(JdbcCoordinator jdbc, List<UUID> ids, Map<UUID, List<ParticipantResponse>> participants,
            Map<UUID, List<String>> tags, Map<UUID, List<SourceDto>> sources) throws SQLException {
        int slots = Integer.highestOneBit(Math.max(1, ids.size() - 1)) << 1;
        String in = " in (" + String.join(", ", Collections.nCopies(slots, "?")) + ")";
        String sql = "select 1 as kind, p.event_id, p.position, c.id as company_id, c.name as text1, c.ticker as text2, p.role as text3,"
                + " cast(null as date) as published_on from event_participant p join company c on c.id = p.company_id where p.event_id" + in
                + " union all select 2, t.event_id, t.position, null, t.tag, null, null, null from event_tag t where t.event_id" + in
                + " union all select 3, s.event_id, s.position, null, s.url, s.publisher, null, s.published_on from event_source s"
                + " where s.event_id" + in + " order by 1, 2, 3";
        // Prepared through Hibernate's coordinator: the session's connection and transaction, and its statistics.
        PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(sql);
        try {
            int index = 1;
            for (int part = 0; part < 3; part++) {
                for (int i = 0; i < slots; i++) {
                    statement.setObject(index++, ids.get(Math.min(i, ids.size() - 1)));
                }
            }
            try (ResultSet rs = jdbc.getResultSetReturn().extract(statement, sql)) {
                while (rs.next()) {
                    UUID event = rs.getObject(2, UUID.class);
                    switch (rs.getInt(1)) {
                        case 1 -> participants.computeIfAbsent(event, k -> new ArrayList<>(3)).add(new ParticipantResponse(
                                rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), ParticipantRole.valueOf(rs.getString(7))));
                        case 2 -> tags.computeIfAbsent(event, k -> new ArrayList<>(4)).add(rs.getString(5));
                        default -> sources.computeIfAbsent(event, k -> new ArrayList<>(2)).add(new SourceDto(rs.getString(5), rs.getString(6),
                                rs.getObject(8, LocalDate.class)));
                    }
                }
            }
        } finally {
            jdbc.getLogicalConnection().getResourceRegistry().release(statement);
            jdbc.afterStatementExecution();
        }
    }
}

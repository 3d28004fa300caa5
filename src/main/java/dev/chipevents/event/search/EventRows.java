package dev.chipevents.event.search;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
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

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.chipevents.common.db.Sql;
import dev.chipevents.event.AmountKind;
import dev.chipevents.event.DatePrecision;
import dev.chipevents.event.EventMapper;
import dev.chipevents.event.EventResponse;
import dev.chipevents.event.EventType;
import dev.chipevents.event.ParticipantResponse;
import dev.chipevents.event.ParticipantRole;
import dev.chipevents.event.SourceDto;
import dev.chipevents.event.links.LinkDirection;
import dev.chipevents.event.links.LinkReader;
import dev.chipevents.event.links.LinkType;
import dev.chipevents.event.links.LinkedEvent;

/**
 * Reads events straight into their API shape: a scalar projection for a page's rows (a plain statement for one
 * event's row) and one statement for the participants (with their company's name and ticker), tags, sources and links
 * (with the other event's title and date) of the whole page, so a page costs two statements whatever its size, and no
 * entity enters the persistence context.
 */
@ApplicationScoped
class EventRows {

    private static final String COLUMNS = "select e.id, e.type, e.occurredOn, e.datePrecision, e.title, e.summary, e.amount, e.currency,"
            + " e.percentChange, e.country, e.externalId, e.createdAt, e.updatedAt, e.version, e.createdBy, e.updatedBy, e.amountKind"
            + " from Event e";

    /** The columns of {@link #COLUMNS}, in its order, by their names in the table. */
    private static final String ROW_BY_ID = "select id, type, occurred_on, date_precision, title, summary, amount, currency,"
            + " percent_change, country, external_id, created_at, updated_at, version, created_by, updated_by, amount_kind"
            + " from event where id = ?";

    private final EntityManager em;
    private final Sql sql;
    private final String children;
    private final int childrenParameters;
    /** PostgreSQL: one event's row and its children in one round trip ({@link Sql#queries}); null on H2. */
    private final String rowAndChildren;

    EventRows(EntityManager em, Sql sql, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.em = em;
        this.sql = sql;
        boolean postgres = dbKind.startsWith("postgres");
        this.children = childrenStatement(postgres);
        this.childrenParameters = postgres ? 1 : 5;
        this.rowAndChildren = postgres ? ROW_BY_ID + "; " + children : null;
    }

    /** The events matching an HQL where clause (on alias e, may be empty), in the order given, at most `limit` of them. */
    List<EventResponse> page(String where, Map<String, Object> params, String orderBy, int limit) {
        TypedQuery<Object[]> q = em.createQuery(COLUMNS + where + " order by " + orderBy, Object[].class).setMaxResults(limit);
        params.forEach(q::setParameter);
        return assemble(q.getResultList());
    }

    /**
     * One event, or null. Its row is read through JDBC like its children, not through Hibernate's query (which cost
     * more of a read than the statement itself), and on PostgreSQL the row and the children go to the database together,
     * in one round trip ("Leads tried and kept" in docs/benchmarks.md). Inside a write's transaction the session is
     * flushed first, since a plain statement does not see changes Hibernate still holds.
     */
    EventResponse byId(UUID id) {
        if (em.isJoinedToTransaction()) {
            em.flush();
        }
        List<EventResponse> found;
        if (rowAndChildren == null) {
            found = assemble(sql.query(ROW_BY_ID, List.of(id), EventRows::row));
        } else {
            List<Object[]> rows = new ArrayList<>(1);
            Children children = Children.none();
            sql.queries(rowAndChildren, List.of(id, new UUID[]{ id }), List.of(result -> {
                while (result.next()) {
                    rows.add(row(result));
                }
            }, result -> {
                while (result.next()) {
                    children.add(result);
                }
            }));
            found = assemble(rows, children);
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** A row of {@link #ROW_BY_ID} as the values Hibernate's projection gives for {@link #COLUMNS}. */
    private static Object[] row(ResultSet r) throws SQLException {
        String amountKind = r.getString(17);
        return new Object[]{ r.getObject(1, UUID.class), EventType.valueOf(r.getString(2)), Sql.date(r, 3),
                DatePrecision.valueOf(r.getString(4)), r.getString(5), r.getString(6), r.getBigDecimal(7), r.getString(8),
                r.getBigDecimal(9), r.getString(10), r.getString(11), Sql.instant(r, 12), Sql.instant(r, 13), r.getLong(14),
                r.getString(15), r.getString(16), amountKind == null ? null : AmountKind.valueOf(amountKind) };
    }

    private List<EventResponse> assemble(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ids.add((UUID) row[0]);
        }
        return assemble(rows, children(ids));
    }

    private static List<EventResponse> assemble(List<Object[]> rows, Children children) {
        List<EventResponse> events = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            List<LinkedEvent> links = children.links.getOrDefault(id, new ArrayList<>());
            links.sort(LinkReader.ORDER);
            events.add(new EventResponse(id, (EventType) r[1], (LocalDate) r[2], (DatePrecision) r[3], (String) r[4], (String) r[5],
                    EventMapper.plain((BigDecimal) r[6]), (AmountKind) r[16], (String) r[7], EventMapper.plain((BigDecimal) r[8]),
                    (String) r[9], children.participants.getOrDefault(id, List.of()), children.tags.getOrDefault(id, List.of()),
                    children.sources.getOrDefault(id, List.of()), links, (String) r[10], (Instant) r[11], (Instant) r[12],
                    ((Number) r[13]).longValue(), (String) r[14], (String) r[15]));
        }
        return events;
    }

    /**
     * The statement of {@link #children}: five selects joined by UNION ALL, told apart by their first column, each
     * reading the rows of the events in one array parameter. On PostgreSQL they are the function {@code event_children}
     * (migration V15), which plans them once a connection instead of for every call (see its migration). On H2 the
     * array is unnested and joined to each child table's event index: H2 checks every row an index finds against each
     * value of an IN list or array again (time grows with the page's size squared).
     */
    private static String childrenStatement(boolean postgres) {
        if (postgres) {
            return "select kind, event_id, item, id1, id2, text1, text2, text3, text4, text5, text6, text7, date1, date2"
                    + " from event_children(?)";
        }
        String link = ", l.id, o.id, o.title, l.type, o.date_precision, l.note, l.source_url, l.source_publisher, l.source_title,"
                + " o.occurred_on, l.source_published_on";
        return "select 1 as kind, p.event_id, p.position, p.company_id as id1, cast(null as uuid) as id2, c.name as text1,"
                + " c.ticker as text2, p.role as text3, cast(null as varchar(1000)) as text4, cast(null as varchar(2048)) as text5,"
                + " cast(null as varchar(200)) as text6, cast(null as varchar(300)) as text7, cast(null as date) as date1,"
                + " cast(null as date) as date2"
                + ofEvents("event_participant p", "p.event_id", " join company c on c.id = p.company_id")
                + " union all select 2, t.event_id, t.position, null, null, t.tag, null, null, null, null, null, null, null, null"
                + ofEvents("event_tag t", "t.event_id", "")
                + " union all select 3, s.event_id, s.position, null, null, s.url, s.publisher, s.title, null, null, null, null,"
                + " s.published_on, null" + ofEvents("event_source s", "s.event_id", "")
                + " union all select 4, l.from_event_id, 0" + link
                + ofEvents("event_link l", "l.from_event_id", " join event o on o.id = l.to_event_id")
                + " union all select 5, l.to_event_id, 0" + link
                + ofEvents("event_link l", "l.to_event_id", " join event o on o.id = l.from_event_id")
                + " order by 1, 2, 3";
    }

    private static String ofEvents(String table, String eventColumn, String joins) {
        return " from unnest(cast(? as uuid array)) as ids(event_id) join " + table + " on " + eventColumn + " = ids.event_id" + joins;
    }

    /** The children of some events, by event, as {@link #children} reads them. */
    private record Children(Map<UUID, List<ParticipantResponse>> participants, Map<UUID, List<String>> tags,
            Map<UUID, List<SourceDto>> sources, Map<UUID, List<LinkedEvent>> links) {

        static Children none() {
            return new Children(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        }

        /** One row of the children statement: its first column says which kind of child it is. */
        void add(ResultSet row) throws SQLException {
            UUID event = row.getObject(2, UUID.class);
            int kind = row.getInt(1);
            switch (kind) {
                case 1 -> participants.computeIfAbsent(event, k -> new ArrayList<>(3)).add(new ParticipantResponse(
                        row.getObject(4, UUID.class), row.getString(6), row.getString(7), ParticipantRole.valueOf(row.getString(8))));
                case 2 -> tags.computeIfAbsent(event, k -> new ArrayList<>(4)).add(row.getString(6));
                case 3 -> sources.computeIfAbsent(event, k -> new ArrayList<>(2))
                        .add(new SourceDto(row.getString(6), row.getString(7), row.getString(8), Sql.date(row, 13)));
                default -> {
                    LinkType type = LinkType.valueOf(row.getString(7));
                    LinkDirection direction = kind == 4 ? LinkDirection.OUTGOING : LinkDirection.INCOMING;
                    String url = row.getString(10);
                    SourceDto source = url == null ? null : new SourceDto(url, row.getString(11), row.getString(12), Sql.date(row, 14));
                    links.computeIfAbsent(event, k -> new ArrayList<>(2)).add(new LinkedEvent(row.getObject(4, UUID.class), type,
                            direction, type.readFrom(direction), row.getObject(5, UUID.class), row.getString(6), Sql.date(row, 13),
                            DatePrecision.valueOf(row.getString(8)), row.getString(9), source));
                }
            }
        }
    }

    /**
     * Participants (with company name and ticker), tags, sources and links (both ends, with the other event's title
     * and date) of the given events in one statement. The ids go in as one array parameter (one per select on H2), so
     * the statement has one shape whatever the page's size.
     */
    private Children children(List<UUID> ids) {
        UUID[] array = ids.toArray(UUID[]::new);
        List<UUID[]> parameters = Collections.nCopies(childrenParameters, array);
        Children children = Children.none();
        sql.query(this.children, parameters, row -> {
            children.add(row);
            return null;
        });
        return children;
    }
}

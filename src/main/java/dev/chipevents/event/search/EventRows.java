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
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.chipevents.common.db.Sql;
import dev.chipevents.event.AmountKind;
import dev.chipevents.event.DatePrecision;
import dev.chipevents.event.EventChildren;
import dev.chipevents.event.EventMapper;
import dev.chipevents.event.EventResponse;
import dev.chipevents.event.EventType;
import dev.chipevents.event.SourceDto;
import dev.chipevents.event.links.LinkDirection;
import dev.chipevents.event.links.LinkReader;
import dev.chipevents.event.links.LinkType;
import dev.chipevents.event.links.LinkedEvent;

/**
 * Reads events straight into their API shape: a scalar projection for a page's rows (a plain statement for one
 * event's row), each carrying its participants (with their company's name and ticker), tags and sources
 * ({@link EventChildren}), and the links (with the other event's title and date) of the whole page, one statement on
 * PostgreSQL and one for each end on H2, so a page costs two statements (three on H2) whatever its size, and no entity
 * enters the persistence context.
 */
@ApplicationScoped
class EventRows {

    private static final String COLUMNS = "select e.id, e.type, e.occurredOn, e.datePrecision, e.title, e.summary, e.amount, e.currency,"
            + " e.percentChange, e.country, e.externalId, e.createdAt, e.updatedAt, e.version, e.createdBy, e.updatedBy, e.amountKind,"
            + " e.childrenJson from Event e";

    /** The columns of {@link #COLUMNS}, in its order, by their names in the table. */
    private static final String ROW_BY_ID = "select id, type, occurred_on, date_precision, title, summary, amount, currency,"
            + " percent_change, country, external_id, created_at, updated_at, version, created_by, updated_by, amount_kind,"
            + " children_json from event where id = ?";

    private final EntityManager em;
    private final Sql sql;
    private final TransactionSynchronizationRegistry transactions;
    /** The links statements: the function on PostgreSQL; on H2 one per end ({@link #linksStatements}). */
    private final List<String> links;
    /** PostgreSQL: one event's row and its links in one round trip ({@link Sql#queries}); null on H2. */
    private final String rowAndLinks;

    EventRows(EntityManager em, Sql sql, TransactionSynchronizationRegistry transactions,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.em = em;
        this.sql = sql;
        this.transactions = transactions;
        boolean postgres = dbKind.startsWith("postgres");
        this.links = linksStatements(postgres);
        this.rowAndLinks = postgres ? ROW_BY_ID + "; " + links.get(0) : null;
    }

    /** The statements that read the links of a page or an event, in the order they run. */
    List<String> linkStatements() {
        return links;
    }

    /** An HQL where clause on alias e (may be empty) and its named parameters. */
    record Where(String clause, Map<String, Object> parameters) {
    }

    /**
     * Whether a seek past a position is better read as its disjoint parts, one statement each ({@link
     * dev.chipevents.common.paging.Keyset#afterInParts}): on H2, which reads each part as one index range but the whole
     * "after" as a range from the position's first value only; an extra statement costs no round trip there. PostgreSQL
     * takes the whole (a row comparison) as one index range.
     */
    boolean readsInParts() {
        return rowAndLinks == null;
    }

    /**
     * The events matching the where clauses, the first's rows, then the second's, and so on (disjoint, each in the order
     * given), at most `limit` of them; without `withLinks`, each with no links and one statement fewer (for the exports,
     * which do not show them).
     */
    List<EventResponse> page(List<Where> wheres, String orderBy, int limit, boolean withLinks) {
        List<Object[]> rows = new ArrayList<>(limit);
        for (Where where : wheres) {
            if (rows.size() == limit) {
                break;
            }
            TypedQuery<Object[]> q = em.createQuery(COLUMNS + where.clause() + " order by " + orderBy, Object[].class)
                    .setMaxResults(limit - rows.size());
            where.parameters().forEach(q::setParameter);
            rows.addAll(q.getResultList());
        }
        return withLinks ? assemble(rows) : assemble(rows, Map.of());
    }

    /**
     * One event, or null. Its row is read through JDBC like its children, not through Hibernate's query (which cost
     * more of a read than the statement itself), and on PostgreSQL the row and the links go to the database together,
     * in one round trip ("Leads tried and kept" in docs/benchmarks.md). Outside a transaction (a GET) the statements
     * share one connection from the pool and no Hibernate session is opened. Inside a write's transaction the session is
     * flushed first, since a plain statement does not see changes Hibernate still holds.
     */
    EventResponse byId(UUID id) {
        if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            return sql.onOneConnection(pinned -> byId(id, pinned));
        }
        if (em.isJoinedToTransaction()) {
            em.flush();
        }
        return byId(id, sql);
    }

    private EventResponse byId(UUID id, Sql on) {
        List<EventResponse> found;
        if (rowAndLinks == null) {
            List<Object[]> rows = on.query(ROW_BY_ID, List.of(id), EventRows::row);
            found = rows.isEmpty() ? List.of() : assemble(rows, links(List.of(id), on));
        } else {
            List<Object[]> rows = new ArrayList<>(1);
            Map<UUID, List<LinkedEvent>> links = new HashMap<>();
            on.queries(rowAndLinks, List.of(id, new UUID[]{ id }), List.of(result -> {
                while (result.next()) {
                    rows.add(row(result));
                }
            }, result -> {
                while (result.next()) {
                    addLink(result, links);
                }
            }));
            found = assemble(rows, links);
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** A row of {@link #ROW_BY_ID} as the values Hibernate's projection gives for {@link #COLUMNS}. */
    private static Object[] row(ResultSet r) throws SQLException {
        String amountKind = r.getString(17);
        return new Object[]{ r.getObject(1, UUID.class), EventType.valueOf(r.getString(2)), Sql.date(r, 3),
                DatePrecision.valueOf(r.getString(4)), r.getString(5), r.getString(6), r.getBigDecimal(7), r.getString(8),
                r.getBigDecimal(9), r.getString(10), r.getString(11), Sql.instant(r, 12), Sql.instant(r, 13), r.getLong(14),
                r.getString(15), r.getString(16), amountKind == null ? null : AmountKind.valueOf(amountKind), r.getString(18) };
    }

    private List<EventResponse> assemble(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ids.add((UUID) row[0]);
        }
        return assemble(rows, links(ids, sql));
    }

    private static List<EventResponse> assemble(List<Object[]> rows, Map<UUID, List<LinkedEvent>> allLinks) {
        List<EventResponse> events = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            List<LinkedEvent> links = allLinks.get(id);
            if (links == null) {
                links = List.of();
            } else {
                links.sort(LinkReader.ORDER);
            }
            EventChildren.Shown children = EventChildren.read((String) r[17]);
            events.add(new EventResponse(id, (EventType) r[1], (LocalDate) r[2], (DatePrecision) r[3], (String) r[4], (String) r[5],
                    EventMapper.plain((BigDecimal) r[6]), (AmountKind) r[16], (String) r[7], EventMapper.plain((BigDecimal) r[8]),
                    (String) r[9], children.participants(), children.tags(), children.sources(), links, (String) r[10], (Instant) r[11],
                    (Instant) r[12], ((Number) r[13]).longValue(), (String) r[14], (String) r[15]));
        }
        return events;
    }

    /**
     * The statements of {@link #links}: both ends of the events' links, told apart by their first column (4: from the
     * event, 5: to it), reading the events in one array parameter. On PostgreSQL one statement, the function {@code
     * event_links} (migration V19), which plans it once a connection instead of for every call (see migration V15). On H2
     * one select for each end, the array unnested and joined to that end's index: H2 checks every row an index finds
     * against each value of an IN list or array again (time grows with the page's size squared), and it parses a union
     * again at every call (it keeps no union in its session's cache of parsed statements, where a plain select stays).
     */
    private static List<String> linksStatements(boolean postgres) {
        if (postgres) {
            return List.of("select kind, event_id, link_id, other_id, other_title, type, other_precision, note, source_url,"
                    + " source_publisher, source_title, other_occurred_on, source_published_on from event_links(?)");
        }
        String columns = ", l.id, o.id, o.title, l.type, o.date_precision, l.note, l.source_url, l.source_publisher, l.source_title,"
                + " o.occurred_on, l.source_published_on";
        return List.of("select 4, l.from_event_id" + columns + ofEvents("l.from_event_id", "l.to_event_id"),
                "select 5, l.to_event_id" + columns + ofEvents("l.to_event_id", "l.from_event_id"));
    }

    private static String ofEvents(String eventColumn, String otherColumn) {
        return " from unnest(cast(? as uuid array)) as ids(event_id) join event_link l on " + eventColumn + " = ids.event_id"
                + " join event o on o.id = " + otherColumn;
    }

    /** One row of the links statement, added to its event's links. */
    private static void addLink(ResultSet row, Map<UUID, List<LinkedEvent>> links) throws SQLException {
        UUID event = row.getObject(2, UUID.class);
        LinkType type = LinkType.valueOf(row.getString(6));
        LinkDirection direction = row.getInt(1) == 4 ? LinkDirection.OUTGOING : LinkDirection.INCOMING;
        String url = row.getString(9);
        SourceDto source = url == null ? null : new SourceDto(url, row.getString(10), row.getString(11), Sql.date(row, 13));
        links.computeIfAbsent(event, k -> new ArrayList<>(2)).add(new LinkedEvent(row.getObject(3, UUID.class), type, direction,
                type.readFrom(direction), row.getObject(4, UUID.class), row.getString(5), Sql.date(row, 12),
                DatePrecision.valueOf(row.getString(7)), row.getString(8), source));
    }

    /**
     * The links (both ends, with the other event's title and date) of the given events: one statement on PostgreSQL,
     * one for each end on H2. The ids go in as one array parameter, so each statement has one shape whatever the page's
     * size.
     */
    private Map<UUID, List<LinkedEvent>> links(List<UUID> ids, Sql on) {
        List<UUID[]> array = Collections.singletonList(ids.toArray(UUID[]::new));
        Map<UUID, List<LinkedEvent>> links = new HashMap<>();
        for (String statement : this.links) {
            on.query(statement, array, row -> {
                addLink(row, links);
                return null;
            });
        }
        return links;
    }
}

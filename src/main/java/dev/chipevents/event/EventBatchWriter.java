package dev.chipevents.event;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Writes new events, their participants, tags and sources and their first revision with plain JDBC
 * batch inserts, on the Hibernate session's connection (so in the caller's transaction). For the bulk
 * import, where one INSERT per row and table through the ORM is the bottleneck. The SQL is the same on
 * H2 and PostgreSQL.
 */
final class EventBatchWriter {

    /** A new event, as {@link EventService#apply} filled it in, and the JSON of its first revision. */
    record NewEvent(Event event, String revisionState) {
    }

    private static final String INSERT_EVENT = "insert into event (id, type, occurred_on, date_precision, title, summary, amount,"
            + " currency, percent_change, country, external_id, search_text, created_at, updated_at, version, created_by, updated_by)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_PARTICIPANT = "insert into event_participant (event_id, position, company_id, role) values (?, ?, ?, ?)";
    private static final String INSERT_TAG = "insert into event_tag (event_id, position, tag) values (?, ?, ?)";
    private static final String INSERT_SOURCE = "insert into event_source (event_id, position, url, publisher, published_on)"
            + " values (?, ?, ?, ?, ?)";
    private static final String INSERT_REVISION = "insert into event_revision (event_id, revision, operation, changed_at, changed_by, state)"
            + " values (?, 1, 'CREATE', ?, ?, ?)";

    private EventBatchWriter() {
    }

    /** Whether the session's database is PostgreSQL. */
    static boolean isPostgres(EntityManager em) {
        return em.unwrap(Session.class).doReturningWork(connection -> "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
    }

    /**
     * PostgreSQL only: plans the next statements for their actual parameters (force_custom_plan, every
     * connection's default: see PostgresPlans) or lets it reuse generic plans (auto), for this transaction.
     * The per-chunk lookup of existing externalIds needs custom plans: pgjdbc prepares it on the server
     * after a few runs, PostgreSQL may then keep the generic plan made while the event table was small (a
     * sequential scan), and each lookup would read every row the import has added so far. The INSERTs
     * that follow it use generic plans (no planning per row).
     */
    static void customPlans(EntityManager em, boolean custom) {
        em.unwrap(Session.class).doWork(connection -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("set local plan_cache_mode = " + (custom ? "force_custom_plan" : "auto"));
            }
        });
    }

    /** Inserts the events (version 0, revision 1 CREATE) in the session's current transaction. */
    static void insert(EntityManager em, List<NewEvent> rows, String changedBy) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> insert(connection, rows, changedBy));
    }

    private static void insert(Connection connection, List<NewEvent> rows, String changedBy) throws SQLException {
        try (PreparedStatement events = connection.prepareStatement(INSERT_EVENT);
                PreparedStatement participants = connection.prepareStatement(INSERT_PARTICIPANT);
                PreparedStatement tags = connection.prepareStatement(INSERT_TAG);
                PreparedStatement sources = connection.prepareStatement(INSERT_SOURCE);
                PreparedStatement revisions = connection.prepareStatement(INSERT_REVISION)) {
            boolean anyParticipant = false;
            boolean anyTag = false;
            boolean anySource = false;
            for (NewEvent row : rows) {
                Event e = row.event();
                events.setObject(1, e.getId());
                events.setString(2, e.getType().name());
                setDate(events, 3, e.getOccurredOn());
                events.setString(4, e.getDatePrecision().name());
                events.setString(5, e.getTitle());
                setString(events, 6, e.getSummary());
                setDecimal(events, 7, e.getAmount());
                setString(events, 8, e.getCurrency());
                setDecimal(events, 9, e.getPercentChange());
                setString(events, 10, e.getCountry());
                setString(events, 11, e.getExternalId());
                events.setString(12, e.getSearchText());
                setTimestamp(events, 13, e.getCreatedAt());
                setTimestamp(events, 14, e.getUpdatedAt());
                events.setLong(15, e.getVersion());
                setString(events, 16, e.getCreatedBy());
                setString(events, 17, e.getUpdatedBy());
                events.addBatch();
                List<Participant> ps = e.getParticipants();
                for (int i = 0; i < ps.size(); i++) {
                    participants.setObject(1, e.getId());
                    participants.setInt(2, i);
                    participants.setObject(3, ps.get(i).getCompany().getId());
                    participants.setString(4, ps.get(i).getRole().name());
                    participants.addBatch();
                    anyParticipant = true;
                }
                List<String> ts = e.getTags();
                for (int i = 0; i < ts.size(); i++) {
                    tags.setObject(1, e.getId());
                    tags.setInt(2, i);
                    tags.setString(3, ts.get(i));
                    tags.addBatch();
                    anyTag = true;
                }
                List<Source> ss = e.getSources();
                for (int i = 0; i < ss.size(); i++) {
                    sources.setObject(1, e.getId());
                    sources.setInt(2, i);
                    sources.setString(3, ss.get(i).getUrl());
                    setString(sources, 4, ss.get(i).getPublisher());
                    setDate(sources, 5, ss.get(i).getPublishedOn());
                    sources.addBatch();
                    anySource = true;
                }
                revisions.setObject(1, e.getId());
                setTimestamp(revisions, 2, e.getCreatedAt());
                revisions.setString(3, changedBy);
                revisions.setString(4, row.revisionState());
                revisions.addBatch();
            }
            // Parents first: the collection tables' foreign keys point at event.
            events.executeBatch();
            if (anyParticipant) {
                participants.executeBatch();
            }
            if (anyTag) {
                tags.executeBatch();
            }
            if (anySource) {
                sources.executeBatch();
            }
            revisions.executeBatch();
        }
    }

    private static void setString(PreparedStatement statement, int index, String value) throws SQLException {
        setNullable(statement, index, value, Types.VARCHAR);
    }

    private static void setDecimal(PreparedStatement statement, int index, BigDecimal value) throws SQLException {
        setNullable(statement, index, value, Types.NUMERIC);
    }

    private static void setDate(PreparedStatement statement, int index, LocalDate value) throws SQLException {
        setNullable(statement, index, value, Types.DATE);
    }

    /** A value, or SQL NULL of the column's type (some drivers need the type of a null). */
    private static void setNullable(PreparedStatement statement, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType);
        } else {
            statement.setObject(index, value);
        }
    }

    private static void setTimestamp(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }
}

package dev.chipevents.event.imports;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chipevents.common.db.Sql;
import dev.chipevents.event.Event;
import dev.chipevents.event.Participant;
import dev.chipevents.event.Source;

/**
 * Writes new events with their participants, tags and sources as JDBC batch inserts in the caller's
 * transaction: for the bulk import, where one INSERT per row and table through the ORM is the
 * bottleneck. The SQL is the same on H2 and PostgreSQL.
 */
@ApplicationScoped
class EventBatchWriter {

    private static final String INSERT_EVENT = "insert into event (id, type, occurred_on, date_precision, title, summary, amount,"
            + " currency, percent_change, country, external_id, search_text, created_at, updated_at, version, created_by, updated_by,"
            + " amount_kind, children_json) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_PARTICIPANT = "insert into event_participant (event_id, position, company_id, role, event_amount,"
            + " event_occurred_on) values (?, ?, ?, ?, ?, ?)";
    private static final String INSERT_TAG = "insert into event_tag (event_id, position, tag) values (?, ?, ?)";
    private static final String INSERT_SOURCE = "insert into event_source (event_id, position, url, publisher, title, published_on)"
            + " values (?, ?, ?, ?, ?, ?)";

    private record Child<T>(UUID eventId, int position, T value) {
    }

    private final Sql sql;

    EventBatchWriter(Sql sql) {
        this.sql = sql;
    }

    /** Inserts events as filled in by the applier (not persisted through the ORM), version 0. */
    void insert(List<Event> events) {
        List<Child<Participant>> participants = new ArrayList<>();
        List<Child<String>> tags = new ArrayList<>();
        List<Child<Source>> sources = new ArrayList<>();
        for (Event e : events) {
            children(e.getId(), e.getParticipants(), participants);
            children(e.getId(), e.getTags(), tags);
            children(e.getId(), e.getSources(), sources);
        }
        // Parents first: the collection tables' foreign keys point at event.
        sql.batch(INSERT_EVENT, events, (row, e) -> row.add(e.getId()).add(e.getType()).add(e.getOccurredOn())
                .add(e.getDatePrecision()).add(e.getTitle()).add(e.getSummary(), Types.VARCHAR).add(e.getAmount(), Types.NUMERIC)
                .add(e.getCurrency(), Types.VARCHAR).add(e.getPercentChange(), Types.NUMERIC).add(e.getCountry(), Types.VARCHAR)
                .add(e.getExternalId(), Types.VARCHAR).add(e.getSearchText()).add(e.getCreatedAt()).add(e.getUpdatedAt())
                .add(e.getVersion()).add(e.getCreatedBy(), Types.VARCHAR).add(e.getUpdatedBy(), Types.VARCHAR)
                .add(e.getAmountKind() == null ? null : e.getAmountKind().name(), Types.VARCHAR).add(e.getChildrenJson()));
        sql.batch(INSERT_PARTICIPANT, participants, (row, p) -> row.add(p.eventId()).add(p.position())
                .add(p.value().getCompany().getId()).add(p.value().getRole())
                .add(p.value().getEventAmount(), Types.NUMERIC).add(p.value().getEventOccurredOn()));
        sql.batch(INSERT_TAG, tags, (row, t) -> row.add(t.eventId()).add(t.position()).add(t.value()));
        sql.batch(INSERT_SOURCE, sources, (row, s) -> row.add(s.eventId()).add(s.position()).add(s.value().getUrl())
                .add(s.value().getPublisher(), Types.VARCHAR).add(s.value().getTitle(), Types.VARCHAR)
                .add(s.value().getPublishedOn(), Types.DATE));
    }

    private static <T> void children(UUID eventId, List<T> values, List<Child<T>> into) {
        for (int i = 0; i < values.size(); i++) {
            into.add(new Child<>(eventId, i, values.get(i)));
        }
    }
}

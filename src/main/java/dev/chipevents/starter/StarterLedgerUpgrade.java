package dev.chipevents.starter;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.jboss.logging.Logger;

import dev.chipevents.common.security.Actor;
import dev.chipevents.event.AmountKind;
import dev.chipevents.event.DatePrecision;
import dev.chipevents.event.EventMapper;
import dev.chipevents.event.EventResponse;
import dev.chipevents.event.EventType;
import dev.chipevents.event.ParticipantResponse;
import dev.chipevents.event.ParticipantRole;
import dev.chipevents.event.SearchText;
import dev.chipevents.event.SourceDto;
import dev.chipevents.event.links.LinkDirection;
import dev.chipevents.event.links.LinkReader;
import dev.chipevents.event.links.LinkType;
import dev.chipevents.event.links.LinkedEvent;
import dev.chipevents.history.ResourceKind;
import dev.chipevents.starter.StarterDataset.Dataset;
import dev.chipevents.starter.StarterDataset.StarterEvent;
import dev.chipevents.starter.StarterDataset.StarterLink;
import dev.chipevents.starter.StarterDataset.StarterParticipant;

/**
 * Brings a database that got the first starter dataset up to the current one, once (migration V12): amount kinds, the
 * article's titles and sources, the earlier export-control rules and the links between the article's events. It runs
 * before the application (no CDI, no Hibernate: plain JDBC on Flyway's connection, in Flyway's transaction) and writes
 * what the API's own writes would: rows, search text, new versions and a revision of each event it changes, by `system`.
 * <p>
 * A user's work is never touched: a starter event is brought up to date only while it is as the loader left it (version
 * 0, every revision by `system`); a new event is added only where its id never existed and its externalId is free; a
 * link only between events brought up to date or added here. A database that never got the starter dataset (a fresh
 * one, or one started with the dataset turned off) is left alone: the loader brings the whole current dataset.
 */
public final class StarterLedgerUpgrade {

    private static final Logger LOG = Logger.getLogger(StarterLedgerUpgrade.class);
    /** Recorded once the upgrade ran: it never runs twice. */
    static final String DONE = "starter-ledger-completed";

    private final Connection db;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    public StarterLedgerUpgrade(Connection db) {
        this.db = db;
    }

    /** What the upgrade did: events brought up to date, events added, links added. */
    public record Outcome(List<UUID> updated, List<UUID> added, List<UUID> links) {
    }

    public Outcome run() throws SQLException, IOException {
        if (count("select count(*) from app_state where state_key = ?", StarterDataset.MARKER) == 0
                || count("select count(*) from app_state where state_key = ?", DONE) > 0) {
            return new Outcome(List.of(), List.of(), List.of());
        }
        Dataset dataset = StarterDataset.read(json);
        Map<String, UUID> companies = new HashMap<>();
        for (StarterDataset.StarterCompany company : dataset.companies()) {
            if (count("select count(*) from company where id = ?", company.id()) > 0) {
                companies.put(company.name(), company.id());
            }
        }
        List<UUID> updated = new ArrayList<>();
        List<UUID> added = new ArrayList<>();
        for (StarterEvent event : dataset.events()) {
            long versions = count("select count(*) from event where id = ?", event.id());
            long revisions = count("select count(*) from event_revision where event_id = ?", event.id());
            if (versions > 0) {
                boolean asLoaded = count("select count(*) from event where id = ? and version = 0", event.id()) > 0
                        && count("select count(*) from event_revision where event_id = ? and changed_by <> ?", event.id(),
                                Actor.SYSTEM) == 0;
                if (asLoaded) {
                    update(event, companies);
                    updated.add(event.id());
                }
            } else if (revisions == 0 && count("select count(*) from event where external_id = ?", event.externalId()) == 0) {
                insert(event, companies);
                added.add(event.id());
            }
        }
        Set<UUID> ours = new LinkedHashSet<>(updated);
        ours.addAll(added);
        List<UUID> links = new ArrayList<>();
        for (StarterLink link : dataset.links()) {
            if (ours.contains(link.from()) && ours.contains(link.to())
                    && count("select count(*) from event_link where id = ? or (from_event_id = ? and to_event_id = ? and type = ?)",
                            link.id(), link.from(), link.to(), link.type().name()) == 0) {
                SourceDto source = link.source();
                update("insert into event_link (id, from_event_id, to_event_id, type, note, source_url, source_publisher, source_title,"
                        + " source_published_on, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", link.id(), link.from(),
                        link.to(), link.type().name(), link.note(), source == null ? null : source.url(),
                        source == null ? null : source.publisher(), source == null ? null : source.title(),
                        source == null ? null : source.publishedOn(), now, Actor.SYSTEM);
                links.add(link.id());
            }
        }
        for (UUID id : updated) {
            record(id, "UPDATE", (int) count("select coalesce(max(revision), 0) from event_revision where event_id = ?", id) + 1);
        }
        for (UUID id : added) {
            record(id, "CREATE", 1);
        }
        update("insert into app_state (state_key, state_value, updated_at) values (?, ?, ?)", DONE,
                updated.size() + " updated, " + added.size() + " added, " + links.size() + " links", now);
        LOG.infof("Starter ledger completed: %d starter events brought up to date, %d added, %d links made", updated.size(),
                added.size(), links.size());
        return new Outcome(updated, added, links);
    }

    /** A starter event as the loader left it, rewritten to the current definition: a new version, by system. */
    private void update(StarterEvent e, Map<String, UUID> companies) throws SQLException {
        update("update event set type = ?, occurred_on = ?, date_precision = ?, title = ?, summary = ?, amount = ?, amount_kind = ?,"
                + " currency = ?, percent_change = ?, country = ?, external_id = ?, search_text = ?, updated_at = ?, updated_by = ?,"
                + " version = version + 1 where id = ?", e.type().name(), e.occurredOn(), e.datePrecision().name(), e.title(), e.summary(),
                e.amount(), name(e.amountKind()), e.currency(), e.percentChange(), e.country(), e.externalId(), searchText(e, companies),
                now, Actor.SYSTEM, e.id());
        for (String table : List.of("event_participant", "event_tag", "event_source")) {
            update("delete from " + table + " where event_id = ?", e.id());
        }
        children(e, companies);
    }

    private void insert(StarterEvent e, Map<String, UUID> companies) throws SQLException {
        update("insert into event (id, type, occurred_on, date_precision, title, summary, amount, amount_kind, currency, percent_change,"
                + " country, external_id, search_text, created_at, updated_at, version, created_by, updated_by)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", e.id(), e.type().name(), e.occurredOn(),
                e.datePrecision().name(), e.title(), e.summary(), e.amount(), name(e.amountKind()), e.currency(), e.percentChange(),
                e.country(), e.externalId(), searchText(e, companies), now, now, Actor.SYSTEM, Actor.SYSTEM);
        children(e, companies);
    }

    /** Participants (those whose company still exists), tags and sources, in order. */
    private void children(StarterEvent e, Map<String, UUID> companies) throws SQLException {
        int position = 0;
        for (StarterParticipant p : e.participants()) {
            UUID company = companies.get(p.company());
            if (company != null) {
                update("insert into event_participant (event_id, position, company_id, role) values (?, ?, ?, ?)", e.id(), position++,
                        company, p.role().name());
            }
        }
        for (int i = 0; i < e.tags().size(); i++) {
            update("insert into event_tag (event_id, position, tag) values (?, ?, ?)", e.id(), i, e.tags().get(i));
        }
        for (int i = 0; i < e.sources().size(); i++) {
            SourceDto s = e.sources().get(i);
            update("insert into event_source (event_id, position, url, publisher, title, published_on) values (?, ?, ?, ?, ?, ?)", e.id(),
                    i,
                    s.url(), s.publisher(), s.title(), s.publishedOn());
        }
    }

    private String searchText(StarterEvent e, Map<String, UUID> companies) throws SQLException {
        List<String[]> participants = new ArrayList<>();
        for (StarterParticipant p : e.participants()) {
            UUID company = companies.get(p.company());
            if (company != null) {
                participants.addAll(query("select name, ticker from company where id = ?", List.of(company),
                        row -> new String[]{ row.getString(1), row.getString(2) }));
            }
        }
        return SearchText.of(e.title(), e.summary(), e.tags(), participants);
    }

    /**
     * The event's revision, with its state read back as the API answers it, and its entry in the change log (V7), numbered
     * after the last one as every write numbers its entries, so that change streams and pages carry the upgrade too.
     */
    private void record(UUID id, String operation, int revision) throws SQLException, IOException {
        update("insert into event_revision (event_id, revision, operation, changed_at, changed_by, state) values (?, ?, ?, ?, ?, ?)", id,
                revision, operation, now, Actor.SYSTEM, json.writeValueAsString(state(id)));
        update("update change_log_counter set last_sequence = last_sequence + 1 where id = 1");
        long sequence = count("select last_sequence from change_log_counter where id = 1");
        long version = count("select version from event where id = ?", id);
        update("insert into change_log (sequence, operation, resource, resource_id, revision, version, changed_at, changed_by, imported)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", sequence, operation, ResourceKind.EVENT.name(), id, revision, version, now,
                Actor.SYSTEM, false);
    }

    private EventResponse state(UUID id) throws SQLException {
        List<ParticipantResponse> participants = query("select c.id, c.name, c.ticker, p.role from event_participant p"
                + " join company c on c.id = p.company_id where p.event_id = ? order by p.position", List.of(id),
                row -> new ParticipantResponse(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        ParticipantRole.valueOf(row.getString(4))));
        List<String> tags = query("select tag from event_tag where event_id = ? order by position", List.of(id), row -> row.getString(1));
        List<SourceDto> sources = query("select url, publisher, title, published_on from event_source where event_id = ? order by position",
                List.of(id), row -> new SourceDto(row.getString(1), row.getString(2), row.getString(3), row.getObject(4, LocalDate.class)));
        List<LinkedEvent> links = new ArrayList<>();
        for (LinkDirection direction : LinkDirection.values()) {
            boolean outgoing = direction == LinkDirection.OUTGOING;
            links.addAll(query("select l.id, l.type, o.id, o.title, o.occurred_on, o.date_precision, l.note, l.source_url,"
                    + " l.source_publisher, l.source_title, l.source_published_on from event_link l join event o on o.id = "
                    + (outgoing ? "l.to_event_id where l.from_event_id = ?" : "l.from_event_id where l.to_event_id = ?"), List.of(id),
                    row -> {
                        LinkType type = LinkType.valueOf(row.getString(2));
                        SourceDto source = row.getString(8) == null ? null
                                : new SourceDto(row.getString(8), row.getString(9), row.getString(10), row.getObject(11, LocalDate.class));
                        return new LinkedEvent(row.getObject(1, UUID.class), type, direction, type.readFrom(direction),
                                row.getObject(3, UUID.class), row.getString(4), row.getObject(5, LocalDate.class),
                                DatePrecision.valueOf(row.getString(6)), row.getString(7), source);
                    }));
        }
        links.sort(LinkReader.ORDER);
        return query("select type, occurred_on, date_precision, title, summary, amount, amount_kind, currency, percent_change, country,"
                + " external_id, created_at, updated_at, version, created_by, updated_by from event where id = ?", List.of(id),
                row -> new EventResponse(id, EventType.valueOf(row.getString(1)), row.getObject(2, LocalDate.class),
                        DatePrecision.valueOf(row.getString(3)), row.getString(4), row.getString(5),
                        EventMapper.plain(row.getBigDecimal(6)),
                        row.getString(7) == null ? null : AmountKind.valueOf(row.getString(7)), row.getString(8),
                        EventMapper.plain(row.getBigDecimal(9)), row.getString(10), participants, tags, sources, links, row.getString(11),
                        row.getObject(12, OffsetDateTime.class).toInstant(), row.getObject(13, OffsetDateTime.class).toInstant(),
                        row.getLong(14), row.getString(15), row.getString(16)))
                .get(0);
    }

    @FunctionalInterface
    private interface RowMapper<T> {

        T map(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, List<?> parameters, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, parameters.toArray());
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(mapper.map(result));
                }
            }
            return rows;
        }
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        }
    }

    /** Binds by JDBC type: instants as UTC timestamps, dates as LocalDate; a null's type is left to the column it goes to. */
    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (value instanceof Instant instant) {
                statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}

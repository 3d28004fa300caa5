package dev.chipevents.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.chipevents.event.EventChildren;
import dev.chipevents.event.EventResponse;
import dev.chipevents.event.ParticipantResponse;
import dev.chipevents.event.ParticipantRole;
import dev.chipevents.event.SourceDto;
import dev.chipevents.event.links.LinkedEvent;

/**
 * Migrations V10-V12 on a database the previous release made and its users changed (src/test/resources/db/previous):
 * amounts get kinds, starter events left as loaded are brought up to date, the new starter facts and links arrive
 * once, and nothing a user changed is touched. On the test database of the build (H2 in memory, or PostgreSQL with
 * CHIP_EVENTS_TEST_JDBC_URL, in a schema of its own).
 */
class StarterLedgerUpgradeTest {

    private static final String URL = System.getenv().getOrDefault("CHIP_EVENTS_TEST_JDBC_URL", "");
    private static final boolean POSTGRES = URL.startsWith("jdbc:postgresql:");
    private static final String USER = System.getenv().getOrDefault("CHIP_EVENTS_TEST_DB_USER", "chip");
    private static final String PASSWORD = System.getenv().getOrDefault("CHIP_EVENTS_TEST_DB_PASSWORD", "chip");

    private static final String NVIDIA_DROP = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f";
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private String url;
    private String schema;
    private Connection db;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        if (POSTGRES) {
            schema = "starter_upgrade_" + UUID.randomUUID().toString().substring(0, 8);
            url = URL;
            try (Connection c = DriverManager.getConnection(url, USER, PASSWORD); Statement s = c.createStatement()) {
                // Where the application's own migrations put it, so that this schema's V2 finds its operator classes.
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public");
            }
        } else {
            url = "jdbc:h2:mem:starter-upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        }
    }

    @AfterEach
    void dropIt() throws SQLException {
        if (db != null) {
            if (POSTGRES) {
                try (Statement s = db.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            } else {
                try (Statement s = db.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }
            db.close();
        }
    }

    @Test
    void startsFromWhatTheUsersLeftAndTouchesNothingTheyChanged() throws Exception {
        migrate("10"); // every migration before this release's (V10-V12), whichever exist for the database
        load("/db/previous/v6-starter-changed-by-users.sql");
        Map<String, Long> revisionsBefore = revisionsPerEvent();
        migrate(null);

        // V10: amounts stored before kinds get the kind their type makes clear, OTHER where it does not.
        assertEquals("INVESTMENT", kindOf("user-investment"));
        assertEquals("MARKET_VALUE_GAIN", kindOf("user-rebound"));
        assertEquals("OTHER", kindOf("user-ipo"));
        assertEquals("OTHER", kindOf("user-flat"));
        assertNull(kindOf("seed-2025-01-27-trump-deepseek-wake-up-call"), "an event without amount has no kind");

        // Starter events a user changed keep what the user left (and the kind V10 gave them), get no link.
        assertEquals(List.of("Nvidia sheds 589 billion USD in market value, a record|1|MARKET_VALUE_LOSS"),
                strings("select title || '|' || version || '|' || amount_kind from event where id = ?", NVIDIA_DROP));
        assertEquals(List.of("1|AWARD"), strings("select version || '|' || amount_kind from event where external_id = ?",
                "seed-2024-11-15-tsmc-chips-award"));
        assertEquals(List.of(), strings("select s.title from event_source s join event e on e.id = s.event_id"
                + " where e.external_id in ('seed-2025-01-27-nvidia-stock-move', 'seed-2024-11-15-tsmc-chips-award') and s.title is not null"));
        assertEquals(revisionsBefore.get(NVIDIA_DROP), revisionsPerEvent().get(NVIDIA_DROP), "no revision of the user's event");
        // One the user deleted stays deleted; a new starter event whose externalId a user took is not added.
        assertEquals(List.of(), strings("select id from event where external_id = ?", "seed-2025-01-30-italy-blocks-deepseek"));
        assertEquals(List.of("My own note on the evening of the drop"),
                strings("select title from event where external_id = ?", "seed-2025-01-27-trump-deepseek-wake-up-call"));

        // Starter events left as loaded now say what the current starter dataset says, in a new version by system.
        StarterDataset.Dataset dataset = StarterDataset.read(json);
        // Huawei's yield report counts as changed too: renaming SMIC, its supplier, gave it a new version (its search text).
        Set<String> changedByUsers = Set.of(NVIDIA_DROP, "0193a0a4-5c1e-7b7a-9d1e-e00000000003", "0193a0a4-5c1e-7b7a-9d1e-e00000000019",
                "0193a0a4-5c1e-7b7a-9d1e-e00000000012", "0193a0a4-5c1e-7b7a-9d1e-e00000000024");
        int upgraded = 0;
        for (StarterDataset.StarterEvent e : dataset.events()) {
            if (changedByUsers.contains(e.id().toString())) {
                continue;
            }
            boolean added = revisionsBefore.get(e.id().toString()) == null;
            EventResponse state = lastState(e.id().toString());
            assertEquals(e.title(), state.title());
            assertEquals(e.amountKind(), state.amountKind(), e.title());
            assertEquals(e.sources(), state.sources(), e.title());
            assertEquals(added ? 0 : 1, state.version(), e.title());
            assertEquals(List.of((added ? "CREATE" : "UPDATE") + "|system"),
                    strings("select operation || '|' || changed_by from event_revision"
                            + " where event_id = ? and revision = (select max(revision) from event_revision where event_id = ?)", e.id(),
                            e.id()));
            assertEquals(List.of(state.version() + "|" + state.title()),
                    strings("select version || '|' || title from event where id = ?", e.id()));
            upgraded += added ? 0 : 1;
        }
        assertEquals(16, upgraded, "the starter events the users left alone");
        assertEquals(List.of("1|OTHER"), strings("select version || '|' || coalesce(amount_kind, 'OTHER') from event where external_id = ?",
                "seed-2024-12-huawei-ascend-yield"));
        assertTrue(strings("select search_text from event where external_id = ?", "seed-2025-01-13-ai-diffusion-rule").get(0)
                .contains("diffusion"));
        assertTrue(strings("select search_text from event where external_id = ?", "seed-2022-10-07-us-advanced-computing-rule").get(0)
                .contains("semiconductor manufacturing international"), "participants by their current names");

        // The links between events the upgrade brought up to date or added, and no other.
        assertEquals(new TreeSet<>(List.of("02", "03", "05", "07", "08", "09", "11", "12")),
                new TreeSet<>(strings("select id from event_link").stream().map(id -> id.substring(id.length() - 2)).toList()));
        List<String> r1Links = lastState("0193a0a4-5c1e-7b7a-9d1e-e00000000014").links().stream()
                .map(l -> l.relation() + " " + l.title()).toList();
        assertEquals(List.of("ANSWERED_BY NASA, the US Navy and Congress bar DeepSeek on their devices",
                "CAUSED The Nasdaq ends the day down about 3 percent", "ANSWERED_BY Microsoft Azure adds DeepSeek R1"), r1Links);
        for (String id : strings("select from_event_id from event_link union select to_event_id from event_link")) {
            EventResponse state = lastState(id);
            Set<String> stored = new TreeSet<>(strings("select id from event_link where from_event_id = ? or to_event_id = ?", id, id));
            assertEquals(stored,
                    state.links().stream().map(LinkedEvent::linkId).map(UUID::toString).collect(Collectors.toCollection(TreeSet::new)),
                    "the revision of " + id + " holds its links");
        }

        // Every revision the upgrade wrote is in the change log, numbered on from the counter, so change streams carry it.
        List<String> written = strings("select event_id || '|' || revision || '|' || operation from event_revision"
                + " where changed_by = 'system' and changed_at = (select max(changed_at) from event_revision) order by event_id");
        assertEquals(upgraded + added(revisionsBefore, dataset), written.size(), "revisions written by the upgrade: " + written);
        assertEquals(written, strings("select resource_id || '|' || revision || '|' || operation from change_log"
                + " where resource = 'EVENT' order by resource_id"));
        assertEquals(List.of(written.size() + "|1|" + written.size()),
                strings("select max(l.sequence) || '|' || min(l.sequence) || '|' || max(c.last_sequence) from change_log l"
                        + " cross join change_log_counter c"));
        assertEquals(List.of(), strings("select l.resource_id from change_log l join event e on e.id = l.resource_id"
                + " where l.version <> e.version"), "each entry names the event's version");

        // V18: every event, upgraded, added or left as the users changed it, shows what its tables hold.
        assertEachCopyIsWhatItsTablesHold();

        // Once: it finds nothing more to do.
        StarterLedgerUpgrade.Outcome again = new StarterLedgerUpgrade(db).run();
        assertEquals(new StarterLedgerUpgrade.Outcome(List.of(), List.of(), List.of()), again);
    }

    @Test
    void aDatabaseThatNeverGotTheStarterDatasetIsLeftToTheLoader() throws Exception {
        migrate(null);
        assertEquals(List.of("0"), strings("select count(*) from event"));
        assertEquals(List.of("0"), strings("select count(*) from event_link"));
    }

    /**
     * V18 copies the children of events that span many of its chunks of a thousand: each event gets its own, none is missed,
     * and a copy an earlier start wrote is kept.
     */
    @Test
    void eachEventGetsTheCopyOfItsOwnChildren() throws Exception {
        migrate("18");
        UUID company = UUID.randomUUID();
        execute("insert into company (id, name, name_key, ticker, segment, created_at, updated_at, version)"
                + " values (?, 'Quote \"and\" back\\slash Ltd', 'quote and back', null, 'FOUNDRY', current_timestamp,"
                + " current_timestamp, 0)",
                company);
        List<UUID> events = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            UUID id = UUID.randomUUID();
            events.add(id);
            execute("insert into event (id, type, occurred_on, date_precision, title, search_text, created_at, updated_at, version)"
                    + " values (?, 'OTHER', date '2024-01-01', 'DAY', ?, '', current_timestamp, current_timestamp, 0)", id, "event " + i);
            if (i % 3 != 0) {
                execute("insert into event_tag (event_id, position, tag) values (?, 0, ?)", id, "tag-" + i);
                execute("insert into event_tag (event_id, position, tag) values (?, 1, 'second')", id);
            }
            if (i % 5 == 0) {
                execute("insert into event_participant (event_id, position, company_id, role) values (?, 0, ?, 'SUBJECT')", id, company);
                execute("insert into event_source (event_id, position, url, publisher, title, published_on)"
                        + " values (?, 0, ?, 'Ünïcode Press', null, date '2024-02-29')", id, "https://example.com/" + i);
            }
        }
        // A start cut short left the column and some copies (as the next start finds them; V18 commits each thousand).
        String resumed = "{\"t\": [], \"p\": [], \"s\": []}";
        execute("alter table event add column children_json varchar(1000000)");
        execute("update event set children_json = ? where id = ?", resumed, events.get(3));
        migrate(null);

        assertEquals(List.of("2345"), strings("select count(*) from event where children_json is not null"));
        assertEquals(List.of(resumed), strings("select children_json from event where id = ?", events.get(3)), "kept, not written again");
        assertEachCopyIsWhatItsTablesHold();
        EventChildren.Shown fifth = EventChildren.read(strings("select children_json from event where id = ?", events.get(5)).get(0));
        assertEquals(List.of(new ParticipantResponse(company, "Quote \"and\" back\\slash Ltd", null, ParticipantRole.SUBJECT)),
                fifth.participants());
        assertEquals(List.of("tag-5", "second"), fifth.tags());
        assertEquals(List.of(new SourceDto("https://example.com/5", "Ünïcode Press", null, LocalDate.of(2024, 2, 29))), fifth.sources());
        assertEquals(new EventChildren.Shown(List.of(), List.of(), List.of()),
                EventChildren.read(strings("select children_json from event where id = ?", events.get(3)).get(0)));
    }

    // ---- helpers ----

    /** Each event's copy of its participants (with their company's name and ticker), tags and sources against its tables. */
    private void assertEachCopyIsWhatItsTablesHold() throws SQLException {
        List<String> ids = strings("select id from event");
        assertTrue(!ids.isEmpty());
        for (String id : ids) {
            EventChildren.Shown copy = EventChildren.read(strings("select children_json from event where id = ?", id).get(0));
            assertEquals(strings("select p.company_id || '|' || c.name || '|' || coalesce(c.ticker, '-') || '|' || p.role"
                    + " from event_participant p join company c on c.id = p.company_id where p.event_id = ? order by p.position", id),
                    copy.participants().stream().map(p -> p.companyId() + "|" + p.name() + "|" + (p.ticker() == null ? "-" : p.ticker())
                            + "|" + p.role()).toList(),
                    id);
            assertEquals(strings("select tag from event_tag where event_id = ? order by position", id), copy.tags(), id);
            assertEquals(strings("select url || '|' || coalesce(publisher, '-') || '|' || coalesce(title, '-') || '|'"
                    + " || coalesce(cast(published_on as varchar(10)), '-') from event_source where event_id = ? order by position", id),
                    copy.sources().stream().map(s -> s.url() + "|" + (s.publisher() == null ? "-" : s.publisher()) + "|"
                            + (s.title() == null ? "-" : s.title()) + "|" + (s.publishedOn() == null ? "-" : s.publishedOn())).toList(),
                    id);
        }
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    /** How many starter events the upgrade added: those that had no revision before it and have one now. */
    private long added(Map<String, Long> revisionsBefore, StarterDataset.Dataset dataset) throws SQLException {
        long added = 0;
        for (StarterDataset.StarterEvent e : dataset.events()) {
            if (revisionsBefore.get(e.id().toString()) == null && !strings("select id from event where id = ?", e.id()).isEmpty()) {
                added++;
            }
        }
        return added;
    }

    /** Migrates to the latest version, or to the last one before `target`. */
    private void migrate(String target) throws SQLException {
        var config = Flyway.configure().dataSource(url, USER, PASSWORD)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + (POSTGRES ? "postgresql" : "h2"));
        if (POSTGRES) {
            config.schemas(schema).defaultSchema(schema).createSchemas(true);
        }
        if (target != null) {
            MigrationVersion before = MigrationVersion.fromVersion(target);
            config.target(Arrays.stream(config.load().info().all()).map(MigrationInfo::getVersion)
                    .filter(v -> v != null && v.compareTo(before) < 0).max(MigrationVersion::compareTo).orElseThrow());
        }
        config.load().migrate();
        if (db == null) {
            db = DriverManager.getConnection(url, USER, PASSWORD);
            if (POSTGRES) {
                try (Statement s = db.createStatement()) {
                    s.execute("SET search_path TO " + schema + ", public");
                }
            }
        }
    }

    private void load(String resource) throws Exception {
        String sql = new String(StarterLedgerUpgradeTest.class.getResourceAsStream(resource).readAllBytes(), StandardCharsets.UTF_8);
        try (Statement s = db.createStatement()) {
            for (String line : sql.split("\n")) {
                if (line.startsWith("INSERT ")) {
                    s.execute(line.substring(0, line.length() - 1));
                }
            }
        }
    }

    private String kindOf(String externalId) throws SQLException {
        List<String> kinds = strings("select coalesce(amount_kind, '-') from event where external_id = ?", externalId);
        return kinds.get(0).equals("-") ? null : kinds.get(0);
    }

    private EventResponse lastState(String id) throws Exception {
        String state = strings("select state from event_revision where event_id = ? and revision ="
                + " (select max(revision) from event_revision where event_id = ?)", UUID.fromString(id), UUID.fromString(id)).get(0);
        return json.readValue(state, EventResponse.class);
    }

    private Map<String, Long> revisionsPerEvent() throws SQLException {
        return strings("select event_id || ' ' || count(*) from event_revision group by event_id").stream()
                .collect(Collectors.toMap(r -> r.split(" ")[0], r -> Long.parseLong(r.split(" ")[1])));
    }

    private List<String> strings(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                statement.setObject(i + 1, p instanceof String s && s.length() == 36 && s.charAt(8) == '-' ? UUID.fromString(s) : p);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }
}

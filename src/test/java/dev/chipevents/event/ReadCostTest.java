package dev.chipevents.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.chipevents.common.db.Sql;
import dev.chipevents.event.search.EventSearch;
import dev.chipevents.support.TestData;

/**
 * What reads cost the database: a page or one event is a fixed number of statements however many
 * participants, tags and sources its events have (no N+1), and cached statistics never hide a write.
 * Statements are counted with Hibernate's statistics (on in the test profile) and the plain-SQL path's own count.
 * Both counts are the whole application's, so background readers must not fall into a measurement. The change feed
 * reads the change log a moment after every commit (woken by the commit on H2, by PostgreSQL's NOTIFY), which is just
 * when a test's first GET after its setup runs: on PostgreSQL that made the first read count 4 in every try. So each
 * measurement waits until the count has stood still, and each figure is the fewest of three tries (the feed's periodic
 * read or a scheduled purge can still add one; such work only adds, never takes away).
 */
@QuarkusTest
class ReadCostTest {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    Sql sql;

    @Inject
    EventRepository events;

    @Inject
    EventSearch search;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void aPageCostsAFixedNumberOfStatementsWhateverItsSize() {
        String tag = "cost-" + TestData.unique("t").replace(" ", "-").toLowerCase();
        String company = TestData.createCompany();
        String previous = null;
        for (int i = 0; i < 12; i++) {
            Map<String, Object> body = TestData.eventWith("cost " + i, company);
            body.put("tags", List.of(tag, "second", "third"));
            body.put("sources", List.of(Map.of("url", "https://example.com/" + i, "publisher", "Example")));
            String id = TestData.createEvent(body).path("id");
            if (previous != null) {
                given().contentType(ContentType.JSON).body(Map.of("type", "FOLLOWS_UP", "eventId", previous))
                        .when().post("/api/v1/events/" + id + "/links").then().statusCode(201);
            }
            previous = id;
        }
        long small = fewestOf3(() -> given().queryParam("tag", tag).queryParam("limit", 2).when().get("/api/v1/events")
                .then().statusCode(200).body("items", hasSize(2)).body("items[0].tags", contains(tag, "second", "third"))
                .body("items[0].sources[0].publisher", equalTo("Example")));
        long large = fewestOf3(() -> given().queryParam("tag", tag).queryParam("limit", 12).when().get("/api/v1/events")
                .then().statusCode(200).body("items", hasSize(12)).body("items.participants.flatten().companyId", hasSize(12))
                .body("items.links.flatten()", hasSize(22)));
        if (dbKind.startsWith("postgres")) {
            assertEquals(2, small, "a page of 2: the rows with their participants, tags and sources, then the links");
        } else {
            assertEquals(3, small, "a page of 2: the rows with their participants, tags and sources, then each end of the links"
                    + " (H2ParsedStatementsTest)");
        }
        assertEquals(small, large, "a page of 12 costs what a page of 2 costs");
        long export = fewestOf3(() -> {
            String csv = given().queryParam("tag", tag).accept("text/csv").when().get("/api/v1/events")
                    .then().statusCode(200).extract().asString();
            assertEquals(13, csv.split("\r\n").length, "the header and the 12 events");
            assertTrue(csv.contains(tag + ";second;third") && csv.contains("\"\"publisher\"\":\"\"Example\"\""), csv);
        });
        assertEquals(1, export, "an export shows no links, so a batch of its rows is one statement");
    }

    @Test
    void oneEventCostsAFixedNumberOfStatementsAndWhileNothingChangedOneOnPostgresqlNoneOnH2() {
        long first = Long.MAX_VALUE;
        long again = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            Runnable read = aLinkedEventsRead();
            first = Math.min(first, statementsOf(read));
            again = Math.min(again, statementsOf(read));
        }
        if (dbKind.startsWith("postgres")) {
            assertEquals(2, first, "the change log's last number, then the event with its participants, tags, sources and links"
                    + " (two selects sent in one round trip)");
            assertEquals(1, again, "nothing changed since: the change log's last number only (EventCacheTest)");
        } else {
            // Only this process writes the embedded database, so it knows the change log's last number without asking.
            assertEquals(3, first, "the event with its participants, tags and sources, then each end of its links");
            assertEquals(0, again, "nothing changed since: answered from the cache, no statement (EventCacheTest)");
        }
    }

    /**
     * A GET of one event not read since its last write runs its statements on one connection straight from the pool:
     * no Hibernate session is opened for it (what that saved is in docs/benchmarks.md, "Leads tried and kept").
     */
    @Test
    void oneEventReadOpensNoHibernateSession() {
        Runnable read = aLinkedEventsRead();
        settled();
        long sessions = sessionFactory.getStatistics().getSessionOpenCount();
        long before = statements();
        read.run();
        assertTrue(statements() > before, "the event was read from the database, not from the cache");
        assertEquals(sessions, sessionFactory.getStatistics().getSessionOpenCount(), "sessions opened by one GET of an event");
    }

    /**
     * PostgreSQL: connections plan each statement for its parameters (what the search pages need, `PostgresPlans`), and
     * for the links of a page that planning cost several times running it. So they are read through the function
     * `event_links` (migration V19, in the place of V15's `event_children`), whose own setting lets it keep one plan for the
     * connection.
     */
    @Test
    void onPostgresqlTheLinksKeepOnePlanWhereEveryOtherStatementIsPlannedForItsParameters() {
        Assumptions.assumeTrue(dbKind.startsWith("postgres"), "plan_cache_mode is PostgreSQL's");
        assertEquals(List.of("force_custom_plan"),
                sql.query("select current_setting('plan_cache_mode')", List.of(), row -> row.getString(1)));
        List<String> settings = sql.query("select unnest(proconfig) from pg_proc where proname = 'event_links'", List.of(),
                row -> row.getString(1));
        assertEquals(List.of("plan_cache_mode=force_generic_plan"), settings);
        aLinkedEventsRead().run(); // the function's rows, through the API: a participant, two tags, a link
    }

    /** A new event with a participant, two tags and a link, and a GET of it that checks all of them. */
    private static Runnable aLinkedEventsRead() {
        String company = TestData.createCompany();
        Map<String, Object> body = TestData.eventWith("cost of one", company);
        body.put("tags", List.of("a", "b"));
        String id = TestData.createEvent(body).path("id");
        String other = TestData.createEvent(TestData.event("cost of one, linked")).path("id");
        given().contentType(ContentType.JSON).body(Map.of("type", "RESPONDS_TO", "eventId", other))
                .when().post("/api/v1/events/" + id + "/links").then().statusCode(201);
        return () -> given().when().get("/api/v1/events/" + id)
                .then().statusCode(200).body("participants[0].companyId", equalTo(company)).body("tags", contains("a", "b"))
                .body("links[0].eventId", equalTo(other));
    }

    @Test
    void statisticsShowEveryCommittedWriteAtOnce() {
        String tag = "stats-" + TestData.unique("t").replace(" ", "-").toLowerCase();
        // Asked twice: the second answer may come from the cache.
        for (int i = 0; i < 2; i++) {
            given().queryParam("groupBy", "month").queryParam("tag", tag).when().get("/api/v1/events/stats")
                    .then().statusCode(200).body("buckets", empty());
        }
        Map<String, Object> body = TestData.event("stats cache");
        body.put("tags", List.of(tag));
        body.put("occurredOn", "2024-11-22");
        body.put("amount", 4000000000L);
        body.put("amountKind", "INVESTMENT");
        body.put("currency", "USD");
        String id = TestData.createEvent(body).path("id");
        given().queryParam("groupBy", "month").queryParam("tag", tag).when().get("/api/v1/events/stats")
                .then().statusCode(200).body("buckets", hasSize(1)).body("buckets[0].key", equalTo("2024-11"))
                .body("buckets[0].count", equalTo(1)).body("buckets[0].amounts[0].kind", equalTo("INVESTMENT"))
                .body("buckets[0].amounts[0].currency", equalTo("USD")).body("buckets[0].amounts[0].sum", equalTo(4000000000L));
        given().contentType(ContentType.JSON).body(Map.of("occurredOn", "2023-02-01"))
                .header("If-Match", "\"0\"").contentType("application/merge-patch+json")
                .when().patch("/api/v1/events/" + id).then().statusCode(200);
        given().queryParam("groupBy", "quarter").queryParam("tag", tag).when().get("/api/v1/events/stats")
                .then().statusCode(200).body("buckets[0].key", equalTo("2023-Q1"));
        given().queryParam("groupBy", "month").queryParam("tag", tag).when().get("/api/v1/events/stats")
                .then().statusCode(200).body("buckets[0].key", equalTo("2023-02"));
        given().when().delete("/api/v1/events/" + id).then().statusCode(204);
        given().queryParam("groupBy", "month").queryParam("tag", tag).when().get("/api/v1/events/stats")
                .then().statusCode(200).body("buckets", empty());
        given().contentType("text/csv").body("type,occurredOn,title,tags\nOTHER,2022-06-30,imported," + tag + "\n")
                .when().post("/api/v1/events/import").then().statusCode(200);
        given().queryParam("groupBy", "year").queryParam("tag", tag).when().get("/api/v1/events/stats")
                .then().statusCode(200).body("buckets[0].key", equalTo("2022")).body("buckets[0].count", equalTo(1));
    }

    /**
     * An export reads its rows in batches of 500, the next one while the last is written (on a read-ahead thread, or by
     * the writer when none is free): either way each batch is read once, so 1,001 events are three statements. On H2 a
     * batch after a position is read in its parts (Keyset.afterInParts): the rest of the last date's events, then the
     * dates after it, two statements for each batch but the first.
     */
    @Test
    void anExportReadsEachBatchOnce() {
        String tag = "batches-" + TestData.unique("t").replace(" ", "-").toLowerCase();
        StringBuilder csv = new StringBuilder("type,occurredOn,title,tags\n");
        for (int i = 0; i < 1001; i++) {
            csv.append("OTHER,2021-").append(String.format("%02d-%02d", 1 + i % 12, 1 + i % 28)).append(",batch ").append(i).append(',')
                    .append(tag).append('\n');
        }
        given().contentType("text/csv").body(csv.toString()).when().post("/api/v1/events/import").then().statusCode(200)
                .body("created", equalTo(1001));
        long export = fewestOf3(() -> {
            String exported = given().queryParam("tag", tag).accept("text/csv").when().get("/api/v1/events")
                    .then().statusCode(200).extract().asString();
            assertEquals(1002, exported.split("\r\n").length, "the header and the 1,001 events");
        });
        if (dbKind.startsWith("postgres")) {
            assertEquals(3, export, "batches of 500, 500 and 1, each read once");
        } else {
            assertEquals(5, export, "batches of 500, 500 and 1, each read once, the second and third in two parts");
        }
    }

    @Test
    void anEventReadInsideAWriteShowsWhatTheWriteHasNotFlushedYet() {
        String id = TestData.createEvent(TestData.eventWith("as committed", TestData.createCompany())).path("id");
        AtomicReference<String> seen = new AtomicReference<>();
        RuntimeException rollback = new IllegalStateException("rolled back by the test");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Event event = events.findById(UUID.fromString(id));
            event.setTitle("changed, not flushed");
            seen.set(search.get(event.getId()).title());
            throw rollback;
        }));
        assertEquals(rollback, thrown);
        assertEquals("changed, not flushed", seen.get(), "the row is read by plain SQL, so the session is flushed first");
        given().when().get("/api/v1/events/" + id).then().statusCode(200).body("title", equalTo("as committed"));
    }

    /** The fewest statements of three runs of a request, after one run to warm anything lazily loaded (keys, caches). */
    private long fewestOf3(Runnable request) {
        request.run();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            fewest = Math.min(fewest, statementsOf(request));
        }
        return fewest;
    }

    private long statementsOf(Runnable request) {
        long before = settled();
        request.run();
        return statements() - before;
    }

    /** The statement count once no statement has run for 150 ms (at most 3 s): the change feed's read after a commit is done. */
    private long settled() {
        long count = statements();
        long deadline = System.nanoTime() + 3_000_000_000L;
        int still = 0;
        while (still < 3 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long now = statements();
            still = now == count ? still + 1 : 0;
            count = now;
        }
        return count;
    }

    /** Statements Hibernate prepared, and those run as plain SQL on its connections. */
    private long statements() {
        return sessionFactory.getStatistics().getPrepareStatementCount() + sql.statementCount();
    }
}

package dev.chipevents.event.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.chipevents.event.search.EventQuery;

/**
 * The monthly tally that statistics by month, quarter, year and type read: after every kind of write (create, replace
 * across months, patch of an amount, delete, restore, import with upsert, a link), what it answers is what the events
 * themselves answer, and its figures are the written ones.
 */
@QuarkusTest
class MonthTallyTest {

    private static final List<Map<String, String>> QUERIES = List.of(Map.of(), Map.of("type", "GOVERNMENT_AWARD"),
            Map.of("type", "GOVERNMENT_AWARD,IPO"), Map.of("from", "1931-02-01", "to", "1931-06-30"), Map.of("to", "1931-03-31"),
            Map.of("type", "IPO", "from", "1931-01-01"));

    @Inject
    EventStatistics statistics;

    @Inject
    MonthTally tally;

    @Test
    void everyKindOfWriteKeepsTheTallyEqualToTheEvents() {
        String tag = "tally-" + System.nanoTime();
        String award = create(Map.of("type", "GOVERNMENT_AWARD", "occurredOn", "1931-03-05", "title", "Award", "amount", 100,
                "amountKind", "AWARD", "currency", "USD", "tags", List.of(tag)));
        String ipo = create(Map.of("type", "IPO", "occurredOn", "1931-03-20", "title", "IPO", "amount", 7.5, "amountKind",
                "IPO_PROCEEDS", "currency", "EUR", "tags", List.of(tag)));
        String month = create(Map.of("type", "GOVERNMENT_AWARD", "occurredOn", "1931-03-01", "datePrecision", "MONTH", "title",
                "A month", "tags", List.of(tag)));
        assertTallyIsTheEvents();
        given().queryParam("groupBy", "month").queryParam("type", "GOVERNMENT_AWARD").queryParam("from", "1931-03-01")
                .queryParam("to", "1931-03-31").when().get("/api/v1/events/stats").then().statusCode(200)
                .body("buckets.key", equalTo(List.of("1931-03"))).body("buckets[0].count", equalTo(2))
                .body("buckets[0].amounts[0].sum", equalTo(100)).body("buckets[0].amounts[0].count", equalTo(1));

        // Replaced into another month with another amount; patched amount; deleted; restored.
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("type", "GOVERNMENT_AWARD", "occurredOn", "1931-05-02", "title", "Award, moved", "amount", 250,
                        "amountKind", "AWARD", "currency", "USD", "tags", List.of(tag)))
                .when().put("/api/v1/events/" + award).then().statusCode(200);
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"amount\": 9.25}")
                .when().patch("/api/v1/events/" + ipo).then().statusCode(200);
        assertTallyIsTheEvents();
        given().when().delete("/api/v1/events/" + month).then().statusCode(204);
        assertTallyIsTheEvents();
        given().when().post("/api/v1/events/" + month + "/restore").then().statusCode(200);
        given().when().delete("/api/v1/events/" + ipo).then().statusCode(204);
        assertTallyIsTheEvents();

        // An import that creates two and, by externalId, moves one of them in a second import (upsert).
        String first = """
                [{"type": "IPO", "occurredOn": "1931-06-30", "title": "Imported IPO", "amount": 3, "amountKind": "VALUATION",
                  "currency": "USD", "externalId": "%1$s-a", "tags": ["%1$s"]},
                 {"type": "GOVERNMENT_AWARD", "occurredOn": "1931-01-01", "datePrecision": "YEAR", "title": "A year",
                  "externalId": "%1$s-b", "tags": ["%1$s"]}]""".formatted(tag);
        given().contentType(ContentType.JSON).body(first).when().post("/api/v1/events/import").then().statusCode(200)
                .body("created", equalTo(2));
        String second = """
                [{"type": "IPO", "occurredOn": "1931-07-01", "title": "Imported IPO, moved", "amount": 4, "amountKind": "VALUATION",
                  "currency": "USD", "externalId": "%1$s-a", "tags": ["%1$s"]}]""".formatted(tag);
        given().contentType(ContentType.JSON).body(second).queryParam("mode", "upsert").when().post("/api/v1/events/import")
                .then().statusCode(200).body("updated", equalTo(1));
        // A link changes the event's revision, not what it counts as.
        given().contentType(ContentType.JSON).body(Map.of("type", "RESPONDS_TO", "eventId", award))
                .when().post("/api/v1/events/" + month + "/links").then().statusCode(201);
        assertTallyIsTheEvents();

        given().queryParam("groupBy", "month").queryParam("from", "1931-01-01").queryParam("to", "1931-12-31").when()
                .get("/api/v1/events/stats").then().statusCode(200)
                .body("buckets.key", equalTo(List.of("1931-03", "1931-05", "1931-07")))
                .body("buckets.count", equalTo(List.of(1, 1, 1)))
                .body("buckets[1].amounts[0].sum", equalTo(250)).body("buckets[2].amounts[0].kind", equalTo("VALUATION"))
                .body("buckets[2].amounts[0].sum", equalTo(4)).body("coarser.key", equalTo(List.of("1931")));
    }

    @Test
    void concurrentWritesToARowNotYetThereAllCount() throws Exception {
        String tag = "tally-race-" + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> writes = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                writes.add(() -> create(Map.of("type", "POLICY", "occurredOn", "1932-04-1" + (n % 9), "title", "Race " + n, "amount",
                        n + 1, "amountKind", "FUNDING_PROGRAM", "currency", "JPY", "tags", List.of(tag))));
            }
            for (Future<String> done : pool.invokeAll(writes)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        given().queryParam("groupBy", "quarter").queryParam("type", "POLICY").queryParam("from", "1932-01-01")
                .queryParam("to", "1932-12-31").when().get("/api/v1/events/stats").then().statusCode(200)
                .body("buckets.key", equalTo(List.of("1932-Q2"))).body("buckets[0].count", equalTo(16))
                .body("buckets[0].amounts[0].sum", equalTo(136)).body("buckets[0].amounts[0].currency", equalTo("JPY"));
        assertTallyIsTheEvents();
    }

    @Test
    void onlyTypesAndWholeMonthsAreAnsweredByTheTally() {
        assertTrue(MonthTally.answers(query(Map.of("type", "IPO", "from", "2024-02-01", "to", "2024-02-29")), StatsGrouping.month));
        assertFalse(MonthTally.answers(query(Map.of("from", "2024-02-02")), StatsGrouping.month), "from inside a month");
        assertFalse(MonthTally.answers(query(Map.of("to", "2024-02-28")), StatsGrouping.year), "to inside a month");
        assertFalse(MonthTally.answers(query(Map.of("tag", "ai")), StatsGrouping.month), "a tag");
        assertFalse(MonthTally.answers(query(Map.of("q", "wafer")), StatsGrouping.month), "words");
        assertFalse(MonthTally.answers(query(Map.of("currency", "USD")), StatsGrouping.type), "a currency");
        assertFalse(MonthTally.answers(query(Map.of()), StatsGrouping.day), "by day");
        assertFalse(MonthTally.answers(query(Map.of()), StatsGrouping.company), "by company");
    }

    /** For each query and grouping the tally answers, its answer and the events' are the same. */
    private void assertTallyIsTheEvents() {
        for (Map<String, String> parameters : QUERIES) {
            EventQuery query = query(parameters);
            for (StatsGrouping groupBy : List.of(StatsGrouping.month, StatsGrouping.quarter, StatsGrouping.year, StatsGrouping.type)) {
                assertTrue(MonthTally.answers(query, groupBy), parameters + " by " + groupBy);
                EventStats fromTally = QuarkusTransaction.requiringNew()
                        .call(() -> EventStats.of(groupBy, tally.rows(query, groupBy), Map.of()));
                EventStats fromEvents = QuarkusTransaction.requiringNew().call(() -> statistics.scan(query, groupBy));
                assertEquals(fromEvents, fromTally, parameters + " by " + groupBy);
            }
        }
    }

    private static EventQuery query(Map<String, String> parameters) {
        MultivaluedHashMap<String, String> map = new MultivaluedHashMap<>();
        new HashMap<>(parameters).forEach(map::add);
        return EventQuery.parse(map, EventQuery.FILTERS);
    }

    private static String create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/events").then().statusCode(201).extract().path("id");
    }
}

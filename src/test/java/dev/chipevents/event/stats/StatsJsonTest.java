package dev.chipevents.event.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.chipevents.event.search.EventQuery;
import dev.chipevents.support.TestData;

/**
 * A statistics answer is the JSON the application's mapper writes for it, written once for each answer the stats cache
 * hands out, and written again once a write makes the cache compute a new one.
 */
@QuarkusTest
class StatsJsonTest {

    @Inject
    StatsJson json;

    @Inject
    EventStatistics statistics;

    @Inject
    ObjectMapper mapper;

    @Test
    void aCachedAnswerIsWrittenOnceAndANewOneAfterAWrite() throws Exception {
        String tag = "stats-json-" + System.nanoTime();
        create(tag, "2023-05-04", 250);
        create(tag, "2023-07-09", 750);

        Response first = given().queryParam("groupBy", "month").queryParam("tag", tag).when().get("/api/v1/events/stats");
        first.then().statusCode(200).header("Content-Type", equalTo("application/json;charset=UTF-8"))
                .header("Content-Length", equalTo(String.valueOf(first.asByteArray().length)))
                .body("buckets.key", equalTo(List.of("2023-05", "2023-07"))).body("buckets.count", equalTo(List.of(1, 1)))
                .body("buckets[1].amounts[0].sum", equalTo(750));
        Response second = given().queryParam("groupBy", "month").queryParam("tag", tag).when().get("/api/v1/events/stats");
        assertArrayEquals(first.asByteArray(), second.asByteArray());

        EventStats answer = statistics.of(query(tag), StatsGrouping.month);
        assertSame(answer, statistics.of(query(tag), StatsGrouping.month), "the cache hands out one answer");
        byte[] written = json.of(answer);
        assertSame(written, json.of(answer));
        assertArrayEquals(mapper.writeValueAsBytes(answer), written);
        assertEquals(mapper.readTree(written), mapper.readTree(first.asByteArray()));

        create(tag, "2023-07-20", 1000);
        EventStats after = statistics.of(query(tag), StatsGrouping.month);
        assertNotSame(answer, after);
        assertEquals(2, mapper.readTree(json.of(after)).at("/buckets/1/count").asInt());
        given().queryParam("groupBy", "month").queryParam("tag", tag).when().get("/api/v1/events/stats").then().statusCode(200)
                .body("buckets.count", equalTo(List.of(1, 2))).body("buckets[1].amounts[0].sum", equalTo(1750));
    }

    private static EventQuery query(String tag) {
        MultivaluedHashMap<String, String> parameters = new MultivaluedHashMap<>();
        parameters.add("tag", tag);
        return EventQuery.parse(parameters, EventQuery.FILTERS);
    }

    private static void create(String tag, String occurredOn, int amount) {
        Map<String, Object> body = TestData.event(TestData.unique("stats json"));
        body.put("occurredOn", occurredOn);
        body.put("amount", amount);
        body.put("currency", "USD");
        body.put("amountKind", "INVESTMENT");
        body.put("tags", List.of(tag));
        TestData.createEvent(body);
    }
}

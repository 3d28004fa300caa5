package dev.chipevents.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import dev.chipevents.event.search.EventSearch;
import dev.chipevents.support.TestData;

/**
 * CHIP_EVENTS_EVENT_CACHE_SIZE=0: an event read by id is still answered with the JSON the application's mapper writes, as
 * bytes, with the headers of a cached answer and the same JSON as its list item, but nothing is kept: each read writes it
 * again, and a change shows at once.
 */
@QuarkusTest
@TestProfile(EventJsonCacheOffTest.CacheOff.class)
class EventJsonCacheOffTest {

    public static class CacheOff implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chip-events.event-cache.size", "0");
        }
    }

    @Inject
    EventJson json;

    @Inject
    EventSearch search;

    @Inject
    ObjectMapper mapper;

    @Test
    void anEventReadByIdIsTheJsonItsListItemIsWrittenForEachRead() throws Exception {
        String company = TestData.createCompany();
        Map<String, Object> body = TestData.eventWith(TestData.unique("cache off"), company);
        body.put("amount", 52700000000L);
        body.put("currency", "USD");
        body.put("amountKind", "INVESTMENT");
        body.put("tags", List.of("chips-act"));
        String id = TestData.createEvent(body).path("id");

        Response read = given().when().get("/api/v1/events/" + id);
        read.then().statusCode(200).header("Content-Type", equalTo("application/json;charset=UTF-8"))
                .header("ETag", equalTo("\"0\"")).header("Content-Length", equalTo(String.valueOf(read.asByteArray().length)))
                .body("amount", equalTo(52700000000L)).body("amountKind", equalTo("INVESTMENT"));
        JsonNode listed = mapper.readTree(given().when().get("/api/v1/events?company=" + company).then().statusCode(200)
                .extract().asByteArray()).get("items");
        assertEquals(1, listed.size());
        assertEquals(listed.get(0), mapper.readTree(read.asByteArray()));
        given().header("If-None-Match", "\"0\"").when().get("/api/v1/events/" + id).then().statusCode(304)
                .header("ETag", equalTo("\"0\"")).body(emptyString());

        EventResponse answer = search.get(UUID.fromString(id));
        byte[] written = json.of(answer);
        byte[] again = json.of(answer);
        assertNotSame(written, again);
        assertArrayEquals(written, again);
        assertArrayEquals(mapper.writeValueAsBytes(answer), written);

        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body(Map.of("title", "changed at once"))
                .when().patch("/api/v1/events/" + id).then().statusCode(200);
        given().when().get("/api/v1/events/" + id).then().statusCode(200).body("title", equalTo("changed at once"))
                .header("ETag", equalTo("\"1\""));
    }
}

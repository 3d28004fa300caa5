package dev.chipevents.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.chipevents.event.search.EventSearch;
import dev.chipevents.support.TestData;

/**
 * An event read by id is answered with JSON written once for each answer the event cache hands out: the same JSON, with
 * the same headers, that the REST layer writes for that event in a list, and new JSON once the event changes.
 */
@QuarkusTest
class EventJsonTest {

    @Inject
    EventJson json;

    @Inject
    EventSearch search;

    @Inject
    ObjectMapper mapper;

    @Test
    void anEventReadByIdIsTheJsonItsListItemIs() throws Exception {
        String company = TestData.createCompany();
        Map<String, Object> body = TestData.eventWith(TestData.unique("written once"), company);
        body.put("amount", 1250000000);
        body.put("currency", "USD");
        body.put("amountKind", "INVESTMENT");
        body.put("tags", List.of("fab", "arizona"));
        body.put("sources", List.of(Map.of("url", "https://example.com/a", "title", "Source A")));
        String id = TestData.createEvent(body).path("id");

        Response first = given().when().get("/api/v1/events/" + id);
        first.then().statusCode(200).header("Content-Type", equalTo("application/json;charset=UTF-8"))
                .header("ETag", equalTo("\"0\"")).header("Content-Length", equalTo(String.valueOf(first.asByteArray().length)));
        Response second = given().when().get("/api/v1/events/" + id);
        second.then().statusCode(200).header("Content-Type", equalTo("application/json;charset=UTF-8")).header("ETag", equalTo("\"0\""));
        assertArrayEquals(first.asByteArray(), second.asByteArray());

        JsonNode listed = mapper.readTree(given().when().get("/api/v1/events?company=" + company).then().statusCode(200)
                .extract().asByteArray()).get("items");
        assertEquals(1, listed.size());
        assertEquals(listed.get(0), mapper.readTree(first.asByteArray()));
        assertEquals(List.of("fab", "arizona"), first.jsonPath().getList("tags"));
        assertEquals("Source A", first.jsonPath().getString("sources[0].title"));

        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body(Map.of("title", "written twice"))
                .when().patch("/api/v1/events/" + id).then().statusCode(200);
        given().when().get("/api/v1/events/" + id).then().statusCode(200).body("title", equalTo("written twice"))
                .header("ETag", equalTo("\"1\""));
    }

    @Test
    void oneAnswerIsWrittenOnceAndAnEqualCopyOnItsOwn() throws Exception {
        String id = TestData.createEvent(TestData.event(TestData.unique("kept answer"))).path("id");
        EventResponse answer = search.get(UUID.fromString(id));

        byte[] written = json.of(answer);
        assertSame(written, json.of(answer));
        assertArrayEquals(mapper.writeValueAsBytes(answer), written);

        EventResponse copy = mapper.readValue(written, EventResponse.class);
        assertEquals(answer, copy);
        byte[] writtenForCopy = json.of(copy);
        assertNotSame(written, writtenForCopy);
        assertArrayEquals(written, writtenForCopy);
    }
}

package dev.chipevents.history;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.chipevents.support.TestData;

/** A restated figure, who changed it and when, the event as it stood, and a deleted event brought back. */
@QuarkusTest
class HistoryTest {

    @Test
    void keepsEveryRevisionShowsPastStatesAndRestoresADeletedEvent() throws Exception {
        String editor = TestData.createKey("editor");
        Map<String, Object> body = TestData.event("Nvidia loses market value");
        body.put("type", "STOCK_MOVE");
        body.put("percentChange", -16.97);
        body.put("amount", 593000000000L);
        body.put("amountKind", "MARKET_VALUE_LOSS");
        body.put("currency", "USD");
        String id = given().header("X-API-Key", editor).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events").then().statusCode(201).extract().path("id");
        Thread.sleep(5);
        Instant beforeRestatement = Instant.now();
        Thread.sleep(5);
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"amount\": 589000000000}")
                .when().patch("/api/v1/events/" + id).then().statusCode(200).body("amount", equalTo(589000000000L));

        given().when().get("/api/v1/events/" + id + "?asOf=" + beforeRestatement)
                .then().statusCode(200).body("amount", equalTo(593000000000L)).body("version", equalTo(0));

        given().header("If-Match", "\"1\"").when().delete("/api/v1/events/" + id).then().statusCode(204);
        given().when().get("/api/v1/events/" + id + "/history")
                .then().statusCode(200)
                .body("eventId", equalTo(id))
                .body("revisions", hasSize(3))
                .body("revisions.operation", equalTo(List.of("CREATE", "UPDATE", "DELETE")))
                .body("revisions[0].state.amount", equalTo(593000000000L))
                .body("revisions[1].state.amount", equalTo(589000000000L))
                .body("revisions[1].changedBy", equalTo("bootstrap-admin"))
                .body("revisions[0].changedBy", equalTo(TestData.changedByKey(editor)));
        given().when().get("/api/v1/events/" + id + "?asOf=" + Instant.now())
                .then().statusCode(404).body("detail", containsString("deleted"));
        given().header("X-API-Key", editor).when().post("/api/v1/events/" + id + "/restore").then().statusCode(403);
        given().when().post("/api/v1/events/" + id + "/restore")
                .then().statusCode(200).body("id", equalTo(id)).body("amount", equalTo(589000000000L));
        given().when().get("/api/v1/events/" + id).then().statusCode(200).body("title", equalTo("Nvidia loses market value"));
        given().when().post("/api/v1/events/" + id + "/restore").then().statusCode(409);
        given().when().get("/api/v1/events/" + id + "/history").then().body("revisions[3].operation", equalTo("RESTORE"));
    }

    @Test
    void refusesABadAsOfAndUnknownHistories() {
        String id = TestData.createEvent(TestData.event("Timeless")).path("id");
        given().header(INVALID_ON_PURPOSE, "true").queryParam("asOf", "yesterday").when().get("/api/v1/events/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().when().get("/api/v1/events/" + id + "?asOf=2000-01-01T00:00:00Z").then().statusCode(404);
        given().when().get("/api/v1/events/01a22356-0000-7000-8000-000000000000/history").then().statusCode(404);
    }
}

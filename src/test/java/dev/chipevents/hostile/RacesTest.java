package dev.chipevents.hostile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.chipevents.support.TestData;

/** Ten clients racing for the same write: one wins, the others get 409 or 412, never a 500, and nothing is written twice. */
@QuarkusTest
class RacesTest {

    private static final int RACERS = 10;

    private static List<Integer> race(IntSupplier request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<Callable<Integer>> racers = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                racers.add(request::getAsInt);
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(racers)) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(List<Integer> statuses, int status) {
        return statuses.stream().filter(s -> s == status).count();
    }

    @Test
    void restoringTheSameEventTenTimesAtOnce() throws Exception {
        String id = TestData.createEvent(TestData.event("Restored by a crowd")).path("id");
        given().when().delete("/api/v1/events/" + id).then().statusCode(204);
        List<Integer> statuses = race(() -> given().when().post("/api/v1/events/" + id + "/restore").then().extract().statusCode());
        assertEquals(1, count(statuses, 200), "one restore wins: " + statuses);
        assertEquals(RACERS - 1, count(statuses, 409), "the others are told it exists: " + statuses);
        given().when().get("/api/v1/events/" + id + "/history").then().statusCode(200)
                .body("revisions.operation", equalTo(List.of("CREATE", "DELETE", "RESTORE")));
    }

    @Test
    void creatingTheSameExternalIdTenTimesAtOnce() throws Exception {
        String externalId = "race-" + System.nanoTime();
        Map<String, Object> body = TestData.event("One of many");
        body.put("externalId", externalId);
        List<Integer> statuses = race(() -> given().contentType(ContentType.JSON).body(body).when().post("/api/v1/events")
                .then().extract().statusCode());
        assertEquals(1, count(statuses, 201), statuses.toString());
        assertEquals(RACERS - 1, count(statuses, 409), statuses.toString());
        given().queryParam("q", "one of many").queryParam("withTotal", true).when().get("/api/v1/events").then()
                .body("items.findAll { it.externalId == '" + externalId + "' }.size()", equalTo(1));
    }

    @Test
    void upsertingTheSameNewRowTenTimesAtOnce() throws Exception {
        String externalId = "race-import-" + System.nanoTime();
        String rows = "[{\"type\": \"OTHER\", \"occurredOn\": \"2025-01-01\", \"title\": \"Raced import\", \"externalId\": \"" + externalId
                + "\"}]";
        List<Integer> statuses = race(() -> given().contentType(ContentType.JSON).body(rows).queryParam("mode", "upsert")
                .when().post("/api/v1/events/import").then().extract().statusCode());
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409 || s == 429), "200, 409 or 429 only: " + statuses);
        assertTrue(count(statuses, 200) >= 1, statuses.toString());
        given().queryParam("q", "raced import").when().get("/api/v1/events").then()
                .body("items.findAll { it.externalId == '" + externalId + "' }.size()", equalTo(1));
    }

    @Test
    void patchingWithTheSameETagTenTimesAtOnce() throws Exception {
        String id = TestData.createEvent(TestData.event("Patched by a crowd")).path("id");
        List<Integer> statuses = race(() -> given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"summary\": \"mine\"}").when().patch("/api/v1/events/" + id).then().extract().statusCode());
        assertEquals(1, count(statuses, 200), statuses.toString());
        assertEquals(RACERS - 1, count(statuses, 412), statuses.toString());
        given().when().get("/api/v1/events/" + id).then().body("version", equalTo(1));
    }

    @Test
    void creatingTheSameCompanyTenTimesAtOnce() throws Exception {
        Map<String, Object> company = TestData.company(TestData.unique("Raced Co"));
        List<Integer> statuses = race(() -> given().contentType(ContentType.JSON).body(company).when().post("/api/v1/companies")
                .then().extract().statusCode());
        assertEquals(1, count(statuses, 201), statuses.toString());
        assertEquals(RACERS - 1, count(statuses, 409), statuses.toString());
    }
}

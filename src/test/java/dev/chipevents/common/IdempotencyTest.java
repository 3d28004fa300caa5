package dev.chipevents.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.chipevents.support.TestData;

/** A retried POST with the same Idempotency-Key is one row, however the retries arrive. */
@QuarkusTest
class IdempotencyTest {

    @Test
    void aRetryReplaysTheFirstAnswerAndAnotherBodyIsA422() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = TestData.event(TestData.unique("Idempotent"));
        Response first = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events").then().statusCode(201).extract().response();
        Response again = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events").then().statusCode(201).header("Idempotent-Replayed", "true").extract().response();
        assertEquals((String) first.path("id"), again.path("id"));
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.header("ETag"), again.header("ETag"));
        given().queryParam("q", ((String) body.get("title")).toLowerCase()).queryParam("withTotal", true)
                .when().get("/api/v1/events").then().body("total", equalTo(1));

        body.put("title", "Something else");
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events").then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Idempotency-Key reused"));
    }

    @Test
    void manyClientsSendingTheSameKeyAtOnceMakeExactlyOneRow() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> company = TestData.company(TestData.unique("Concurrent"));
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(company)
                        .when().post("/api/v1/companies").then().extract().response();
            }));
        }
        start.countDown();
        List<String> ids = new ArrayList<>();
        for (Future<Response> answer : answers) {
            Response r = answer.get();
            assertTrue(r.statusCode() == 201 || r.statusCode() == 409, "status " + r.statusCode() + ": " + r.asString());
            if (r.statusCode() == 201) {
                ids.add(r.path("id"));
            }
        }
        pool.shutdown();
        assertTrue(!ids.isEmpty());
        assertEquals(1, ids.stream().distinct().count(), ids.toString());
        given().queryParam("q", ((String) company.get("name")).toLowerCase()).queryParam("withTotal", true)
                .when().get("/api/v1/companies").then().body("total", equalTo(1));
        // After the race, a retry gets the one answer.
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(company)
                .when().post("/api/v1/companies").then().statusCode(201).body("id", equalTo(ids.get(0)));
    }
}

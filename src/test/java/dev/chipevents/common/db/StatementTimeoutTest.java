package dev.chipevents.common.db;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A statement past CHIP_EVENTS_QUERY_TIMEOUT_MS is cancelled by the database and answered with a 503 problem. */
@QuarkusTest
@TestProfile(StatementTimeoutTest.ShortLimit.class)
class StatementTimeoutTest {

    public static class ShortLimit implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chip-events.query-timeout-ms", "300");
        }
    }

    @Test
    void aStatementPastTheLimitIsCancelledAndAnswered503() {
        given().when().post("/test-support/slow-statement")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", equalTo("5"))
                .body("detail", containsString("CHIP_EVENTS_QUERY_TIMEOUT_MS"));
        given().queryParam("limit", 1).when().get("/api/v1/events").then().statusCode(200);
    }
}

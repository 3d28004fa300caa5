package dev.chipevents.common.db;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
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

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    /**
     * Also on the connections opened during start-up, which are not closed to get it: an embedded H2 closes its
     * database with its last connection and compacts the file first, which on a large file failed the start.
     */
    @Test
    void aStatementPastTheLimitIsCancelledAndAnswered503() {
        double created = pool("agroal_creation_count_total");
        assertTrue(created >= 1, "connections opened during start-up");
        assertEquals(0, pool("agroal_destroy_count_total"), "no connection closed since start-up");
        given().when().post("/test-support/slow-statement")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", equalTo("5"))
                .body("detail", containsString("CHIP_EVENTS_QUERY_TIMEOUT_MS"));
        given().queryParam("limit", 1).when().get("/api/v1/events").then().statusCode(200);
        assertEquals(created, pool("agroal_creation_count_total"), "the statements ran on connections opened during start-up");
        assertEquals(0, pool("agroal_destroy_count_total"), "and none of them was closed");
    }

    /** One of the default pool's counters, from the metrics the management interface serves. */
    private double pool(String metric) {
        String text = given().when().get(metrics).then().statusCode(200).extract().asString();
        Matcher found = Pattern.compile("(?m)^" + metric + "\\{[^}]*datasource=\"default\"[^}]*\\} (\\S+)$").matcher(text);
        assertTrue(found.find(), metric + " in the metrics");
        return Double.parseDouble(found.group(1));
    }
}

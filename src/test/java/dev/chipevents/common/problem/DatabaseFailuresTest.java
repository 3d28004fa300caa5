package dev.chipevents.common.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A full disk or a closed, unreachable database answers 503 with a problem naming it, not a 500 "internal error":
 * on the embedded H2 a full disk closed the database and every request after it failed (seen at 1,000,000 events).
 */
@QuarkusTest
class DatabaseFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = { "h2-write", "h2-batch", "h2-closed", "postgres-disk-full" })
    void aFullDiskIsNamed(String as) {
        given().queryParam("as", as).when().post("/test-support/database-failure")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", equalTo("60"))
                .body("type", equalTo(Problem.TYPE_PREFIX + "storage-full")).body("title", equalTo("Database storage full"))
                .body("status", equalTo(503)).body("detail", containsString("no space is left on the device"))
                .body("detail", containsString("CHIP_EVENTS_DATA_DIR")).body("instance", equalTo("/test-support/database-failure"));
    }

    @Test
    void anUnreachableDatabaseIsNamed() {
        given().queryParam("as", "unreachable").when().post("/test-support/database-failure")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", equalTo("10"))
                .body("type", equalTo(Problem.TYPE_PREFIX + "database-unavailable"))
                .body("detail", containsString("cannot be reached or has been closed"));
    }

    @Test
    void anythingElseIsStillAnInternalError() {
        given().queryParam("as", "other").when().post("/test-support/database-failure")
                .then().statusCode(500).contentType("application/problem+json").header("Retry-After", nullValue())
                .body("type", equalTo(Problem.TYPE_PREFIX + "internal-error")).body("detail", containsString("Incident"));
    }
}

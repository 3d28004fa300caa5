package dev.chipevents.security;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import dev.chipevents.support.TestData;

/** Writes are rate-limited per key, failed authentications per client address: 429 with Retry-After. */
@QuarkusTest
@TestProfile(RateLimitTest.TightLimits.class)
class RateLimitTest {

    public static class TightLimits implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chip-events.security.rate-limit.writes-per-minute", "3",
                    "chip-events.security.rate-limit.failed-authentications-per-minute", "2");
        }
    }

    @Test
    void writesBeyondTheKeysLimitGet429WithRetryAfter() {
        String key = "rate-limited-" + System.nanoTime();
        // a key of its own through the bootstrap admin (the admin key's own bucket is separate)
        String editor = given().contentType(ContentType.JSON).body(Map.of("name", key, "role", "editor"))
                .when().post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
        for (int i = 0; i < 3; i++) {
            given().header("X-API-Key", editor).contentType(ContentType.JSON).body(TestData.event("Limited " + i))
                    .when().post("/api/v1/events")
                    .then().statusCode(201).header("RateLimit-Limit", "3").header("RateLimit-Remaining", String.valueOf(2 - i));
        }
        given().header("X-API-Key", editor).contentType(ContentType.JSON).body(TestData.event("One too many"))
                .when().post("/api/v1/events")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).header("RateLimit-Remaining", "0").header("RateLimit-Limit", "3")
                .body("detail", containsString("3 writes per minute"));
        given().header("X-API-Key", editor).when().get("/api/v1/events").then().statusCode(200);
    }

    @Test
    void repeatedFailedAuthenticationsFromOneAddressGet429() {
        for (int i = 0; i < 2; i++) {
            given().header("X-API-Key", "wrong-" + i).header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON)
                    .body(TestData.event("x")).when().post("/api/v1/events")
                    .then().statusCode(401).body("status", equalTo(401));
        }
        given().header("X-API-Key", "wrong-again").header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON)
                .body(TestData.event("x")).when().post("/api/v1/events")
                .then().statusCode(429).header("Retry-After", notNullValue()).body("detail", containsString("failed authentications"));
    }
}

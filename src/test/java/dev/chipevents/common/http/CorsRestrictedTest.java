package dev.chipevents.common.http;

import static dev.chipevents.common.http.CorsTest.REQUEST_HEADERS;
import static dev.chipevents.common.http.CorsTest.containsAll;
import static dev.chipevents.support.CredentialsFilter.ANONYMOUS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import dev.chipevents.support.TestData;

/** With CHIP_EVENTS_CORS_ORIGINS set, only those origins (and the app's own pages) may call; others get a problem. */
@QuarkusTest
@TestProfile(CorsRestrictedTest.ListedOrigins.class)
class CorsRestrictedTest {

    static final String LISTED = "https://app.example";
    static final String REFUSED = "https://evil.example";

    public static class ListedOrigins implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chip-events.cors.origins", LISTED + ",/https://[a-z]+\\.staging\\.example/");
        }
    }

    @Test
    void aListedOriginGetsItsOwnOriginBack() {
        given().header(ANONYMOUS, "true").header("Origin", LISTED).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-api-key")
                .when().options("/api/v1/events")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", LISTED)
                .header("Access-Control-Allow-Credentials", nullValue())
                .header("Access-Control-Allow-Headers", containsAll(REQUEST_HEADERS))
                .header("Vary", containsStringIgnoringCase("Origin"));
        given().header(ANONYMOUS, "true").header("Origin", LISTED).queryParam("limit", 1)
                .when().get("/api/v1/events")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", LISTED)
                .header("Vary", containsStringIgnoringCase("Origin"));
        given().header(ANONYMOUS, "true").header("Origin", "https://preview.staging.example").queryParam("limit", 1)
                .when().get("/api/v1/events")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://preview.staging.example");
    }

    @Test
    void aRefusedOriginGetsAProblemNamingItAndTheSetting() {
        given().header(ANONYMOUS, "true").header("Origin", REFUSED).queryParam("limit", 1)
                .when().get("/api/v1/events")
                .then().statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue())
                .body("type", equalTo("urn:chip-events:problem:origin-not-allowed"))
                .body("title", equalTo("Origin not allowed"))
                .body("status", equalTo(403))
                .body("detail", containsString(REFUSED))
                .body("detail", containsString("CHIP_EVENTS_CORS_ORIGINS"))
                .body("instance", equalTo("/api/v1/events"));
        given().header(ANONYMOUS, "true").header("Origin", REFUSED).header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/events")
                .then().statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue())
                .body("detail", containsString(REFUSED));
    }

    @Test
    void theAppsOwnPagesStillWrite() {
        // Swagger UI, served by the app, sends its own origin with every write.
        given().header("Origin", "http://localhost:" + RestAssured.port).contentType(ContentType.JSON)
                .body(TestData.company(TestData.unique("Same Origin Company")))
                .when().post("/api/v1/companies")
                .then().statusCode(201);
    }
}

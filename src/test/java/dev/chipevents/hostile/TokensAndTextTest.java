package dev.chipevents.hostile;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import dev.chipevents.support.TestData;

/** Invisible and reordered text, tokens that claim too much, If-Match lists, caching of secrets, metrics off the public port. */
@QuarkusTest
class TokensAndTextTest {

    private static final String ISSUER = "https://test-issuer.chip-events";

    @TestHTTPResource(value = "/metrics", management = true)
    URL managementMetrics;

    @Test
    void textMadeOnlyOfInvisibleCharactersOrCarryingBidiOverridesIsRefused() {
        for (String title : List.of("\u200b", "\u200b\u200d\ufeff", " \u2060 ", "\u3164", "abc\u202edef", "\u2066x\u2069", "a\u202ab")) {
            Map<String, Object> event = TestData.event(title);
            given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(event).when().post("/api/v1/events")
                    .then().statusCode(400).body("errors[0].field", equalTo("title"));
        }
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(Map.of("name", "\u200b", "segment", "OTHER"))
                .when().post("/api/v1/companies").then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(Map.of("name", "key\u202e", "role", "reader"))
                .when().post("/api/v1/api-keys").then().statusCode(400).body("errors[0].field", equalTo("name"));
        // visible text with joiners, marks and right-to-left script stays as it is
        for (String title : List.of("Family 👨\u200d👩\u200d👧", "TSMC \u53f0\u7a4d\u96fb", "\u05e9\u05dc\u05d5\u05dd \u200f!")) {
            String id = TestData.createEvent(TestData.event(title)).path("id");
            given().when().get("/api/v1/events/" + id).then().statusCode(200).body("title", equalTo(title));
        }
    }

    @Test
    void tokensCannotClaimReservedOrUnstorableNamesNorComeFromTheFuture() throws Exception {
        PrivateKey key = KeyUtils.readPrivateKey("jwt/test-private-key.pem");
        Instant now = Instant.now();
        List<String> refused = List.of(
                Jwt.issuer(ISSUER).subject("bootstrap-admin").audience("chip-events").groups(Set.of("admin")).expiresIn(300).sign(key),
                Jwt.issuer(ISSUER).subject("System").audience("chip-events").groups(Set.of("admin")).expiresIn(300).sign(key),
                Jwt.issuer(ISSUER).subject("x".repeat(201)).audience("chip-events").groups(Set.of("editor")).expiresIn(300).sign(key),
                Jwt.issuer(ISSUER).subject("alice\u0000").audience("chip-events").groups(Set.of("editor")).expiresIn(300).sign(key),
                Jwt.issuer(ISSUER).subject("alice").audience("chip-events").groups(Set.of("editor")).issuedAt(now.plusSeconds(3600))
                        .expiresAt(now.plusSeconds(7200)).sign(key));
        for (String token : refused) {
            given().header(INVALID_ON_PURPOSE, "true").header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                    .body(TestData.event("Must not be written")).when().post("/api/v1/events")
                    .then().statusCode(401).contentType("application/problem+json");
        }
        String longest = "y".repeat(200);
        String fine = Jwt.issuer(ISSUER).subject(longest).audience("chip-events").groups(Set.of("editor")).expiresIn(300).sign(key);
        given().header("Authorization", "Bearer " + fine).contentType(ContentType.JSON).body(TestData.event("Long subject"))
                .when().post("/api/v1/events").then().statusCode(201).body("createdBy", equalTo(longest));
    }

    @Test
    void ifMatchPassesWhenAnyListedTagIsCurrentAlsoOnSeveralLines() {
        String id = TestData.createEvent(TestData.event(TestData.unique("Tagged"))).path("id");
        given().contentType("application/merge-patch+json").header("If-Match", "\"7\", \"0\"").body("{\"summary\": \"one\"}")
                .when().patch("/api/v1/events/" + id).then().statusCode(200);
        // the document declares one If-Match line; two lines are valid HTTP all the same
        given().header(INVALID_ON_PURPOSE, "true").contentType("application/merge-patch+json").header("If-Match", "\"7\"")
                .header("If-Match", "\"1\"")
                .body("{\"summary\": \"two\"}").when().patch("/api/v1/events/" + id).then().statusCode(200);
        given().header(INVALID_ON_PURPOSE, "true").contentType("application/merge-patch+json").header("If-Match", "\"7\"")
                .header("If-Match", "W/\"2\"").body("{\"summary\": \"three\"}").when().patch("/api/v1/events/" + id)
                .then().statusCode(412);
        given().header(INVALID_ON_PURPOSE, "true").header("If-None-Match", "\"9\"").header("If-None-Match", "\"2\"").when()
                .get("/api/v1/events/" + id)
                .then().statusCode(304);
    }

    @Test
    void keysAreNeverStoredByCachesAndPublicReadsRevalidate() {
        given().when().get("/api/v1/api-keys").then().statusCode(200).header("Cache-Control", "no-store");
        given().when().get("/api/v1/events").then().statusCode(200).header("Cache-Control", "private, no-cache");
    }

    @Test
    void metricsAreOnTheManagementPortOnly() {
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get(managementMetrics).then().statusCode(200).body(containsString("# TYPE jvm_"));
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void dateFiltersTakeOnlyIsoDaysInTheRange() {
        for (String day : List.of("0000-01-01", "-0001-01-01", "+99999-01-01", "+2025-01-01")) {
            for (String parameter : List.of("from", "to")) {
                given().header(INVALID_ON_PURPOSE, "true").queryParam(parameter, day).when().get("/api/v1/events")
                        .then().statusCode(400).body("errors[0].field", equalTo(parameter));
            }
        }
        given().queryParam("from", "0001-01-01").queryParam("to", "9999-12-31").when().get("/api/v1/events").then().statusCode(200);
    }
}

package dev.chipevents.common.http;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static dev.chipevents.support.CredentialsFilter.ANONYMOUS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Arrays;
import java.util.List;

import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.chipevents.support.TestData;

/** By default any origin may call from a browser, without credentials: "*" and the API's own headers. */
@QuarkusTest
class CorsTest {

    static final String ORIGIN = "https://frontend.example";
    static final String[] REQUEST_HEADERS = { "Content-Type", "Authorization", "X-API-Key", "If-Match", "If-None-Match", "Idempotency-Key",
            "Last-Event-ID" };
    static final String[] METHODS = { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" };
    static final String[] EXPOSED = { "ETag", "Location", "Link", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining",
            "Idempotent-Replayed" };

    static Matcher<String> containsAll(String... values) {
        List<Matcher<? super String>> each =
                Arrays.stream(values).<Matcher<? super String>>map(v -> containsStringIgnoringCase(v)).toList();
        return allOf(each);
    }

    @Test
    void aPreflightFromAnyOriginAllowsTheApisMethodsAndHeadersForADay() {
        given().header(ANONYMOUS, "true").header("Origin", ORIGIN).header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "content-type,x-api-key,if-match")
                .when().options("/api/v1/events/01a22356-0000-7000-8000-000000000000")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Credentials", nullValue())
                .header("Access-Control-Allow-Methods", containsAll(METHODS))
                .header("Access-Control-Allow-Headers", containsAll(REQUEST_HEADERS))
                .header("Access-Control-Max-Age", "86400");
    }

    @Test
    void aReadFromAnyOriginIsSharedWithTheHeadersAPageNeeds() {
        given().header(ANONYMOUS, "true").header("Origin", ORIGIN).queryParam("limit", 1)
                .when().get("/api/v1/events")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Credentials", nullValue())
                .header("Access-Control-Expose-Headers", containsAll(EXPOSED));
    }

    @Test
    void aKeyedWriteFromAnyOriginWorksAndItsProblemsAreReadable() {
        given().header(ANONYMOUS, "true").header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-api-key,idempotency-key")
                .when().options("/api/v1/companies")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "*");
        given().header("X-API-Key", TestData.ADMIN_KEY).header("Origin", ORIGIN).contentType(ContentType.JSON)
                .body(TestData.company(TestData.unique("Browser Company")))
                .when().post("/api/v1/companies")
                .then().statusCode(201)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Credentials", nullValue());
        // Without a key the page reads the 401 problem, which says how to get one.
        given().header(ANONYMOUS, "true").header(INVALID_ON_PURPOSE, "true").header("Origin", ORIGIN).contentType(ContentType.JSON)
                .body(TestData.company(TestData.unique("Browser Company")))
                .when().post("/api/v1/companies")
                .then().statusCode(401).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", "*");
    }

    @Test
    void requestsWithoutAnOriginGetNoCorsHeaders() {
        given().header(ANONYMOUS, "true").queryParam("limit", 1).when().get("/api/v1/events")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Credentials", nullValue());
    }

    @Test
    void pagesWithAnOpaqueOriginMayReadToo() {
        // Sandboxed frames and file:// pages send "Origin: null".
        given().header(ANONYMOUS, "true").header("Origin", "null").when().get("/q/health/live")
                .then().statusCode(200).header("Access-Control-Allow-Origin", equalTo("*"));
    }
}

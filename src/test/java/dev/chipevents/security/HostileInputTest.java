package dev.chipevents.security;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.chipevents.support.TestData;

/** Hostile values in every query parameter and body field: a 400 or a correct answer, never a 500 or a trace. */
@QuarkusTest
class HostileInputTest {

    static final List<String> HOSTILE = List.of("'; DROP TABLE event; --", "<script>alert(1)</script>", "\u0000", "a\u0007b",
            "x".repeat(10_000), "1e999999999", "-99999999999999999999999999999999", "%", "_", "\\", "\ud800", "../../etc/passwd",
            "${jndi:ldap://x}", "NaN", "Infinity", "😀", "null", "[]", "{}");
    static final List<String> PARAMETERS = List.of("type", "from", "to", "company", "country", "tag", "q", "currency", "minAmount",
            "maxAmount", "minChange", "maxChange", "sort", "limit", "cursor", "withTotal", "format");
    static final List<String> TEXT_FIELDS = List.of("title", "summary", "externalId");

    @Test
    void hostileQueryValuesGetA400OrAnAnswerNeverA500() {
        for (String parameter : PARAMETERS) {
            for (String value : HOSTILE) {
                Response answer = given().header(INVALID_ON_PURPOSE, "true").queryParam(parameter, value)
                        .when().get("/api/v1/events").then().extract().response();
                assertSafe(answer, parameter + "=" + printable(value));
            }
        }
        for (String value : HOSTILE) {
            assertSafe(given().header(INVALID_ON_PURPOSE, "true").queryParam("groupBy", value).when().get("/api/v1/events/stats")
                    .then().extract().response(), "groupBy=" + printable(value));
            assertSafe(given().header(INVALID_ON_PURPOSE, "true").queryParam("q", value).when().get("/api/v1/companies")
                    .then().extract().response(), "companies q=" + printable(value));
        }
    }

    @Test
    void hostileBodyValuesGetA400OrAreStoredByteForByte() {
        for (String field : TEXT_FIELDS) {
            for (String value : HOSTILE) {
                Map<String, Object> body = TestData.event("Hostile " + field);
                body.put(field, value.equals("x".repeat(10_000)) ? value : value + " " + System.nanoTime());
                Response answer = given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(body)
                        .when().post("/api/v1/events").then().extract().response();
                assertSafe(answer, field + "=" + printable(value));
                if (answer.statusCode() == 201) {
                    String id = answer.path("id");
                    String stored = given().when().get("/api/v1/events/" + id).then().statusCode(200).extract().path(field);
                    assertEquals(body.get(field), stored, field + " came back changed");
                }
            }
        }
        for (String field : List.of("type", "occurredOn", "datePrecision", "amount", "currency", "percentChange", "country",
                "participants", "tags", "sources")) {
            for (String value : HOSTILE) {
                Map<String, Object> body = TestData.event("Hostile " + field);
                body.put(field, value);
                assertSafe(given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(body)
                        .when().post("/api/v1/events").then().extract().response(), field + "=" + printable(value));
            }
        }
    }

    @Test
    void hugeNumbersAndDeepNestingAreRefused() {
        String hugeAmount = "{\"type\": \"OTHER\", \"occurredOn\": \"2025-01-01\", \"title\": \"x\", \"currency\": \"USD\", \"amount\": 1"
                + "0".repeat(400) + "}";
        Response answer = given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(hugeAmount)
                .when().post("/api/v1/events").then().extract().response();
        assertEquals(400, answer.statusCode());
        String deep = "{\"type\": \"OTHER\", \"occurredOn\": \"2025-01-01\", \"title\": \"x\", \"sources\": " + "[".repeat(5000)
                + "]".repeat(5000) + "}";
        answer = given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(deep)
                .when().post("/api/v1/events").then().extract().response();
        assertEquals(400, answer.statusCode(), answer.asString());
        assertSafe(answer, "deep nesting");
    }

    private static void assertSafe(Response answer, String what) {
        int status = answer.statusCode();
        String body = answer.asString();
        assertTrue(status < 500, what + " answered " + status + ": " + body);
        assertTrue(status == 200 || status == 201 || status == 400 || status == 404 || status == 414, what + " answered " + status);
        assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("dev.chipevents."),
                what + " leaked internals: " + body);
        if (status == 400) {
            assertTrue(answer.contentType().startsWith("application/problem+json"), what + ": " + answer.contentType());
        }
    }

    private static String printable(String value) {
        String shown = value.length() > 20 ? value.substring(0, 20) + "...(" + value.length() + ")" : value;
        return shown.chars().mapToObj(c -> c < 0x20 || Character.isSurrogate((char) c) ? String.format("\\u%04x", c)
                : String.valueOf((char) c)).reduce("", String::concat);
    }
}

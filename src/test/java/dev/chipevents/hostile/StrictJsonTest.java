package dev.chipevents.hostile;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.chipevents.support.TestData;

/** The JSON reader takes exactly what was written: no coercion, no duplicate keys, no trailing content, real dates. */
@QuarkusTest
class StrictJsonTest {

    private static final String EVENT = "{\"type\": \"OTHER\", \"occurredOn\": \"2025-01-01\", \"title\": \"Strict\"";

    @Test
    void scalarsOfTheWrongTypeAreRefusedNamingTheField() {
        String company = TestData.createCompany();
        Map<String, String> cases = Map.of(
                "type", EVENT.replace("\"OTHER\"", "1") + "}",
                "datePrecision", EVENT + ", \"datePrecision\": 3}",
                "title", EVENT.replace("\"Strict\"", "123") + "}",
                "tags[0]", EVENT + ", \"tags\": [1, 2]}",
                "amount", EVENT + ", \"amount\": \"100\", \"currency\": \"USD\"}",
                "percentChange", EVENT + ", \"percentChange\": true}",
                "participants[0].role", EVENT + ", \"participants\": [{\"companyId\": \"" + company + "\", \"role\": 0}]}",
                "type ", EVENT.replace("\"OTHER\"", "\"\"") + "}");
        cases.forEach((field, body) -> postEvent(body).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field.strip())));
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON)
                .body("{\"name\": \"" + TestData.unique("Segment") + "\", \"segment\": 0}")
                .when().post("/api/v1/companies").then().statusCode(400).body("errors[0].field", equalTo("segment"));
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON)
                .body("{\"name\": 42, \"segment\": \"OTHER\"}")
                .when().post("/api/v1/companies").then().statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void enumValuesAreAcceptedInAnyCase() {
        postEvent(EVENT.replace("\"OTHER\"", "\"stock_move\"") + ", \"percentChange\": -3.5, \"datePrecision\": \"day\"}")
                .then().statusCode(201).body("type", equalTo("STOCK_MOVE")).body("datePrecision", equalTo("DAY"));
    }

    @Test
    void aKeyGivenTwiceOrContentAfterTheObjectIsRefused() {
        postEvent(EVENT + ", \"title\": \"second\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("title")).body("detail", containsString("more than once"));
        postEvent(EVENT + "} garbage").then().statusCode(400).body("errors[0].field", equalTo("body"));
        postEvent(EVENT + "}{\"title\": \"second\"}").then().statusCode(400).body("detail", containsString("after the JSON value"));
        postEvent(EVENT + "}   \n").then().statusCode(201);
        String id = TestData.createEvent(TestData.event(TestData.unique("Patched twice"))).path("id");
        given().header(INVALID_ON_PURPOSE, "true").contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"summary\": \"a\", \"summary\": \"b\"}").when().patch("/api/v1/events/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("summary"));
        given().header(INVALID_ON_PURPOSE, "true").contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"summary\": \"a\"} {}").when().patch("/api/v1/events/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        given().header(INVALID_ON_PURPOSE, "true").contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"amount\": \"100\", \"currency\": \"USD\"}").when().patch("/api/v1/events/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("amount"));
    }

    @Test
    void datesAreIsoDaysBetweenYear1And9999StoredExactly() {
        for (String day : List.of("0001-01-01", "1582-10-10", "1582-10-04", "1582-10-15", "1900-02-28", "2024-02-29", "9999-12-31")) {
            String id = postEvent(EVENT.replace("2025-01-01", day) + ", \"sources\": [{\"url\": \"https://example.com/\","
                    + " \"publishedOn\": \"" + day + "\"}]}").then().statusCode(201).body("occurredOn", equalTo(day)).extract().path("id");
            given().when().get("/api/v1/events/" + id).then().statusCode(200)
                    .body("occurredOn", equalTo(day)).body("sources[0].publishedOn", equalTo(day));
        }
        for (String day : List.of("\"0000-01-01\"", "\"-0001-01-01\"", "\"+99999-01-01\"", "\"+2025-01-01\"", "20250101",
                "\"2025-01-01T00:00:00Z\"", "\"2025-02-30\"", "\"2025-1-1\"", "\"20250101\"", "[2025, 1, 1]", "\" 2025-01-01\"")) {
            Response answer = postEvent(EVENT.replace("\"2025-01-01\"", day) + "}");
            assertEquals(400, answer.statusCode(), day + " answered " + answer.asString());
            answer.then().contentType("application/problem+json").body("errors[0].field", equalTo("occurredOn"));
            assertFalse(answer.asString().contains("Exception"), answer.asString());
        }
        postEvent(EVENT + ", \"sources\": [{\"url\": \"https://example.com/\", \"publishedOn\": \"0000-12-31\"}]}")
                .then().statusCode(400).body("errors[0].field", equalTo("sources[0].publishedOn"));
    }

    @Test
    void readLimitsAreExplainedInPlainWords() {
        String deep = EVENT + ", \"unknown\": " + "[".repeat(1200) + "]".repeat(1200) + "}";
        Response answer = postEvent(deep);
        answer.then().statusCode(400).body("errors[0].message", containsString("nested too deeply"));
        String longNumber = EVENT + ", \"amount\": 1" + "0".repeat(1100) + ", \"currency\": \"USD\"}";
        Response number = postEvent(longNumber);
        number.then().statusCode(400).body("errors[0].message", containsString("number that is too long"));
        for (Response r : List.of(answer, number)) {
            assertFalse(r.asString().contains("StreamReadConstraints") || r.asString().contains("getMax"), r.asString());
        }
    }

    @Test
    void importRowsThatHitAReadLimitAreExplainedInPlainWords() {
        String importDeep = "[" + EVENT + ", \"summary\": " + "[".repeat(1200) + "]".repeat(1200) + "}]";
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(importDeep)
                .when().post("/api/v1/events/import")
                .then().statusCode(400).body("errors[0].message", containsString("nested too deeply"))
                .body(not(containsString("StreamReadConstraints")));
    }

    @Test
    void theStarterDatasetStillReadsWithAmountsAsNumbers() {
        Response page = given().queryParam("q", "CHIPS").queryParam("limit", 200).when().get("/api/v1/events");
        page.then().statusCode(200);
        assertEquals(200, page.statusCode());
    }

    private static Response postEvent(String body) {
        return given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events").then().extract().response();
    }
}

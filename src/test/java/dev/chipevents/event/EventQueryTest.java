package dev.chipevents.event;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static dev.chipevents.support.ContractFilter.LENIENT_FORM;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import dev.chipevents.support.TestData;

/** The query string of GET /api/v1/events, on events of its own: each filter, and every malformed value. */
@QuarkusTest
class EventQueryTest {

    /** Events of our own, told apart from everything else in the database by their tag. */
    private static final String TAG = "q" + java.util.UUID.randomUUID().toString().substring(0, 8);
    private static final String TICKER = "Z" + TAG.substring(1, 7).toUpperCase(java.util.Locale.ROOT);
    private static String companyId;

    @BeforeEach
    void ownData() {
        if (companyId != null) {
            return;
        }
        Map<String, Object> company = TestData.company("Query Co " + TAG);
        company.put("ticker", TICKER);
        companyId = TestData.createCompany(company);
        event("STOCK_MOVE", "2025-01-27", "Query Co loses 589 billion USD in a day", -16.97, null, true);
        event("EXPORT_CONTROL", "2025-01-13", "A framework for chip exports", null, null, false);
        event("PRODUCT_LAUNCH", "2025-01-20", "An open model is released", null, "Trained far from Arizona", false);
        event("STOCK_MOVE", "2024-11-01", "Query Co rises", 5.0, null, true);
    }

    private static void event(String type, String day, String title, Double change, String summary, boolean withCompany) {
        Map<String, Object> body = withCompany ? TestData.eventWith(title, companyId) : TestData.event(title);
        body.put("type", type);
        body.put("occurredOn", day);
        body.put("tags", List.of(TAG));
        if (change != null) {
            body.put("percentChange", change);
        }
        if (summary != null) {
            body.put("summary", summary);
        }
        TestData.createEvent(body);
    }

    @Test
    void findsACompanysEventsSinceADateByTickerOrName() {
        for (String company : List.of(TICKER.toLowerCase(java.util.Locale.ROOT), "query co " + TAG, companyId)) {
            given().queryParam("company", company).queryParam("from", "2025-01-01").queryParam("withTotal", true)
                    .when().get("/api/v1/events")
                    .then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items.title", equalTo(List.of("Query Co loses 589 billion USD in a day")))
                    .body("items[0].participants[0].ticker", equalTo(TICKER));
        }
    }

    @Test
    void findsStockDropsOfTenPercentOrWorse() {
        given().queryParam("maxChange", -10).queryParam("type", "STOCK_MOVE").queryParam("tag", TAG)
                .when().get("/api/v1/events")
                .then().statusCode(200)
                .body("items.title", equalTo(List.of("Query Co loses 589 billion USD in a day")));
    }

    @Test
    void commaSeparatedTypesInAnyCaseWithinAMonthInDateOrder() {
        given().header(LENIENT_FORM, "true")
                .queryParam("type", "EXPORT_CONTROL,product_launch").queryParam("from", "2025-01-01").queryParam("to", "2025-01-31")
                .queryParam("sort", "occurredOn").queryParam("tag", TAG)
                .when().get("/api/v1/events")
                .then().statusCode(200)
                .body("items.title", equalTo(List.of("A framework for chip exports", "An open model is released")));
    }

    @Test
    void searchesTitlesSummariesTagsAndParticipantNamesWithAllWordsRequired() {
        given().queryParam("q", TAG + " ARIZONA").when().get("/api/v1/events")
                .then().statusCode(200).body("items.title", equalTo(List.of("An open model is released")));
        given().queryParam("q", TAG + " " + TICKER).queryParam("sort", "occurredOn").when().get("/api/v1/events")
                .then().statusCode(200).body("items.title", equalTo(List.of("Query Co rises", "Query Co loses 589 billion USD in a day")));
        given().queryParam("q", TAG + " arizona rises").when().get("/api/v1/events")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void countsEventsPerMonth() {
        given().queryParam("groupBy", "month").queryParam("tag", TAG)
                .when().get("/api/v1/events/stats")
                .then().statusCode(200)
                .body("groupBy", equalTo("month"))
                .body("buckets.key", equalTo(List.of("2024-11", "2025-01")))
                .body("buckets.count", equalTo(List.of(1, 3)));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "type|TAKEOVER|ACQUISITION",
            "from|2025-13-01|YYYY-MM-DD",
            "to|2025-02-30|YYYY-MM-DD",
            "country|XX|ISO 3166",
            "currency|ABC|ISO 4217",
            "minAmount|lots|decimal",
            "maxAmount|1e999|out of range",
            "minChange|-|decimal",
            "maxChange|ten|decimal",
            "sort|date|occurredOn",
            "sort|-title,title|twice",
            "limit|0|between 1 and 200",
            "limit|201|between 1 and 200",
            "limit|ten|whole number",
            "withTotal|yes|true or false",
            "format|xml|json, csv, ics, atom",
            "company|NOPE-TICKER|no company",
            "cursor|abc.def|issued by this service",
            "tag|" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "x|at most 50",
    })
    void refusesAMalformedValueNamingTheParameter(String parameter, String value, String hint) {
        given().header(INVALID_ON_PURPOSE, "true").queryParam(parameter, value)
                .when().get("/api/v1/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(parameter))
                .body("errors[0].message", containsString(hint));
    }

    @Test
    void refusesFromAfterToAndMinAboveMax() {
        given().header(INVALID_ON_PURPOSE, "true").queryParam("from", "2025-02-01").queryParam("to", "2025-01-01")
                .queryParam("minAmount", 10).queryParam("maxAmount", 5)
                .when().get("/api/v1/events")
                .then().statusCode(400).body("errors.field", equalTo(List.of("from", "minAmount")));
    }

    @Test
    void refusesUnknownParametersSoATypoNeverReturnsEverything() {
        given().header(INVALID_ON_PURPOSE, "true").queryParam("compnay", "NVDA")
                .when().get("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("compnay"))
                .body("errors[0].message", containsString("company"));
        given().header(INVALID_ON_PURPOSE, "true").queryParam("groupBy", "month").queryParam("limit", 5)
                .when().get("/api/v1/events/stats")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().header(INVALID_ON_PURPOSE, "true").queryParam("groupBy", "decade")
                .when().get("/api/v1/events/stats")
                .then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
        given().header(INVALID_ON_PURPOSE, "true")
                .when().get("/api/v1/events/stats")
                .then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
    }

    @Test
    void refusesACursorThatWasTamperedWithOrComesFromAnotherQuery() {
        String cursor = given().queryParam("limit", 2).queryParam("type", "STOCK_MOVE", "PRODUCT_LAUNCH").queryParam("tag", TAG)
                .when().get("/api/v1/events").then().statusCode(200).extract().path("nextCursor");
        given().header(LENIENT_FORM, "true").queryParam("limit", 2).queryParam("type", "PRODUCT_LAUNCH,STOCK_MOVE").queryParam("tag", TAG)
                .queryParam("cursor", cursor)
                .when().get("/api/v1/events").then().statusCode(200).body("items.title", equalTo(List.of("Query Co rises")));
        given().header(INVALID_ON_PURPOSE, "true").queryParam("limit", 2).queryParam("type", "STOCK_MOVE").queryParam("tag", TAG)
                .queryParam("cursor", cursor)
                .when().get("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"))
                .body("errors[0].message", containsString("other filters"));
        char[] chars = cursor.toCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';
        given().header(INVALID_ON_PURPOSE, "true").queryParam("limit", 2).queryParam("type", "STOCK_MOVE", "PRODUCT_LAUNCH")
                .queryParam("tag", TAG).queryParam("cursor", new String(chars))
                .when().get("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void theNextLinkKeepsTheQueryAsSentAndWalksEveryMatchOnce() {
        String first = "/api/v1/events?q=query%20co&tag=" + TAG + "&type=STOCK_MOVE&type=PRODUCT_LAUNCH&limit=1";
        List<String> titles = new ArrayList<>();
        String link = first;
        for (int page = 0; link != null && page < 5; page++) {
            Response answer = given().urlEncodingEnabled(false).when().get(link);
            answer.then().statusCode(200);
            titles.addAll(answer.path("items.title"));
            String header = answer.header("Link");
            String cursor = answer.path("nextCursor");
            if (header == null) {
                assertNull(cursor, "a next cursor without a Link");
                link = null;
                continue;
            }
            // The filters as sent, in their order and encoding, then the one cursor of this answer.
            assertEquals("<http://localhost:" + RestAssured.port + first
                    + "&cursor=" + cursor + ">; rel=\"next\"", header);
            link = header.substring(1, header.indexOf('>'));
        }
        assertEquals(List.of("Query Co loses 589 billion USD in a day", "Query Co rises"), titles);
        // A cursor already in the request is replaced, wherever it stood, and never repeated.
        String filters = "tag=" + TAG + "&type=STOCK_MOVE&type=PRODUCT_LAUNCH&limit=1";
        String cursor = given().urlEncodingEnabled(false).when().get("/api/v1/events?" + filters).then().statusCode(200)
                .extract().path("nextCursor");
        Response second = given().urlEncodingEnabled(false).when().get("/api/v1/events?cursor=" + cursor + "&" + filters);
        second.then().statusCode(200).body("items.title", equalTo(List.of("An open model is released")));
        assertEquals("<http://localhost:" + RestAssured.port + "/api/v1/events?" + filters
                + "&cursor=" + second.path("nextCursor") + ">; rel=\"next\"", second.header("Link"));
    }

    @Test
    void companyEventsTakeTheSameFilters() {
        given().queryParam("type", "STOCK_MOVE").queryParam("sort", "occurredOn")
                .when().get("/api/v1/companies/" + companyId + "/events")
                .then().statusCode(200)
                .body("items.title", equalTo(List.of("Query Co rises", "Query Co loses 589 billion USD in a day")));
        given().when().get("/api/v1/companies/01a22356-0000-7000-8000-000000000000/events")
                .then().statusCode(404).contentType("application/problem+json");
    }
}

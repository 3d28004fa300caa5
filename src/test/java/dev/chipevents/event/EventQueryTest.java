package dev.chipevents.event;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/** The query string of GET /api/v1/events: what the starter dataset answers, and every malformed value. */
@QuarkusTest
class EventQueryTest {

    @Test
    void findsNvidiaEventsSinceDecember2024() {
        given().queryParam("company", "nvda").queryParam("from", "2024-12-01").queryParam("withTotal", true)
                .when().get("/api/v1/events")
                .then().statusCode(200)
                .body("total", greaterThanOrEqualTo(6))
                .body("items.participants.flatten().name", hasItem("Nvidia"))
                .body("items.occurredOn", everyItem(greaterThanOrEqualTo("2024-12-01")))
                .body("items[0].title", containsString("589 billion"));
    }

    @Test
    void findsStockDropsOfTenPercentOrWorse() {
        given().queryParam("maxChange", -10).queryParam("type", "STOCK_MOVE")
                .when().get("/api/v1/events")
                .then().statusCode(200)
                .body("items.findAll { it.percentChange > -10 }.size()", equalTo(0))
                .body("items.size()", greaterThanOrEqualTo(1))
                .body("items.title", hasItem("Nvidia loses 589 billion USD of market value in a day"));
    }

    @Test
    void findsExportControlsInTheMonthDeepSeekR1CameOutWithCommaSeparatedTypes() {
        given().queryParam("type", "EXPORT_CONTROL,PRODUCT_LAUNCH").queryParam("from", "2025-01-01").queryParam("to", "2025-01-31")
                .queryParam("sort", "occurredOn")
                .when().get("/api/v1/events")
                .then().statusCode(200)
                .body("items.type", everyItem(org.hamcrest.Matchers.oneOf("EXPORT_CONTROL", "PRODUCT_LAUNCH")))
                .body("items.title", hasItem("DeepSeek releases its open-source R1 reasoning model"));
    }

    @Test
    void searchesTitlesSummariesTagsAndParticipantNamesWithAllWordsRequired() {
        given().queryParam("q", "Arizona TSMC").when().get("/api/v1/events")
                .then().statusCode(200)
                .body("items.title", hasItem("TSMC gets the first finalised CHIPS Act award: 6.6 billion USD"))
                .body("items.title", hasItem("Nvidia in talks to make Blackwell chips at TSMC's Arizona fab"));
        given().queryParam("q", "arizona deepseek").when().get("/api/v1/events")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void countsEventsPerMonthIn2025() {
        given().queryParam("groupBy", "month").queryParam("from", "2025-01-01").queryParam("to", "2025-12-31")
                .queryParam("tag", "deepseek")
                .when().get("/api/v1/events/stats")
                .then().statusCode(200)
                .body("groupBy", equalTo("month"))
                .body("buckets[0].key", equalTo("2025-01"))
                .body("buckets[0].count", greaterThanOrEqualTo(6))
                .body("buckets[0].amountByCurrency.USD", notNullValue());
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
            "format|xml|json or csv",
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
        String cursor = given().queryParam("limit", 2).queryParam("type", "STOCK_MOVE,REGULATORY_ACTION")
                .when().get("/api/v1/events").then().statusCode(200).extract().path("nextCursor");
        given().queryParam("limit", 2).queryParam("type", "REGULATORY_ACTION,STOCK_MOVE").queryParam("cursor", cursor)
                .when().get("/api/v1/events").then().statusCode(200);
        given().header(INVALID_ON_PURPOSE, "true").queryParam("limit", 2).queryParam("type", "STOCK_MOVE").queryParam("cursor", cursor)
                .when().get("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"))
                .body("errors[0].message", containsString("other filters"));
        char[] chars = cursor.toCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';
        given().header(INVALID_ON_PURPOSE, "true").queryParam("limit", 2).queryParam("type", "STOCK_MOVE,REGULATORY_ACTION")
                .queryParam("cursor", new String(chars))
                .when().get("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void companyEventsTakeTheSameFilters() {
        String nvidia = given().queryParam("q", "nvidia").when().get("/api/v1/companies").path("items[0].id");
        given().queryParam("type", "ACQUISITION").queryParam("sort", "occurredOn")
                .when().get("/api/v1/companies/" + nvidia + "/events")
                .then().statusCode(200)
                .body("items.title", equalTo(List.of("Nvidia completes its 6.9 billion USD purchase of Mellanox",
                        "Nvidia buys Vietnamese healthcare AI startup VinBrain")));
        given().when().get("/api/v1/companies/01a22356-0000-7000-8000-000000000000/events")
                .then().statusCode(404).contentType("application/problem+json");
    }
}

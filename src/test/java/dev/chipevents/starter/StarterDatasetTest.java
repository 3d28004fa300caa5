package dev.chipevents.starter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The starter dataset answers the questions of the article it comes from. */
@QuarkusTest
class StarterDatasetTest {

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
        given().queryParam("type", "EXPORT_CONTROL", "PRODUCT_LAUNCH").queryParam("from", "2025-01-01").queryParam("to", "2025-01-31")
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

    @Test
    void nvidiasAcquisitionsInDateOrder() {
        String nvidia = given().queryParam("q", "nvidia").when().get("/api/v1/companies").path("items[0].id");
        given().queryParam("type", "ACQUISITION").queryParam("sort", "occurredOn")
                .when().get("/api/v1/companies/" + nvidia + "/events")
                .then().statusCode(200)
                .body("items.title", equalTo(List.of("Nvidia completes its 6.9 billion USD purchase of Mellanox",
                        "Nvidia buys Vietnamese healthcare AI startup VinBrain")));
    }
}

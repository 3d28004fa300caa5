package dev.chipevents.starter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

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
                .body("buckets[0].amounts.kind", hasItem("MARKET_VALUE_LOSS"));
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

    private static final String NVIDIA_DROP = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f";
    private static final String R1 = event(14);
    private static final List<String> DEEPSEEK_CHAIN = List.of(R1, NVIDIA_DROP, event(17), event(18), event(19), event(20), event(24));

    private static String event(int n) {
        return String.format("0193a0a4-5c1e-7b7a-9d1e-e000000000%02d", n);
    }

    @Test
    void theDiffusionRuleIsFoundByTheNamePeopleSearchBy() {
        given().queryParam("q", "diffusion").when().get("/api/v1/events").then().statusCode(200)
                .body("items.id", hasItem(event(13)))
                .body("items.title", hasItem(containsString("Framework for Artificial Intelligence Diffusion")));
    }

    @Test
    void theExportControlSeriesHoldsTheEarlierRulesEachFollowingUpTheOneBefore() {
        given().queryParam("type", "EXPORT_CONTROL").queryParam("tag", "export-controls").queryParam("sort", "occurredOn")
                .when().get("/api/v1/events").then().statusCode(200)
                .body("items.occurredOn", equalTo(List.of("2022-10-07", "2023-10-17", "2024-12-02", "2025-01-13")))
                .body("items[2].summary", containsString("high-bandwidth memory"))
                .body("items[2].summary", containsString("140 entities"))
                .body("items[0].summary", containsString("equipment"));
        given().queryParam("depth", 3).queryParam("type", "FOLLOWS_UP").when().get("/api/v1/events/" + event(21) + "/related")
                .then().statusCode(200).body("nodes.id", equalTo(List.of(event(21), event(22), event(23), event(13))))
                .body("nodes.distance", equalTo(List.of(0, 1, 2, 3)));
    }

    @Test
    void theArticlesChainOfCausesCanBeWalkedFromAnyOfItsEvents() {
        for (String id : DEEPSEEK_CHAIN) {
            List<String> reached = given().queryParam("depth", 2).when().get("/api/v1/events/" + id + "/related")
                    .then().statusCode(200).extract().path("nodes.id");
            org.junit.jupiter.api.Assertions.assertTrue(reached.containsAll(DEEPSEEK_CHAIN), id + " reaches only " + reached);
        }
        given().when().get("/api/v1/events/" + NVIDIA_DROP).then()
                .body("links.relation", equalTo(List.of("CAUSED_BY"))).body("links[0].eventId", equalTo(R1));
        given().queryParam("relatedTo", R1).queryParam("sort", "occurredOn").when().get("/api/v1/events").then()
                .body("items.size()", equalTo(6));
    }

    @Test
    void theChipsActAwardAndTheMellanoxProbeAreLinkedToWhatTheyBelongTo() {
        given().when().get("/api/v1/events/" + event(2)).then().body("links.relation", equalTo(List.of("HAS_PART")))
                .body("links[0].eventId", equalTo(event(3)));
        given().when().get("/api/v1/events/" + event(11)).then()
                .body("links.relation", equalTo(List.of("FOLLOWS_UP", "RESPONDS_TO")))
                .body("links.eventId", equalTo(List.of(event(1), event(23))));
    }

    @Test
    void everyAmountSaysWhatItMeasuresAndEverySourceHasATitle() {
        for (int n = 1; n <= 24; n++) {
            java.util.Map<String, Object> item = given().when().get("/api/v1/events/" + (n == 16 ? NVIDIA_DROP : event(n)))
                    .then().statusCode(200).extract().as(java.util.Map.class);
            if (item.get("amount") != null) {
                org.junit.jupiter.api.Assertions.assertNotNull(item.get("amountKind"),
                        item.get("title") + " says what its amount measures");
            }
            @SuppressWarnings("unchecked")
            List<java.util.Map<String, Object>> sources = (List<java.util.Map<String, Object>>) item.get("sources");
            org.junit.jupiter.api.Assertions.assertFalse(sources.isEmpty(), item.get("title") + " has sources");
            sources.forEach(
                    source -> org.junit.jupiter.api.Assertions.assertNotNull(source.get("title"), item.get("title") + ": " + source));
        }
        given().when().get("/api/v1/events/" + NVIDIA_DROP).then().body("amountKind", equalTo("MARKET_VALUE_LOSS"))
                .body("sources[0].title", equalTo("What DeepSeek means for the US-China AI war"));
        given().when().get("/api/v1/events/" + event(6)).then().body("amountKind", equalTo("VALUATION"));
        given().when().get("/api/v1/events/" + R1).then().body("amountKind", equalTo("COST"));
        given().when().get("/api/v1/events/" + event(2)).then().body("amountKind", equalTo("FUNDING_PROGRAM"));
        given().when().get("/api/v1/events/" + event(13)).then()
                .body("sources.title", hasItem("Framework for Artificial Intelligence Diffusion"))
                .body("sources.url", hasItem("https://www.federalregister.gov/d/2025-00636"));
        given().queryParam("groupBy", "year").queryParam("from", "2024-01-01").queryParam("to", "2025-12-31")
                .queryParam("currency", "USD").when().get("/api/v1/events/stats").then().statusCode(200)
                .body("buckets[1].amounts.kind", hasItem("MARKET_VALUE_LOSS"))
                .body("buckets[1].amounts.kind", hasItem("COST"));
    }
}

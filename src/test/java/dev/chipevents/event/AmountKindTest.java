package dev.chipevents.event;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static dev.chipevents.support.ContractFilter.LENIENT_FORM;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.chipevents.support.TestData;

/** Every amount says what it measures: the kinds each type allows, the refusals naming both fields, and the kind everywhere. */
@QuarkusTest
class AmountKindTest {

    @Test
    void everyTypeAllowsOtherAndOnlyTheKindsThatMakeSenseForIt() {
        Set<AmountKind> used = EnumSet.noneOf(AmountKind.class);
        for (EventType type : EventType.values()) {
            Set<AmountKind> allowed = AmountKind.allowedFor(type);
            assertTrue(allowed.contains(AmountKind.OTHER), type + " allows OTHER");
            used.addAll(allowed);
            if (type != EventType.STOCK_MOVE && type != EventType.OTHER) {
                assertTrue(allowed.stream().noneMatch(AmountKind::isMarketValueMove), type + " has no market-value moves");
            }
            assertTrue(allowed.contains(AmountKind.inferred(type, BigDecimal.ONE.negate())),
                    "the inferred kind of " + type + " is allowed");
        }
        assertEquals(EnumSet.allOf(AmountKind.class), used, "every kind belongs to a type");
        assertEquals(AmountKind.MARKET_VALUE_LOSS, AmountKind.inferred(EventType.STOCK_MOVE, new BigDecimal("-16.97")));
        assertEquals(AmountKind.MARKET_VALUE_GAIN, AmountKind.inferred(EventType.STOCK_MOVE, new BigDecimal("3")));
        assertEquals(AmountKind.OTHER, AmountKind.inferred(EventType.IPO, null));
    }

    @Test
    void eachAllowedPairIsStoredAndAnsweredWithItsKind() {
        String tag = tag("pairs");
        for (EventType type : EventType.values()) {
            for (AmountKind kind : AmountKind.allowedFor(type)) {
                Map<String, Object> body = withAmount(type, kind, "1000", tag);
                String id = TestData.createEvent(body).path("id");
                given().when().get("/api/v1/events/" + id).then().statusCode(200).body("amountKind", equalTo(kind.name()));
            }
        }
    }

    @Test
    void aKindTheTypeDoesNotAllowIsRefusedNamingBothFieldsAndNothingIsWritten() {
        String tag = tag("wrong-pair");
        Map<String, Object> body = withAmount(EventType.STOCK_MOVE, AmountKind.AWARD, "6600000000", tag);
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(body).when().post("/api/v1/events")
                .then().statusCode(400).body("errors.field", equalTo(List.of("amountKind", "type")))
                .body("errors[0].message", containsString("MARKET_VALUE_LOSS"))
                .body("errors[1].message", containsString("AWARD"));
        assertNothingTagged(tag);

        // A patch that changes the type under a kind it does not allow.
        String id = TestData.createEvent(withAmount(EventType.GOVERNMENT_AWARD, AmountKind.AWARD, "6600000000", tag)).path("id");
        given().header(INVALID_ON_PURPOSE, "true").contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"type\": \"IPO\"}").when().patch("/api/v1/events/" + id)
                .then().statusCode(400).body("errors.field", equalTo(List.of("amountKind", "type")));
        given().when().get("/api/v1/events/" + id).then().body("type", equalTo("GOVERNMENT_AWARD")).body("version", equalTo(0));
    }

    @Test
    void anAmountWithoutAKindAKindWithoutAnAmountAndAnUnknownKindAreRefused() {
        String tag = tag("refused");
        Map<String, Object> noKind = TestData.event("No kind");
        noKind.put("amount", 5);
        noKind.put("currency", "USD");
        noKind.put("tags", List.of(tag));
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(noKind).when().post("/api/v1/events")
                .then().statusCode(400).body("errors.field", equalTo(List.of("amountKind")))
                .body("errors[0].message", containsString("is required when amount is given"));
        Map<String, Object> noAmount = TestData.event("No amount");
        noAmount.put("amountKind", "AWARD");
        noAmount.put("tags", List.of(tag));
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(noAmount).when().post("/api/v1/events")
                .then().statusCode(400).body("errors.field", equalTo(List.of("amountKind")))
                .body("errors[0].message", containsString("without amount"));
        Map<String, Object> unknown = withAmount(EventType.OTHER, AmountKind.OTHER, "5", tag);
        unknown.put("amountKind", "MARKET_VALUE_CHANGE");
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(unknown).when().post("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("amountKind"))
                .body("errors[0].message", containsString("MARKET_VALUE_LOSS"));
        given().header(INVALID_ON_PURPOSE, "true").queryParam("amountKind", "PROFIT").when().get("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("amountKind"));
        assertNothingTagged(tag);
    }

    @Test
    void aLossAndAGainAreToldApartAndMustAgreeWithTheChange() {
        String tag = tag("moves");
        Map<String, Object> loss = withAmount(EventType.STOCK_MOVE, AmountKind.MARKET_VALUE_LOSS, "589000000000", tag);
        loss.put("percentChange", -16.97);
        Map<String, Object> gain = withAmount(EventType.STOCK_MOVE, AmountKind.MARKET_VALUE_GAIN, "260000000000", tag);
        gain.put("percentChange", 8.9);
        TestData.createEvent(loss);
        TestData.createEvent(gain);
        given().queryParam("tag", tag).queryParam("amountKind", "MARKET_VALUE_LOSS").when().get("/api/v1/events")
                .then().statusCode(200).body("items.amountKind", equalTo(List.of("MARKET_VALUE_LOSS")))
                .body("items[0].amount", equalTo(589000000000L));
        Map<String, Object> disagreeing = withAmount(EventType.STOCK_MOVE, AmountKind.MARKET_VALUE_GAIN, "1", tag);
        disagreeing.put("percentChange", -3);
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(disagreeing).when().post("/api/v1/events")
                .then().statusCode(400).body("errors.field", equalTo(List.of("amountKind", "percentChange")));
        given().queryParam("tag", tag).queryParam("withTotal", true).when().get("/api/v1/events").then().body("total", equalTo(2));
    }

    @Test
    void theFilterTakesSeveralKindsInAnyCase() {
        String tag = tag("filter");
        TestData.createEvent(withAmount(EventType.IPO, AmountKind.VALUATION, "4500000000", tag));
        TestData.createEvent(withAmount(EventType.IPO, AmountKind.IPO_PROCEEDS, "260000000", tag));
        TestData.createEvent(withAmount(EventType.INVESTMENT, AmountKind.INVESTMENT, "4000000000", tag));
        given().header(LENIENT_FORM, "true").queryParam("tag", tag).queryParam("amountKind", "valuation,INVESTMENT")
                .queryParam("sort", "amount").when().get("/api/v1/events")
                .then().statusCode(200).body("items.amountKind", equalTo(List.of("INVESTMENT", "VALUATION")));
        given().queryParam("tag", tag).queryParam("amountKind", "IPO_PROCEEDS").queryParam("groupBy", "tag").when()
                .get("/api/v1/events/stats")
                .then().statusCode(200).body("buckets[0].count", equalTo(1))
                .body("buckets[0].amounts.kind", equalTo(List.of("IPO_PROCEEDS")));
    }

    @Test
    void csvImportAndHistoryCarryTheKind() throws Exception {
        String tag = tag("carried");
        String csv = "type,occurredOn,title,amount,amountKind,currency,tags\r\n"
                + "GOVERNMENT_AWARD,2024-11-15,Award by CSV,6600000000,award," + "USD," + tag + "\r\n"
                + "PRODUCT_LAUNCH,2025-01-20,Cost by CSV,6000000,COST,USD," + tag + "\r\n";
        given().contentType("text/csv").body(csv).when().post("/api/v1/events/import").then().statusCode(200).body("created", equalTo(2));
        String exported = given().accept("text/csv").queryParam("tag", tag).queryParam("sort", "occurredOn").when().get("/api/v1/events")
                .then().statusCode(200).extract().asString();
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class).with(CsvSchema.emptySchema().withHeader())
                .readValues(exported)) {
            it.forEachRemaining(rows::add);
        }
        assertEquals(List.of("AWARD", "COST"), rows.stream().map(r -> r.get("amountKind")).toList());
        assertTrue(exported.startsWith("id,type,occurredOn,datePrecision,title,summary,amount,amountKind,currency,"), exported);
        String id = rows.get(0).get("id");
        given().when().get("/api/v1/events/" + id + "/history").then().body("revisions[0].state.amountKind", equalTo("AWARD"));

        String badRows =
                "[{\"type\": \"IPO\", \"occurredOn\": \"2024-11-27\", \"title\": \"Fine\", \"amount\": 1, \"amountKind\": \"VALUATION\","
                        + " \"currency\": \"USD\", \"tags\": [\"" + tag + "-bad\"]},"
                        + " {\"type\": \"IPO\", \"occurredOn\": \"2024-11-27\", \"title\": \"Wrong pair\", \"amount\": 1, \"amountKind\": \"FINE\","
                        + " \"currency\": \"USD\", \"tags\": [\"" + tag + "-bad\"]}]";
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(badRows).when().post("/api/v1/events/import")
                .then().statusCode(400).body("errors.row", equalTo(List.of(2, 2)))
                .body("errors.field", equalTo(List.of("amountKind", "type")));
        assertNothingTagged(tag + "-bad");
    }

    @Test
    void aRestoredEventWhoseRevisionPredatesKindsGetsTheInferredKind() {
        EventResponse recorded = new EventResponse(null, EventType.GOVERNMENT_AWARD, java.time.LocalDate.of(2024, 11, 15),
                DatePrecision.DAY,
                "Old", null, new BigDecimal("6600000000"), null, "USD", null, null, List.of(), List.of(), List.of(), null, null, null, null,
                0, null, null);
        assertEquals(AmountKind.AWARD, EventMapper.toRequest(recorded).amountKind());
        assertEquals(List.of(), recorded.links(), "a revision without links reads as none");
    }

    @Test
    void aSummaryOfManyKindsNeverShowsOneTotal() {
        String tag = tag("no-total");
        TestData.createEvent(withAmount(EventType.GOVERNMENT_AWARD, AmountKind.AWARD, "100", tag));
        TestData.createEvent(withAmount(EventType.ACQUISITION, AmountKind.DEAL_VALUE, "100", tag));
        given().queryParam("tag", tag).queryParam("groupBy", "month").when().get("/api/v1/events/stats")
                .then().statusCode(200).body("buckets[0].amounts.sum", equalTo(List.of(100, 100)))
                .body("buckets[0].amounts.kind", hasItem("AWARD"))
                .body("buckets[0]", not(org.hamcrest.Matchers.hasKey("amountByCurrency")));
    }

    static Map<String, Object> withAmount(EventType type, AmountKind kind, String amount, String tag) {
        Map<String, Object> body = TestData.event(type + " " + kind);
        body.put("type", type.name());
        body.put("amount", new BigDecimal(amount));
        body.put("amountKind", kind.name());
        body.put("currency", "USD");
        body.put("tags", List.of(tag));
        if (type == EventType.STOCK_MOVE) {
            body.put("percentChange", kind == AmountKind.MARKET_VALUE_GAIN ? 5 : -5);
        }
        return body;
    }

    static String tag(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    private static void assertNothingTagged(String tag) {
        given().queryParam("tag", tag).queryParam("withTotal", true).when().get("/api/v1/events").then().statusCode(200).body("total",
                equalTo(0));
    }
}

package dev.chipevents.event;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.chipevents.support.TestData;

@QuarkusTest
class EventResourceTest {

    @Test
    void createsAStockMoveAndReadsItBack() {
        String companyId = TestData.createCompany();
        Map<String, Object> body = TestData.eventWith("Shares fall", companyId);
        body.put("type", "STOCK_MOVE");
        body.put("amount", 589000000000L);
        body.put("amountKind", "MARKET_VALUE_LOSS");
        body.put("currency", "USD");
        body.put("percentChange", -16.97);
        body.put("country", "US");
        body.put("tags", List.of("deepseek", "stock-market"));
        body.put("sources", List.of(Map.of("url", "https://www.gzeromedia.com/", "publisher", "GZERO Media", "publishedOn", "2025-02-04")));
        body.put("externalId", TestData.unique("ext").replace(' ', '-'));
        Response created = TestData.createEvent(body);
        String id = created.path("id");
        given().when().get("/api/v1/events/" + id)
                .then().statusCode(200).header("ETag", "\"0\"")
                .body("type", equalTo("STOCK_MOVE"))
                .body("datePrecision", equalTo("DAY"))
                .body("amount", equalTo(589000000000L))
                .body("amountKind", equalTo("MARKET_VALUE_LOSS"))
                .body("percentChange", equalTo(-16.97f))
                .body("participants[0].companyId", equalTo(companyId))
                .body("participants[0].role", equalTo("SUBJECT"))
                .body("participants[0].name", containsString("Company"))
                .body("tags", equalTo(List.of("deepseek", "stock-market")))
                .body("sources[0].publisher", equalTo("GZERO Media"))
                .body("sources[0].publishedOn", equalTo("2025-02-04"))
                .body("externalId", equalTo(body.get("externalId")));
    }

    @Test
    void storesUnicodeAndSqlLookingTextByteForByte() {
        String title = "'; DROP TABLE event; -- ünïcødé 😀 \"quoted\" <script>alert(1)</script>";
        String summary = "Line one\nLine two\ttabbed — 中文 العربية";
        Map<String, Object> body = TestData.event(title);
        body.put("summary", summary);
        String id = TestData.createEvent(body).path("id");
        given().when().get("/api/v1/events/" + id)
                .then().statusCode(200).body("title", equalTo(title)).body("summary", equalTo(summary));
        given().queryParam("q", "drop table").when().get("/api/v1/events")
                .then().statusCode(200).body("items.title", hasItem(title));
    }

    @Test
    void replacesAndPatchesWithIfMatchAndRefusesStaleTags() {
        String id = TestData.createEvent(TestData.event("Before")).path("id");
        Map<String, Object> replacement = TestData.event("After");
        replacement.put("type", "POLICY");
        replacement.put("amount", new java.math.BigDecimal("52.7"));
        replacement.put("amountKind", "FUNDING_PROGRAM");
        replacement.put("currency", "USD");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(replacement)
                .when().put("/api/v1/events/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("title", equalTo("After")).body("amount", equalTo(52.7f));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(replacement)
                .when().put("/api/v1/events/" + id)
                .then().statusCode(412).contentType("application/problem+json").body("detail", containsString("\"1\""));
        given().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"amount\": null, \"amountKind\": null, \"currency\": null, \"tags\": [\"chips-act\"]}")
                .when().patch("/api/v1/events/" + id)
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("amount", nullValue()).body("tags", equalTo(List.of("chips-act"))).body("title", equalTo("After"));
        given().header(INVALID_ON_PURPOSE, "true").contentType("application/merge-patch+json").header("If-Match", "\"2\"")
                .body("{\"amount\": 5}")
                .when().patch("/api/v1/events/" + id)
                .then().statusCode(400).body("errors.field", equalTo(List.of("amountKind", "currency")));
        given().header(INVALID_ON_PURPOSE, "true").contentType("application/merge-patch+json").header("If-Match", "\"2\"")
                .body("{\"createdAt\": \"2020-01-01T00:00:00Z\"}")
                .when().patch("/api/v1/events/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("createdAt"));
        given().when().get("/api/v1/events/" + id).then().body("version", equalTo(2)).body("amount", nullValue());
    }

    @Test
    void deletesWithAndWithoutIfMatch() {
        String first = TestData.createEvent(TestData.event("Delete me")).path("id");
        given().header("If-Match", "\"3\"").when().delete("/api/v1/events/" + first).then().statusCode(412);
        given().header("If-Match", "\"0\"").when().delete("/api/v1/events/" + first).then().statusCode(204);
        given().when().delete("/api/v1/events/" + first).then().statusCode(404).contentType("application/problem+json");
        String second = TestData.createEvent(TestData.event("Delete me too")).path("id");
        given().when().delete("/api/v1/events/" + second).then().statusCode(204);
        given().when().get("/api/v1/events/" + second).then().statusCode(404).body("status", equalTo(404));
    }

    @Test
    void concurrentUpdatesWithTheSameTagLetExactlyOneWin() throws Exception {
        String id = TestData.createEvent(TestData.event("Contended")).path("id");
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Map<String, Object> body = TestData.event("Contended by client " + i);
            Callable<Integer> put = () -> {
                start.await();
                return given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                        .when().put("/api/v1/events/" + id).then().extract().statusCode();
            };
            answers.add(pool.submit(put));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(clients - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        given().when().get("/api/v1/events/" + id).then().body("version", equalTo(1)).body("title", containsString("client"));
    }

    @Test
    void refusesInvalidEventsNamingEveryField() {
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON)
                .body("{\"type\": \"STOCK_MOVE\", \"occurredOn\": \"2025-01-27\", \"title\": \"" + "x".repeat(201)
                        + "\", \"amount\": -5, \"currency\": \"XYZ\", \"country\": \"ZZ\", \"tags\": [\"Upper\"],"
                        + " \"sources\": [{\"url\": \"javascript:alert(1)\"}]}")
                .when().post("/api/v1/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(
                        List.of("amount", "amountKind", "country", "currency", "percentChange", "sources[0].url", "tags[0]", "title")));
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON)
                .body("{\"type\": \"OTHER\", \"occurredOn\": \"2025-02-30\", \"title\": \"x\"}")
                .when().post("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("occurredOn"))
                .body("errors[0].message", containsString("2025-02-30"));
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON)
                .body("{\"type\": \"OTHER\", \"occurredOn\": \"2025-02-03\", \"title\": \"x\", \"currency\": \"USD\"}")
                .when().post("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("currency"))
                .body("errors[0].message", containsString("without amount"));
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON)
                .body("{\"type\": \"PARTNERSHIP\", \"occurredOn\": \"2024-12-05\", \"datePrecision\": \"MONTH\", \"title\": \"x\"}")
                .when().post("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("occurredOn"))
                .body("errors[0].message", containsString("first day"));
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON)
                .body("{\"type\": \"TAKEOVER\", \"occurredOn\": \"2025-02-03\", \"title\": \"x\"}")
                .when().post("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("ACQUISITION"));
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON)
                .body("{\"type\": \"OTHER\", \"occurredOn\": \"2025-02-03\", \"title\": \"x\", \"id\": \"abc\"}")
                .when().post("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("id"))
                .body("errors[0].message", containsString("set by the server"));
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON)
                .body("{\"type\": \"OTHER\", \"occurredOn\": \"2025-02-03\", \"title\": \"x\", \"participants\": "
                        + "[{\"companyId\": \"01a22356-0000-7000-8000-000000000000\", \"role\": \"SUBJECT\"}]}")
                .when().post("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("participants[0].companyId"));
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body("{\"type\": \"OTHER\",")
                .when().post("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("body"))
                .body("detail", containsString("JSON"));
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(
                "{\"type\": \"OTHER\", \"occurredOn\": \"2025-02-03\", \"title\": \"x\", \"amount\": \"lots\", \"currency\": \"USD\"}")
                .when().post("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("amount"))
                .body("detail", not(containsString("java")));
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON)
                .body("{\"type\": \"OTHER\", \"occurredOn\": \"2025-02-03\", \"title\": \"x\", \"tags\": {}}")
                .when().post("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("tags"))
                .body("errors[0].message", equalTo("must be a JSON array"));
    }

    @Test
    void refusesUnsupportedContentTypesAndUnknownIds() {
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.TEXT).body("title=x")
                .when().post("/api/v1/events")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
        String id = TestData.createEvent(TestData.event("Patch with JSON")).path("id");
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{}")
                .when().patch("/api/v1/events/" + id)
                .then().statusCode(415).body("detail", containsString("merge-patch"));
        given().when().get("/api/v1/events/01a22356-0000-7000-8000-000000000000")
                .then().statusCode(404).body("detail", containsString("01a22356-0000-7000-8000-000000000000"));
    }

    @Test
    void renamingACompanyKeepsSearchInStep() {
        String companyId = TestData.createCompany();
        String eventId = TestData.createEvent(TestData.eventWith("Something happened", companyId)).path("id");
        String newName = "Quokkachip " + System.nanoTime();
        Map<String, Object> company = TestData.company(newName);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(company)
                .when().put("/api/v1/companies/" + companyId).then().statusCode(200);
        given().queryParam("q", newName.toLowerCase()).when().get("/api/v1/events")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(eventId))
                .body("items[0].participants[0].name", equalTo(newName));
    }
}

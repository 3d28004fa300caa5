package dev.chipevents.event;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.chipevents.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Bulk import: all or nothing, every bad row named, upsert by externalId, and CSV that round-trips. */
@QuarkusTest
class EventImportTest {

    @Test
    void importsAJsonArrayMatchingCompaniesByTickerOrName() {
        String tag = "imp" + System.nanoTime();
        String rows = """
                [{"type": "IPO", "occurredOn": "2024-11-27", "title": "Pony AI lists", "tags": ["%1$s"],
                  "participants": [{"company": "pony", "role": "ISSUER"}, {"company": "Toyota", "role": "BACKER"}]},
                 {"type": "POLICY", "occurredOn": "2022-08-09", "title": "CHIPS Act", "amount": 52700000000, "currency": "USD",
                  "tags": ["%1$s"]},
                 {"type": "OTHER", "occurredOn": "2025-01-01", "title": "By name", "tags": ["%1$s"],
                  "participants": [{"name": "nvidia", "role": "SUBJECT"}]}]""".formatted(tag);
        given().contentType(ContentType.JSON).body(rows).when().post("/api/v1/events/import")
                .then().statusCode(200).body("created", equalTo(3)).body("updated", equalTo(0));
        given().queryParam("tag", tag).queryParam("sort", "occurredOn").when().get("/api/v1/events")
                .then().statusCode(200).body("items.title", equalTo(List.of("CHIPS Act", "Pony AI lists", "By name")))
                .body("items[1].participants.ticker", equalTo(List.of("PONY", "7203")))
                .body("items[2].participants[0].name", equalTo("Nvidia"));
    }

    @Test
    void anInvalidRowWritesNothingAndEveryBadRowIsNamed() {
        String tag = "bad" + System.nanoTime();
        String rows = """
                [{"type": "OTHER", "occurredOn": "2025-01-01", "title": "Fine", "tags": ["%1$s"]},
                 {"type": "OTHER", "occurredOn": "2025-02-30", "title": "Impossible date", "tags": ["%1$s"]},
                 {"type": "OTHER", "occurredOn": "2025-01-01", "title": "Fine too", "tags": ["%1$s"]},
                 {"type": "STOCK_MOVE", "occurredOn": "2025-01-01", "title": "", "tags": ["%1$s"],
                  "participants": [{"company": "NO-SUCH-CO", "role": "SUBJECT"}]}]""".formatted(tag);
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(rows).when().post("/api/v1/events/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.row", equalTo(List.of(2, 4)))
                .body("errors.field", equalTo(List.of("occurredOn", "participants[0]")));
        given().queryParam("tag", tag).when().get("/api/v1/events").then().body("items.size()", equalTo(0));
    }

    @Test
    void upsertUpdatesRowsWhoseExternalIdExists() {
        String external = "upsert-" + System.nanoTime();
        String first = "[{\"type\": \"OTHER\", \"occurredOn\": \"2025-01-01\", \"title\": \"First\", \"externalId\": \"" + external + "\"}]";
        given().contentType(ContentType.JSON).body(first).when().post("/api/v1/events/import").then().statusCode(200).body("created", equalTo(1));
        String second = first.replace("First", "Restated");
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(second).when().post("/api/v1/events/import")
                .then().statusCode(400).body("errors[0].field", equalTo("externalId"));
        given().contentType(ContentType.JSON).body(second).queryParam("mode", "upsert").when().post("/api/v1/events/import")
                .then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(1));
        given().queryParam("q", "restated").when().get("/api/v1/events").then().body("items.externalId", hasItem(external));
    }

    @Test
    void aCsvExportImportsBackUnchanged() throws Exception {
        String tag = "roundtrip" + System.nanoTime();
        String company = TestData.createCompany();
        for (int i = 0; i < 30; i++) {
            Map<String, Object> body = TestData.eventWith("=Round trip " + i + ", with \"quotes\"\nand a line break", company);
            body.put("tags", List.of(tag, "t" + (i % 3)));
            body.put("amount", new java.math.BigDecimal("1234.5").multiply(java.math.BigDecimal.valueOf(i)));
            body.put("currency", "EUR");
            body.put("summary", i % 2 == 0 ? null : "-minus first, 中文");
            body.put("sources", List.of(Map.of("url", "https://example.com/" + i, "publisher", "Example")));
            body.put("externalId", tag + "-" + i);
            TestData.createEvent(body);
        }
        String exported = given().accept("text/csv").queryParam("tag", tag).queryParam("sort", "title")
                .when().get("/api/v1/events").then().statusCode(200).extract().asString();
        for (Map<String, String> row : parse(exported)) {
            given().when().delete("/api/v1/events/" + row.get("id")).then().statusCode(204);
        }
        given().contentType("text/csv; charset=UTF-8").body(exported).when().post("/api/v1/events/import")
                .then().statusCode(200).body("created", equalTo(30));
        String again = given().accept("text/csv").queryParam("tag", tag).queryParam("sort", "title")
                .when().get("/api/v1/events").then().statusCode(200).extract().asString();
        assertEquals(withoutServerColumns(parse(exported)), withoutServerColumns(parse(again)));
    }

    @Test
    void aThousandCsvRowsImportInOneCall() {
        String tag = "bulk" + System.nanoTime();
        StringBuilder csv = new StringBuilder("type,occurredOn,title,tags,amount,currency,participants\r\n");
        for (int i = 0; i < 1000; i++) {
            csv.append("INVESTMENT,2024-").append(String.format("%02d", 1 + i % 12)).append("-15,Investment ").append(i).append(',')
                    .append(tag).append(',').append(i * 1000).append(",USD,\"[{\"\"company\"\":\"\"AMZN\"\",\"\"role\"\":\"\"INVESTOR\"\"}]\"\r\n");
        }
        given().contentType("text/csv").body(csv.toString()).when().post("/api/v1/events/import")
                .then().statusCode(200).body("created", equalTo(1000));
        given().queryParam("tag", tag).queryParam("withTotal", true).queryParam("limit", 1).when().get("/api/v1/events")
                .then().body("total", equalTo(1000)).body("items[0].participants[0].ticker", equalTo("AMZN"));
    }

    private static List<Map<String, String>> parse(String csv) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static List<Map<String, String>> withoutServerColumns(List<Map<String, String>> rows) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> row : rows) {
            Map<String, String> copy = new java.util.TreeMap<>(row);
            List.of("id", "createdAt", "updatedAt", "version", "createdBy", "updatedBy").forEach(copy::remove);
            out.add(copy);
        }
        return out;
    }
}

package dev.chipevents.event;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.chipevents.support.TestData;

/** Bulk import: all or nothing, every bad row named, upsert by externalId, and CSV that round-trips. */
@QuarkusTest
class EventImportTest {

    @Test
    void importsAJsonArrayMatchingCompaniesByTickerOrName() {
        String tag = "imp" + System.nanoTime();
        String rows = """
                [{"type": "IPO", "occurredOn": "2024-11-27", "title": "Pony AI lists", "tags": ["%1$s"],
                  "participants": [{"company": "pony", "role": "ISSUER"}, {"company": "Toyota", "role": "BACKER"}]},
                 {"type": "POLICY", "occurredOn": "2022-08-09", "title": "CHIPS Act", "amount": 52700000000, "amountKind": "FUNDING_PROGRAM", "currency": "USD",
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
                  "participants": [{"company": "NO-SUCH-CO", "role": "SUBJECT"}]},
                 {"type": "OTHER", "occurredOn": "2025-01-01", "title": "Names nobody", "tags": ["%1$s"],
                  "participants": [{"company": "NO-SUCH-CO", "role": "SUBJECT"}]}]""".formatted(tag);
        // Every error of every bad row: row 4 breaks two rules, row 5 names a company that does not exist.
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(rows).when().post("/api/v1/events/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.row", equalTo(List.of(2, 4, 4, 5)))
                .body("errors.field", equalTo(List.of("occurredOn", "percentChange", "title", "participants[0].company")))
                .body("errors[3].message", containsString("no company has the id, ticker or name 'NO-SUCH-CO'"));
        given().queryParam("tag", tag).when().get("/api/v1/events").then().body("items.size()", equalTo(0));
    }

    @Test
    void upsertUpdatesRowsWhoseExternalIdExists() {
        String external = "upsert-" + System.nanoTime();
        String first =
                "[{\"type\": \"OTHER\", \"occurredOn\": \"2025-01-01\", \"title\": \"First\", \"externalId\": \"" + external + "\"}]";
        given().contentType(ContentType.JSON).body(first).when().post("/api/v1/events/import").then().statusCode(200).body("created",
                equalTo(1));
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
            body.put("amountKind", "OTHER");
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
        StringBuilder csv = new StringBuilder("type,occurredOn,title,tags,amount,amountKind,currency,participants\r\n");
        for (int i = 0; i < 1000; i++) {
            csv.append("INVESTMENT,2024-").append(String.format("%02d", 1 + i % 12)).append("-15,Investment ").append(i).append(',')
                    .append(tag).append(',').append(i * 1000)
                    .append(",INVESTMENT,USD,\"[{\"\"company\"\":\"\"AMZN\"\",\"\"role\"\":\"\"INVESTOR\"\"}]\"\r\n");
        }
        given().contentType("text/csv").body(csv.toString()).when().post("/api/v1/events/import")
                .then().statusCode(200).body("created", equalTo(1000));
        given().queryParam("tag", tag).queryParam("withTotal", true).queryParam("limit", 1).when().get("/api/v1/events")
                .then().body("total", equalTo(1000)).body("items[0].participants[0].ticker", equalTo("AMZN"));
    }

    @Test
    void oneBodyCreatesAndUpsertsNamingCompaniesByTickerAndNameAndEveryChangeHasItsRevision() {
        String suffix = Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
        Map<String, Object> byTicker = TestData.company("Ticker Co " + suffix);
        byTicker.put("ticker", "TK" + suffix.substring(Math.max(0, suffix.length() - 10)));
        String tickerCompany = TestData.createCompany(byTicker);
        String nameCompany = TestData.createCompany(TestData.company("Named Co " + suffix));
        String existing = "restated-" + suffix;
        String created = "fresh-" + suffix;
        String first = given().contentType(ContentType.JSON)
                .body("[{\"type\": \"OTHER\", \"occurredOn\": \"2025-01-01\", \"title\": \"Before\", \"externalId\": \"" + existing
                        + "\"}]")
                .when().post("/api/v1/events/import").then().statusCode(200).body("created", equalTo(1)).extract().asString();
        assertEquals("{\"created\":1,\"updated\":0}", first.replace(" ", ""));
        String rows = """
                [{"type": "PARTNERSHIP", "occurredOn": "2025-03-01", "title": "Fresh deal", "summary": "Both sides sign",
                  "amount": 1500000, "amountKind": "DEAL_VALUE", "currency": "EUR", "tags": ["deal", "%1$s"], "externalId": "%2$s",
                  "sources": [{"url": "https://example.com/deal", "publisher": "Example", "publishedOn": "2025-03-02"}],
                  "participants": [{"ticker": "%3$s", "role": "PARTNER"}, {"name": "named co %4$s", "role": "CUSTOMER"}]},
                 {"type": "OTHER", "occurredOn": "2025-01-01", "title": "After", "externalId": "%5$s",
                  "participants": [{"company": "%3$s", "role": "SUBJECT"}]}]"""
                .formatted(suffix.toLowerCase(java.util.Locale.ROOT), created,
                        ((String) byTicker.get("ticker")).toLowerCase(java.util.Locale.ROOT),
                        suffix.toLowerCase(java.util.Locale.ROOT), existing);
        given().contentType(ContentType.JSON).body(rows).queryParam("mode", "upsert").when().post("/api/v1/events/import")
                .then().statusCode(200).body("created", equalTo(1)).body("updated", equalTo(1));

        // The new event: participants in order, search text over its companies' names and tickers, its CREATE revision.
        Map<String, Object> fresh =
                given().queryParam("q", "named co " + suffix.toLowerCase(java.util.Locale.ROOT) + " " + byTicker.get("ticker"))
                        .when().get("/api/v1/events").then().statusCode(200)
                        .body("items.externalId", equalTo(List.of(created)))
                        .body("items[0].participants.companyId", equalTo(List.of(tickerCompany, nameCompany)))
                        .body("items[0].participants.role", equalTo(List.of("PARTNER", "CUSTOMER")))
                        .body("items[0].tags", equalTo(List.of("deal", suffix.toLowerCase(java.util.Locale.ROOT))))
                        .body("items[0].sources[0].publishedOn", equalTo("2025-03-02"))
                        .body("items[0].amount", equalTo(1500000))
                        .body("items[0].version", equalTo(0))
                        .body("items[0].createdBy", equalTo("bootstrap-admin"))
                        .extract().path("items[0]");
        given().when().get("/api/v1/events/" + fresh.get("id") + "/history").then().statusCode(200)
                .body("revisions.operation", equalTo(List.of("CREATE")))
                .body("revisions[0].changedBy", equalTo("bootstrap-admin"))
                .body("revisions[0].changedAt", equalTo(fresh.get("createdAt")))
                .body("revisions[0].state", equalTo(fresh));

        // The upserted event: updated in place, both revisions kept, the second with the new version.
        Map<String, Object> updated = given().queryParam("q", "after").queryParam("company", tickerCompany).when().get("/api/v1/events")
                .then().statusCode(200).body("items.externalId", equalTo(List.of(existing)))
                .body("items[0].version", equalTo(1)).body("items[0].participants[0].name", equalTo("Ticker Co " + suffix))
                .extract().path("items[0]");
        given().when().get("/api/v1/events/" + updated.get("id") + "/history").then().statusCode(200)
                .body("revisions.operation", equalTo(List.of("CREATE", "UPDATE")))
                .body("revisions.state.title", equalTo(List.of("Before", "After")))
                .body("revisions.state.version", equalTo(List.of(0, 1)))
                .body("revisions[1].state", equalTo(updated));
    }

    @Test
    void rowsBadInLaterChunksAreReportedInRowOrderAndNothingIsWritten() {
        String tag = "chunks" + System.nanoTime();
        String existing = "taken-" + System.nanoTime();
        given().contentType(ContentType.JSON)
                .body("[{\"type\": \"OTHER\", \"occurredOn\": \"2025-01-01\", \"title\": \"Taken\", \"externalId\": \"" + existing + "\"}]")
                .when().post("/api/v1/events/import").then().statusCode(200).body("created", equalTo(1));
        StringBuilder csv = new StringBuilder("type,occurredOn,title,tags,externalId\r\n");
        for (int i = 1; i <= 2500; i++) {
            String date = i == 1700 ? "2025-02-30" : "2025-01-01";
            String external = i == 1200 ? existing : i == 2100 ? tag + "-5" : tag + "-" + i;
            csv.append("OTHER,").append(date).append(",Row ").append(i).append(',').append(tag).append(',').append(external).append("\r\n");
        }
        given().header(INVALID_ON_PURPOSE, "true").contentType("text/csv").body(csv.toString()).when().post("/api/v1/events/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.row", equalTo(List.of(1200, 1700, 2100)))
                .body("errors.field", equalTo(List.of("externalId", "occurredOn", "externalId")))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("mode=upsert"))
                .body("errors[2].message", equalTo("repeats an externalId of an earlier row"));
        given().queryParam("tag", tag).queryParam("withTotal", true).when().get("/api/v1/events")
                .then().statusCode(200).body("total", equalTo(0)).body("items.size()", equalTo(0));
    }

    @Test
    void csvIsReadAsSentWithAByteOrderMarkAndALeadingApostrophe() {
        String tag = "bom" + System.nanoTime();
        String csv = "\uFEFFtype,occurredOn,title,summary,tags\r\nOTHER,2025-01-01,'=1+1,'@sum kept," + tag + "\r\n";
        given().contentType("text/csv; charset=UTF-8").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/events/import").then().statusCode(200).body("created", equalTo(1));
        given().queryParam("tag", tag).when().get("/api/v1/events").then().statusCode(200)
                .body("items[0].title", equalTo("'=1+1")).body("items[0].summary", equalTo("'@sum kept"));
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

package dev.chipevents.event.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.chipevents.support.TestData;

/** The CSV export's JSON cells and times are, character for character, what the JSON answer says of the same event. */
@QuarkusTest
class EventCsvTest {

    @Inject
    ObjectMapper json;

    @Test
    void theJsonCellsAndTimesAreTheTextOfTheJsonAnswer() throws Exception {
        String tag = TestData.unique("cells").replace(" ", "-").toLowerCase();
        Map<String, Object> ticked = TestData.company(TestData.unique("Cells \"Quoted\", Ünïcode"));
        ticked.put("ticker", "CQ" + (System.nanoTime() % 1000));
        String withTicker = TestData.createCompany(ticked);
        String withoutTicker = TestData.createCompany();
        Map<String, Object> body = TestData.eventWith("JSON cells", withTicker);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> participants = (List<Map<String, Object>>) body.get("participants");
        participants.add(TestData.participant(withoutTicker, "INVESTOR"));
        body.put("tags", List.of(tag));
        Map<String, Object> full =
                new HashMap<>(Map.of("url", "https://example.com/a?b=1&c=%222%22", "publisher", "Ünïcode \"Press\", Inc.",
                        "title", "Back\\slash, comma", "publishedOn", "2024-02-29"));
        body.put("sources", new ArrayList<>(List.of(full, Map.of("url", "https://example.com/bare"))));
        TestData.createEvent(body);

        JsonNode event = json.readTree(given().queryParam("tag", tag).when().get("/api/v1/events").then().statusCode(200)
                .extract().asByteArray()).get("items").get(0);
        String csv = new String(given().queryParam("tag", tag).accept("text/csv").when().get("/api/v1/events").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class).with(CsvSchema.emptySchema().withHeader())
                .readValues(csv)) {
            it.forEachRemaining(rows::add);
        }
        assertEquals(1, rows.size(), csv);
        Map<String, String> row = rows.get(0);
        assertEquals(event.get("id").asText(), row.get("id"));
        assertEquals(json.writeValueAsString(event.get("participants")), row.get("participants"));
        assertEquals(json.writeValueAsString(event.get("sources")), row.get("sources"));
        assertTrue(row.get("participants").contains("\"ticker\":null,\"role\":\"INVESTOR\"}"), row.get("participants"));
        assertTrue(
                row.get("sources")
                        .endsWith("{\"url\":\"https://example.com/bare\",\"publisher\":null,\"title\":null,\"publishedOn\":null}]"),
                row.get("sources"));
        assertEquals(event.get("createdAt").asText(), row.get("createdAt"));
        assertEquals(event.get("updatedAt").asText(), row.get("updatedAt"));
        assertEquals(2, event.get("participants").size());
        assertEquals(2, event.get("sources").size());
    }
}

package dev.chipevents.event.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.chipevents.support.TestData;

/**
 * Pages, exports and single reads show each event's participants, tags and sources from the copy kept in its row
 * (EventChildren): every way they change reaches that copy, and filters still find what the tables hold.
 */
@QuarkusTest
class ShownChildrenTest {

    @Test
    void everyWriteOfTheChildrenShowsInPagesExportsAndReads() {
        String tag = TestData.unique("shown").replace(" ", "-").toLowerCase();
        String first = TestData.createCompany();
        String second = TestData.createCompany();
        Map<String, Object> body = TestData.eventWith("shown children", first);
        body.put("tags", List.of(tag, "before"));
        body.put("sources", List.of(Map.of("url", "https://example.com/before", "publisher", "Before \"Press\"")));
        String id = TestData.createEvent(body).path("id");
        given().queryParam("tag", tag).when().get("/api/v1/events").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].participants.companyId", contains(first))
                .body("items[0].tags", contains(tag, "before")).body("items[0].sources[0].publisher", equalTo("Before \"Press\""));

        // A merge patch replaces all three (sent as UTF-8: RestAssured's default for a type it does not know is ISO-8859-1).
        given().contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"0\"")
                .body(Map.of("participants", List.of(TestData.participant(second, "INVESTOR"),
                        TestData.participant(first, "RECIPIENT")), "tags", List.of(tag, "after"),
                        "sources", List.of(Map.of("url", "https://example.com/after", "title", "Ünïcode"))))
                .when().patch("/api/v1/events/" + id).then().statusCode(200);
        given().queryParam("tag", tag).when().get("/api/v1/events").then().statusCode(200)
                .body("items[0].participants.companyId", contains(second, first)).body("items[0].participants.role",
                        contains("INVESTOR", "RECIPIENT"))
                .body("items[0].tags", contains(tag, "after")).body("items[0].sources.url", contains("https://example.com/after"))
                .body("items[0].sources[0].title", equalTo("Ünïcode"));
        given().queryParam("tag", "before").when().get("/api/v1/events").then().statusCode(200)
                .body("items.id", not(org.hamcrest.Matchers.hasItem(id)));

        // A company's rename reaches every event naming it: pages, the CSV export, a single read and the search.
        String renamed = TestData.unique("Renamed \"Shown\" Co");
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body(Map.of("name", renamed))
                .when().patch("/api/v1/companies/" + second).then().statusCode(200);
        given().queryParam("tag", tag).when().get("/api/v1/events").then().statusCode(200)
                .body("items[0].participants[0].name", equalTo(renamed));
        given().queryParam("company", second).when().get("/api/v1/events").then().statusCode(200)
                .body("items.id", contains(id)).body("items[0].participants[0].name", equalTo(renamed));
        given().when().get("/api/v1/events/" + id).then().statusCode(200).body("participants[0].name", equalTo(renamed));
        given().queryParam("q", renamed.substring(renamed.lastIndexOf(' ') + 1)).when().get("/api/v1/events").then().statusCode(200)
                .body("items.id", contains(id));
        given().queryParam("tag", tag).accept("text/csv").when().get("/api/v1/events").then().statusCode(200)
                .body(containsString(renamed.replace("\"", "\\\"\"")));

        // A PUT with none of them leaves none.
        Map<String, Object> bare = TestData.event("shown children, bare");
        bare.put("tags", List.of(tag));
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(bare).when().put("/api/v1/events/" + id)
                .then().statusCode(200);
        given().queryParam("tag", tag).when().get("/api/v1/events").then().statusCode(200)
                .body("items[0].participants", hasSize(0)).body("items[0].tags", contains(tag)).body("items[0].sources", hasSize(0));
    }

    @Test
    void importedEventsShowTheirChildren() {
        String tag = TestData.unique("imported").replace(" ", "-").toLowerCase();
        String company = TestData.createCompany();
        Map<String, Object> event = TestData.eventWith("imported with children", company);
        event.put("tags", List.of(tag, "second"));
        event.put("sources", List.of(Map.of("url", "https://example.com/imported", "publishedOn", "2024-02-29")));
        given().contentType(ContentType.JSON).body(List.of(event, TestData.event("imported without"))).when()
                .post("/api/v1/events/import").then().statusCode(200);
        given().queryParam("tag", tag).when().get("/api/v1/events").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].participants.companyId", contains(company)).body("items[0].tags", contains(tag, "second"))
                .body("items[0].sources[0].publishedOn", equalTo("2024-02-29"));
    }
}

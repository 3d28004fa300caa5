package dev.chipevents.event.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.chipevents.common.db.Sql;
import dev.chipevents.support.TestData;

/**
 * One company's events by date, the lists' default order, are read through the date each participant row carries (V21).
 * Whatever write changes a date or a participant, the page is the order of the events' own dates, newest or oldest
 * first, with a date range or without, page by page with cursors, the same as the company filter answers when it names
 * two companies (the other way of reading), and every participant row's copy equals its event's date.
 */
@QuarkusTest
class CompanyByDateTest {

    @Inject
    Sql sql;

    @Test
    void aCompanysEventsByDateFollowEveryWrite() {
        String company = TestData.createCompany();
        String other = TestData.createCompany();
        String a = create("A", company, "2021-03-01");
        String b = create("B", company, "2022-03-01");
        create("C", company, "2023-03-01");
        create("D, another company's", other, "2024-03-01");
        assertOrder(company, List.of("C", "B", "A"));

        // A patched date moves its event; the filter keeps its other terms (a type, a date range) alongside.
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"occurredOn\": \"2025-01-15\"}")
                .when().patch("/api/v1/events/" + a).then().statusCode(200);
        assertOrder(company, List.of("A", "C", "B"));
        given().queryParam("company", company).queryParam("type", "IPO").when().get("/api/v1/events")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().queryParam("company", company).queryParam("from", "2022-01-01").queryParam("to", "2024-12-31")
                .when().get("/api/v1/events").then().statusCode(200).body("items.title", equalTo(List.of("C", "B")));
        given().queryParam("from", "2022-03-01").queryParam("to", "2022-03-01").queryParam("sort", "occurredOn")
                .when().get("/api/v1/companies/" + company + "/events").then().statusCode(200).body("items.title", equalTo(List.of("B")));

        // A replacement that drops the company takes its event out; one that names it again with a date brings it back.
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body("B, now the other's", other, "2022-03-01"))
                .when().put("/api/v1/events/" + b).then().statusCode(200);
        assertOrder(company, List.of("A", "C"));
        assertOrder(other, List.of("D, another company's", "B, now the other's"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body("B again", company, "2023-06-30"))
                .when().put("/api/v1/events/" + b).then().statusCode(200);
        assertOrder(company, List.of("A", "B again", "C"));
        assertOrder(other, List.of("D, another company's"));

        // The bulk import writes the copy too.
        String imported = """
                [{"type": "OTHER", "occurredOn": "2023-12-24", "title": "F",
                  "participants": [{"companyId": "%s", "role": "SUBJECT"}]}]""".formatted(company);
        given().contentType(ContentType.JSON).body(imported).when().post("/api/v1/events/import").then().statusCode(200)
                .body("created", equalTo(1));
        assertOrder(company, List.of("A", "F", "B again", "C"));

        // Deleted, then restored.
        given().when().delete("/api/v1/events/" + a).then().statusCode(204);
        assertOrder(company, List.of("F", "B again", "C"));
        given().when().post("/api/v1/events/" + a + "/restore").then().statusCode(200);
        assertOrder(company, List.of("A", "F", "B again", "C"));

        long differing = QuarkusTransaction.requiringNew().call(() -> sql.query("select count(*) from event_participant p"
                + " join event e on e.id = p.event_id where p.event_occurred_on <> e.occurred_on", List.of(), row -> row.getLong(1)))
                .get(0);
        assertEquals(0, differing, "participant rows whose date is not their event's");
    }

    /**
     * The company's events newest first are the titles given, and oldest first the same reversed: in one page, page by
     * page (two at a time, by cursor), in the company's own list, and the same as the filter naming the company and one
     * that takes part in none of them.
     */
    private static void assertOrder(String company, List<String> newestFirst) {
        List<String> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        String lonely = TestData.createCompany();
        for (String sort : List.of("-occurredOn", "occurredOn")) {
            List<String> titles = sort.startsWith("-") ? newestFirst : oldestFirst;
            given().queryParam("company", company).queryParam("sort", sort).when().get("/api/v1/events").then().statusCode(200)
                    .body("items.title", equalTo(titles)).body("nextCursor", nullValue());
            given().queryParam("sort", sort).when().get("/api/v1/companies/" + company + "/events").then().statusCode(200)
                    .body("items.title", equalTo(titles));
            List<String> paged = TestData.pagedTitles(Map.of("company", company, "sort", sort, "limit", 2));
            assertEquals(titles, paged, "page by page, " + sort);
            List<String> both = given().queryParam("company", company).queryParam("company", lonely).queryParam("sort", sort)
                    .when().get("/api/v1/events").then().statusCode(200).extract().path("items.title");
            assertEquals(titles, both, "the filter naming two companies, " + sort);
        }
        given().queryParam("company", company).when().get("/api/v1/events").then().statusCode(200)
                .body("items.title", equalTo(newestFirst));
    }

    private static String create(String title, String company, String occurredOn) {
        return TestData.createEvent(body(title, company, occurredOn)).path("id");
    }

    private static Map<String, Object> body(String title, String company, String occurredOn) {
        Map<String, Object> body = TestData.eventWith(title, company);
        body.put("occurredOn", occurredOn);
        return body;
    }
}

package dev.chipevents.event.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * One company's events sorted by amount, largest first, are read through the amount each participant row carries (V14).
 * Whatever write changes an amount or a participant, the page is the order of the events' own amounts, page by page
 * with cursors, the same as the company filter answers when it names two companies (the other way of reading), and every
 * participant row's copy equals its event's amount.
 */
@QuarkusTest
class CompanyByAmountTest {

    @Inject
    Sql sql;

    @Test
    void aCompanysEventsByAmountFollowEveryWrite() {
        String company = TestData.createCompany();
        String other = TestData.createCompany();
        String a = create("A", company, 10);
        String b = create("B", company, 20);
        String c = create("C", company, 30);
        String d = create("D", company, null);
        create("E, another company's", other, 50);
        assertOrder(company, List.of("C", "B", "A", "D"));

        // A patched amount moves its event; the filter keeps its other terms (a type) alongside.
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"amount\": 40}")
                .when().patch("/api/v1/events/" + a).then().statusCode(200);
        assertOrder(company, List.of("A", "C", "B", "D"));
        given().queryParam("company", company).queryParam("type", "IPO").queryParam("sort", "-amount").when().get("/api/v1/events")
                .then().statusCode(200).body("items.size()", equalTo(0));

        // A replacement that drops the company takes its event out; one that names it again with an amount brings it back.
        Map<String, Object> replaced = body("B, now the other's", other, 99);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(replaced).when().put("/api/v1/events/" + b)
                .then().statusCode(200);
        assertOrder(company, List.of("A", "C", "D"));
        assertOrder(other, List.of("B, now the other's", "E, another company's"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body("B again", company, 35))
                .when().put("/api/v1/events/" + b).then().statusCode(200);
        assertOrder(company, List.of("A", "B again", "C", "D"));
        assertOrder(other, List.of("E, another company's"));

        // An amount taken away sorts its event with the others that have none (nulls last, then by id).
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"amount\": null, \"amountKind\": null, \"currency\": null}").when().patch("/api/v1/events/" + c)
                .then().statusCode(200);
        List<String> last = c.compareTo(d) > 0 ? List.of("C", "D") : List.of("D", "C");
        assertOrder(company, List.of("A", "B again", last.get(0), last.get(1)));

        // The bulk import writes the copy too.
        String imported = """
                [{"type": "GOVERNMENT_AWARD", "occurredOn": "2024-05-01", "title": "F", "amount": 37, "amountKind": "AWARD",
                  "currency": "USD", "participants": [{"companyId": "%s", "role": "SUBJECT"}]}]""".formatted(company);
        given().contentType(ContentType.JSON).body(imported).when().post("/api/v1/events/import").then().statusCode(200)
                .body("created", equalTo(1));
        assertOrder(company, List.of("A", "F", "B again", last.get(0), last.get(1)));

        // Deleted, then restored.
        given().when().delete("/api/v1/events/" + a).then().statusCode(204);
        assertOrder(company, List.of("F", "B again", last.get(0), last.get(1)));
        given().when().post("/api/v1/events/" + a + "/restore").then().statusCode(200);
        assertOrder(company, List.of("A", "F", "B again", last.get(0), last.get(1)));

        long differing = QuarkusTransaction.requiringNew().call(() -> sql.query("select count(*) from event_participant p"
                + " join event e on e.id = p.event_id where p.event_amount is distinct from e.amount", List.of(), row -> row.getLong(1)))
                .get(0);
        assertEquals(0, differing, "participant rows whose amount is not their event's");
    }

    /**
     * The company's events by amount are the titles given: in one page, page by page (two at a time, by cursor), in the
     * company's own list, and the same as the filter naming the company and one that takes part in none of them.
     */
    private static void assertOrder(String company, List<String> titles) {
        given().queryParam("company", company).queryParam("sort", "-amount").when().get("/api/v1/events").then().statusCode(200)
                .body("items.title", equalTo(titles)).body("nextCursor", nullValue());
        given().queryParam("sort", "-amount").when().get("/api/v1/companies/" + company + "/events").then().statusCode(200)
                .body("items.title", equalTo(titles));
        List<String> paged = TestData.pagedTitles(Map.of("company", company, "sort", "-amount", "limit", 2));
        assertEquals(titles, paged, "page by page");
        String lonely = TestData.createCompany();
        List<String> both = given().queryParam("company", company).queryParam("company", lonely).queryParam("sort", "-amount")
                .when().get("/api/v1/events").then().statusCode(200).extract().path("items.title");
        assertEquals(titles, both, "the filter naming two companies");
    }

    private static String create(String title, String company, Integer amount) {
        return TestData.createEvent(body(title, company, amount)).path("id");
    }

    private static Map<String, Object> body(String title, String company, Integer amount) {
        Map<String, Object> body = TestData.eventWith(title, company);
        body.put("type", "GOVERNMENT_AWARD");
        if (amount != null) {
            body.put("amount", amount);
            body.put("amountKind", "AWARD");
            body.put("currency", "USD");
        }
        return body;
    }
}

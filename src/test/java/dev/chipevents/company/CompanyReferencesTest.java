package dev.chipevents.company;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.chipevents.support.TestData;

/** A company is named by its id, its ticker or its exact name, case-insensitive, wherever the API names one. */
@QuarkusTest
class CompanyReferencesTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final String name = "Reference Works " + suffix;
    private final String ticker = "RW" + suffix.substring(0, 4).toUpperCase(Locale.ROOT);

    private String create() {
        Map<String, Object> company = TestData.company(name);
        company.put("ticker", ticker);
        return TestData.createCompany(company);
    }

    @Test
    void pathsTakeAnIdATickerOrAName() {
        String id = create();
        for (String reference : List.of(id, ticker.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT))) {
            given().when().get("/api/v1/companies/" + reference).then().statusCode(200).body("id", equalTo(id));
            given().when().get("/api/v1/companies/" + reference + "/events").then().statusCode(200).body("items.size()", equalTo(0));
        }
        given().header("If-Match", "\"0\"").contentType("application/merge-patch+json").body("{\"exchange\": \"Nasdaq\"}")
                .when().patch("/api/v1/companies/" + ticker).then().statusCode(200).body("id", equalTo(id))
                .body("exchange", equalTo("Nasdaq"));
        given().header(INVALID_ON_PURPOSE, "true").when().get("/api/v1/companies/Reference Works " + suffix.substring(0, 3))
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("did you mean ")).body("detail", containsString(ticker + " (" + name + ")"));
    }

    @Test
    void participantsInCreateReplacePatchAndImportTakeEveryForm() {
        String id = create();
        Map<String, Object> body = TestData.event("Named by ticker " + suffix);
        body.put("participants", List.of(Map.of("company", ticker.toLowerCase(Locale.ROOT), "role", "SUBJECT")));
        String event = TestData.createEvent(body).then().body("participants[0].companyId", equalTo(id)).extract().path("id");
        body.put("participants", List.of(Map.of("company", name, "role", "ISSUER")));
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(body).when().put("/api/v1/events/" + event)
                .then().statusCode(200).body("participants[0].companyId", equalTo(id)).body("participants[0].role", equalTo("ISSUER"));
        given().header("If-Match", "\"1\"").contentType("application/merge-patch+json")
                .body("{\"participants\": [{\"companyId\": \"" + id + "\", \"role\": \"SUBJECT\"}]}")
                .when().patch("/api/v1/events/" + event).then().statusCode(200).body("participants[0].role", equalTo("SUBJECT"));
        given().contentType(ContentType.JSON)
                .body("[{\"type\": \"OTHER\", \"occurredOn\": \"2025-01-01\", \"title\": \"Imported " + suffix + "\","
                        + " \"participants\": [{\"company\": \"" + name.toLowerCase(Locale.ROOT) + "\", \"role\": \"SUBJECT\"}]}]")
                .when().post("/api/v1/events/import").then().statusCode(200).body("created", equalTo(1));
        given().queryParam("company", name).queryParam("withTotal", true).when().get("/api/v1/events")
                .then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void anUnknownReferenceIsRefusedWithTheClosestNames() {
        create();
        // Three companies that start like it with shorter names, which a hint ordered by length alone would name first.
        for (int i = 0; i < 3; i++) {
            Map<String, Object> decoy = TestData.company(ticker.substring(0, 3) + i + " " + suffix);
            decoy.put("ticker", ticker.substring(0, 3) + "Q" + i + suffix.substring(4).toUpperCase(Locale.ROOT));
            TestData.createCompany(decoy);
        }
        given().header(INVALID_ON_PURPOSE, "true").queryParam("company", ticker + "X").when().get("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("company"))
                .body("errors[0].message", containsString("no company has the id, ticker or name '" + ticker + "X'"))
                .body("errors[0].message", containsString("did you mean "))
                .body("errors[0].message", containsString(ticker + " (" + name + ")"));
        Map<String, Object> body = TestData.event("Names nobody");
        body.put("participants", List.of(Map.of("company", "Nobody Inc " + suffix, "role", "SUBJECT")));
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(body).when().post("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("participants[0].company"));
    }

    @Test
    void aReferenceThatNamesTwoCompaniesListsThem() {
        String byTicker = create();
        // Another company whose name is the first one's ticker.
        String byName = TestData.createCompany(TestData.company(ticker));
        given().header(INVALID_ON_PURPOSE, "true").queryParam("company", ticker).when().get("/api/v1/events")
                .then().statusCode(400).body("errors[0].message", containsString("names several companies"))
                .body("errors[0].message", containsString(byTicker)).body("errors[0].message", containsString(byName));
        given().queryParam("company", byName).when().get("/api/v1/events").then().statusCode(200);
    }

    @Test
    void severalReferencesInOneWriteResolveEachInItsOwnForm() {
        String first = create();
        Map<String, Object> secondCompany = TestData.company("Second Works " + suffix);
        secondCompany.put("ticker", "SW" + suffix.substring(0, 4).toUpperCase(Locale.ROOT));
        String second = TestData.createCompany(secondCompany);
        String third = TestData.createCompany(TestData.company("Third Works " + suffix));
        Map<String, Object> body = TestData.event("Named three ways " + suffix);
        body.put("participants", List.of(Map.of("company", name.toUpperCase(Locale.ROOT), "role", "SUBJECT"),
                Map.of("company", "sw" + suffix.substring(0, 4), "role", "PARTNER"), Map.of("company", third, "role", "INVESTOR")));
        TestData.createEvent(body).then().body("participants.companyId", equalTo(List.of(first, second, third)));
        // An import's chunk names them all together: one by id, one by ticker, one by name, across two rows.
        given().contentType(ContentType.JSON)
                .body("[{\"type\": \"OTHER\", \"occurredOn\": \"2025-01-01\", \"title\": \"Row one " + suffix + "\","
                        + " \"participants\": [{\"company\": \"" + first + "\", \"role\": \"SUBJECT\"}]},"
                        + " {\"type\": \"OTHER\", \"occurredOn\": \"2025-01-02\", \"title\": \"Row two " + suffix + "\","
                        + " \"participants\": [{\"company\": \"" + ticker.toLowerCase(Locale.ROOT) + "\", \"role\": \"SUBJECT\"},"
                        + " {\"company\": \"third works " + suffix + "\", \"role\": \"PARTNER\"}]}]")
                .when().post("/api/v1/events/import").then().statusCode(200).body("created", equalTo(2));
        given().queryParam("company", first).queryParam("sort", "occurredOn").when().get("/api/v1/events").then().statusCode(200)
                .body("items.title", equalTo(List.of("Row one " + suffix, "Row two " + suffix, "Named three ways " + suffix)));
        given().queryParam("company", third).queryParam("sort", "occurredOn").when().get("/api/v1/events").then().statusCode(200)
                .body("items.title", equalTo(List.of("Row two " + suffix, "Named three ways " + suffix)));
    }

    @Test
    void aReferenceNamingTwoCompaniesIsRefusedInAWriteWithSeveral() {
        String byTicker = create();
        String byName = TestData.createCompany(TestData.company(ticker));
        String other = TestData.createCompany(TestData.company("Bystander " + suffix));
        Map<String, Object> body = TestData.event("Ambiguous " + suffix);
        body.put("participants", List.of(Map.of("company", other, "role", "SUBJECT"), Map.of("company", ticker, "role", "PARTNER")));
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(body).when().post("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("participants[1].company"))
                .body("errors[0].message", containsString("names several companies"))
                .body("errors[0].message", containsString(ticker + " (" + name + ")"))
                .body("errors[0].message", containsString(ticker + " (" + byName + ")"));
        given().queryParam("company", byTicker).when().get("/api/v1/events").then().statusCode(200).body("items.size()", equalTo(0));
    }
}

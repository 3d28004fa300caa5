package dev.chipevents.event;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.chipevents.support.TestData;

/** What GET gives, PUT takes back: a saved body, edited and sent with its ETag, replaces the resource. */
@QuarkusTest
class RoundTripTest {

    @Test
    void anEventSavedFromGetEditedAndSentBackIsAccepted() {
        String company = TestData.createCompany();
        String id = TestData.createEvent(TestData.eventWith("Round trip", company)).path("id");
        Map<String, Object> saved = given().when().get("/api/v1/events/" + id).then().statusCode(200).extract().as(Map.class);
        saved.put("title", "Round trip, edited");
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(saved).when().put("/api/v1/events/" + id)
                .then().statusCode(200).body("title", equalTo("Round trip, edited")).body("version", equalTo(1))
                .body("participants[0].companyId", equalTo(company));
    }

    @Test
    void serverOwnedFieldsThatDifferAreNamedTogether() {
        String id = TestData.createEvent(TestData.event("Changed behind the back")).path("id");
        Map<String, Object> saved = given().when().get("/api/v1/events/" + id).then().statusCode(200).extract().as(Map.class);
        saved.put("version", 7);
        saved.put("createdBy", "someone else");
        given().header(INVALID_ON_PURPOSE, "true").header("If-Match", "\"0\"").contentType(ContentType.JSON).body(saved)
                .when().put("/api/v1/events/" + id)
                .then().statusCode(400).body("errors.field", equalTo(List.of("version", "createdBy")))
                .body("errors[0].message", containsString("set by the server"));
    }

    @Test
    void everyUnknownFieldIsListedInOneProblem() {
        Map<String, Object> body = TestData.event("Too many fields");
        body.put("colour", "red");
        body.put("participants", List.of(Map.of("company", "NVDA", "role", "SUBJECT", "weight", 3)));
        body.put("id", "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f");
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(body).when().post("/api/v1/events")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("colour", "participants[0].weight"));
        body.remove("colour");
        body.put("participants", List.of(Map.of("company", "NVDA", "role", "SUBJECT")));
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(body).when().post("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("id"))
                .body("errors[0].message", containsString("set by the server"));
    }

    @Test
    void aCompanySavedFromGetIsAcceptedBack() {
        String id = TestData.createCompany();
        Map<String, Object> saved = given().when().get("/api/v1/companies/" + id).then().statusCode(200).extract().as(Map.class);
        saved.put("exchange", "Nasdaq");
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(saved).when().put("/api/v1/companies/" + id)
                .then().statusCode(200).body("exchange", equalTo("Nasdaq"));
    }
}

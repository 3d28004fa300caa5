package dev.chipevents.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The one builder of test data: companies and events made through the API, with unique names. */
public final class TestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** The bootstrap admin key of the test profile (chip-events.admin-key). */
    public static final String ADMIN_KEY = "test-admin-key";


    /** Creates an API key with the role and returns its secret. */
    public static String createKey(String role) {
        return given().contentType(ContentType.JSON).body(Map.of("name", unique("key"), "role", role))
                .when().post("/api/v1/api-keys")
                .then().statusCode(201).extract().path("key");
    }

    private TestData() {
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8) + SEQUENCE.incrementAndGet();
    }

    public static Map<String, Object> company(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("segment", "FABLESS");
        body.put("country", "US");
        return body;
    }

    /** Creates a company and returns its id. */
    public static String createCompany(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/companies")
                .then().statusCode(201).extract().path("id");
    }

    public static String createCompany() {
        return createCompany(company(unique("Company")));
    }

    public static Map<String, Object> event(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "OTHER");
        body.put("occurredOn", "2025-01-27");
        body.put("title", title);
        return body;
    }

    public static Map<String, Object> participant(String companyId, String role) {
        Map<String, Object> p = new HashMap<>();
        p.put("companyId", companyId);
        p.put("role", role);
        return p;
    }

    public static Map<String, Object> eventWith(String title, String companyId) {
        Map<String, Object> body = event(title);
        List<Map<String, Object>> participants = new ArrayList<>();
        participants.add(participant(companyId, "SUBJECT"));
        body.put("participants", participants);
        return body;
    }

    public static Response createEvent(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events")
                .then().statusCode(201).extract().response();
    }
}

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

    /** Every key, following the list's cursor. */
    public static List<Map<String, Object>> allKeys() {
        List<Map<String, Object>> keys = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/api-keys").then().statusCode(200).extract();
            List<Map<String, Object>> items = page.path("items");
            keys.addAll(items);
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return keys;
    }

    /** The titles of every event a list answers for the query, page by page (following its cursor). */
    public static List<String> pagedTitles(Map<String, Object> query) {
        List<String> titles = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = new HashMap<>(query);
            if (cursor != null) {
                page.put("cursor", cursor);
            }
            Response answer = given().queryParams(page).when().get("/api/v1/events").then().statusCode(200).extract().response();
            titles.addAll(answer.path("items.title"));
            cursor = answer.path("nextCursor");
        } while (cursor != null);
        return titles;
    }

    /** The listed entry of the active key whose secret this is. */
    public static Map<String, Object> keyOf(String secret) {
        List<Map<String, Object>> matches = allKeys().stream()
                .filter(k -> secret.substring(0, 7).equals(k.get("keyPrefix")) && k.get("revokedAt") == null).toList();
        if (matches.size() != 1) {
            throw new AssertionError(matches.size() + " active keys with the prefix of " + secret.substring(0, 7));
        }
        return matches.get(0);
    }

    /** How the ledger names changes made with the key: `key:<name> (<id>)`. */
    public static String changedByKey(String secret) {
        Map<String, Object> key = keyOf(secret);
        return "key:" + key.get("name") + " (" + key.get("id") + ")";
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

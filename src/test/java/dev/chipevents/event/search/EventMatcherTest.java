package dev.chipevents.event.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.chipevents.event.AmountKind;
import dev.chipevents.event.EventResponse;
import dev.chipevents.event.EventType;
import dev.chipevents.support.TestData;

/** The in-memory test of the filters selects exactly what the WHERE clause selects, for random queries. */
@QuarkusTest
class EventMatcherTest {

    @Inject
    EventMatcher matcher;

    @Inject
    ObjectMapper json;

    private static final String[] TYPES = { "IPO", "STOCK_MOVE", "POLICY", "OTHER" };
    private static final String[] COUNTRIES = { "US", "TW", "CN" };
    private static final String[] TAGS = { "alpha", "beta", "gamma" };
    private static final String[] WORDS = { "wafer", "foundry", "arizona", "packaging" };

    @Test
    void selectsWhatTheDatabaseSelects() throws Exception {
        Random random = new Random(42);
        String companyA = TestData.createCompany();
        String companyB = TestData.createCompany();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Map<String, Object> body = TestData.eventWith(WORDS[random.nextInt(WORDS.length)] + " news " + i,
                    random.nextBoolean() ? companyA : companyB);
            String type = TYPES[random.nextInt(TYPES.length)];
            body.put("type", type);
            body.put("occurredOn", "2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9));
            body.put("country", COUNTRIES[random.nextInt(COUNTRIES.length)]);
            body.put("tags", List.of(TAGS[random.nextInt(TAGS.length)]));
            if (random.nextBoolean()) {
                body.put("amount", 1000 * (1 + random.nextInt(9)));
                body.put("currency", random.nextBoolean() ? "USD" : "EUR");
                List<AmountKind> kinds = List.copyOf(AmountKind.allowedFor(EventType.valueOf(type)));
                body.put("amountKind", kinds.get(random.nextInt(kinds.size())).name());
            }
            if (type.equals("STOCK_MOVE")) {
                body.put("percentChange", random.nextInt(40) - 20);
            }
            if (random.nextBoolean()) {
                body.put("summary", "About " + WORDS[random.nextInt(WORDS.length)]);
            }
            created.add(TestData.createEvent(body).path("id"));
        }
        // A few links, so that relatedTo has something to select; the states read after them carry their links.
        for (int i = 0; i < 8; i++) {
            String from = created.get(random.nextInt(created.size()));
            String to = created.get(random.nextInt(created.size()));
            if (!from.equals(to)) {
                given().contentType(ContentType.JSON).body(Map.of("type", "FOLLOWS_UP", "eventId", to))
                        .when().post("/api/v1/events/" + from + "/links").then().statusCode(anyOf(is(201), is(409)));
            }
        }
        List<EventResponse> states = new ArrayList<>();
        for (String id : created) {
            states.add(json.readValue(given().when().get("/api/v1/events/" + id).then().statusCode(200).extract().asString(),
                    EventResponse.class));
        }
        for (int q = 0; q < 60; q++) {
            MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
            if (random.nextInt(3) == 0) {
                query.add("type", TYPES[random.nextInt(TYPES.length)] + "," + TYPES[random.nextInt(TYPES.length)]);
            }
            if (random.nextInt(3) == 0) {
                query.add("from", "2024-03-01");
            }
            if (random.nextInt(3) == 0) {
                query.add("to", "2024-07-15");
            }
            if (random.nextInt(3) == 0) {
                query.add("country", COUNTRIES[random.nextInt(COUNTRIES.length)].toLowerCase());
            }
            if (random.nextInt(3) == 0) {
                query.add("tag", TAGS[random.nextInt(TAGS.length)]);
            }
            if (random.nextInt(3) == 0) {
                query.add("q", WORDS[random.nextInt(WORDS.length)].toUpperCase());
            }
            if (random.nextInt(4) == 0) {
                query.add("company", random.nextBoolean() ? companyA : companyB);
            }
            if (random.nextInt(4) == 0) {
                query.add("currency", "USD");
            }
            if (random.nextInt(4) == 0) {
                query.add("minAmount", "3000");
            }
            if (random.nextInt(4) == 0) {
                query.add("maxAmount", "6000");
            }
            if (random.nextInt(4) == 0) {
                query.add("minChange", "-5");
            }
            if (random.nextInt(4) == 0) {
                query.add("maxChange", "10");
            }
            if (random.nextInt(4) == 0) {
                query.add("amountKind", random.nextBoolean() ? "OTHER" : "IPO_PROCEEDS,FUNDING_PROGRAM");
            }
            if (random.nextInt(4) == 0) {
                query.add("relatedTo", created.get(random.nextInt(created.size())));
            }
            EventQuery parsed = EventQuery.parse(query, EventQuery.LIST_PARAMETERS);
            Predicate<EventResponse> test = QuarkusTransaction.requiringNew().call(() -> matcher.of(parsed));
            Set<String> inMemory = new TreeSet<>();
            states.stream().filter(test).forEach(e -> inMemory.add(e.id().toString()));
            Set<String> inDatabase = new TreeSet<>(selected(query));
            inDatabase.retainAll(created);
            assertEquals(inDatabase, inMemory, "for " + query);
        }
        assertEquals(true, EventMatcher.selectsAll(EventQuery.parse(new MultivaluedHashMap<>(), EventQuery.LIST_PARAMETERS)));
    }

    private static List<String> selected(MultivaluedMap<String, String> query) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> params = new HashMap<>();
            query.forEach((k, v) -> params.put(k, v.get(0)));
            params.put("limit", 200);
            if (cursor != null) {
                params.put("cursor", cursor);
            }
            JsonPath page = given().header("X-Test-Lenient-Form", "x").queryParams(params).when().get("/api/v1/events")
                    .then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }
}

package dev.chipevents.event.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.chipevents.support.TestData;

/**
 * A walk by cursor through rows that share their first sort value: on H2 a position is read as its parts (the rest of
 * its tie, then the rows after it), so a page may come from two reads; whichever way, every match comes once and in order,
 * also when a page starts inside a tie and ends past it.
 */
@QuarkusTest
class SeekThroughTiesTest {

    private record Item(String id, String occurredOn, String title) {
    }

    @Test
    void pagesThroughATieAndPastItHoldEveryEventOnceInOrder() {
        String tag = "ties-" + UUID.randomUUID().toString().substring(0, 8);
        List<Item> created = new ArrayList<>();
        String[] days = { "1979-06-02", "1979-06-02", "1979-06-02", "1979-06-02", "1979-06-02", "1979-06-01", "1979-06-01", "1979-05-31" };
        String[] titles = { "delta", "alpha", "echo", "alpha", "charlie", "bravo", "alpha", "delta" };
        for (int i = 0; i < days.length; i++) {
            Map<String, Object> body = TestData.event(titles[i]);
            body.put("occurredOn", days[i]);
            body.put("tags", List.of(tag));
            String id = TestData.createEvent(body).path("id");
            created.add(new Item(id, days[i], titles[i]));
        }
        Comparator<Item> byId = Comparator.comparing(Item::id); // the ids' text orders them as the database does

        List<String> byDate = created.stream().sorted(Comparator.comparing(Item::occurredOn).thenComparing(byId).reversed())
                .map(Item::id).toList();
        List<String> byTitle = created.stream().sorted(Comparator.comparing(Item::title).thenComparing(byId)).map(Item::id).toList();
        List<String> byTitleDescending = new ArrayList<>(byTitle);
        Collections.reverse(byTitleDescending);
        for (int limit : new int[]{ 1, 2, 3, 4 }) {
            assertEquals(byDate, walk(tag, null, limit), "newest first, " + limit + " a page");
            assertEquals(byTitle, walk(tag, "title", limit), "by title, " + limit + " a page");
            assertEquals(byTitleDescending, walk(tag, "-title", limit), "by title descending, " + limit + " a page");
        }
        // The same walk with a type filter too, which leads the order on H2 (its index starts with the type).
        assertEquals(byDate, walkOfType(tag, 3));
    }

    private static List<String> walk(String tag, String sort, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("tag", tag).queryParam("limit", limit);
            if (sort != null) {
                request.queryParam("sort", sort);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/events").then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items.id");
            assertTrue(items.size() <= limit, "at most " + limit + " a page: " + items);
            ids.addAll(items);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private static List<String> walkOfType(String tag, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("tag", tag).queryParam("type", "OTHER").queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/events").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }
}

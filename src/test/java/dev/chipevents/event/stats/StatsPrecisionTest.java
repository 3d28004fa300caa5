package dev.chipevents.event.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.chipevents.support.TestData;

/** Dates at their precision: by day or week an event dated to a month is never placed on a day; by month it is counted in its month. */
@QuarkusTest
class StatsPrecisionTest {

    @Test
    void aMonthLongEventIsCountedApartByDayAndWeekAndInItsMonthByMonth() {
        String tag = "precision-" + System.nanoTime();
        create("A day in December", "2024-12-01", "DAY", tag);
        create("December as a whole", "2024-12-01", "MONTH", tag);
        create("Also December", "2024-12-01", "MONTH", tag);
        create("The fourth quarter", "2024-10-01", "QUARTER", tag);
        for (String groupBy : List.of("day", "week")) {
            given().queryParam("groupBy", groupBy).queryParam("tag", tag).when().get("/api/v1/events/stats").then().statusCode(200)
                    .body("buckets.count", equalTo(List.of(1)))
                    .body("coarser.key", equalTo(List.of("2024-Q4", "2024-12")))
                    .body("coarser.datePrecision", equalTo(List.of("QUARTER", "MONTH")))
                    .body("coarser.count", equalTo(List.of(1, 2)));
        }
        given().queryParam("groupBy", "month").queryParam("tag", tag).when().get("/api/v1/events/stats").then()
                .body("buckets.key", equalTo(List.of("2024-12"))).body("buckets.count", equalTo(List.of(3)))
                .body("coarser.key", equalTo(List.of("2024-Q4")));
        for (String groupBy : List.of("quarter", "year", "type")) {
            given().queryParam("groupBy", groupBy).queryParam("tag", tag).when().get("/api/v1/events/stats").then()
                    .body("buckets.count", equalTo(List.of(4))).body("coarser", empty());
        }
        // Lists and CSV keep the precision beside the date.
        given().queryParam("tag", tag).queryParam("sort", "occurredOn,title").when().get("/api/v1/events").then()
                .body("items.datePrecision", equalTo(List.of("QUARTER", "DAY", "MONTH", "MONTH")));
    }

    private static void create(String title, String occurredOn, String precision, String tag) {
        Map<String, Object> body = TestData.event(title);
        body.put("occurredOn", occurredOn);
        body.put("datePrecision", precision);
        body.put("tags", List.of(tag));
        TestData.createEvent(body);
    }
}

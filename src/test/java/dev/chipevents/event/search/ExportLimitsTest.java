package dev.chipevents.event.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import dev.chipevents.support.TestData;

/** A replica streams at most CHIP_EVENTS_EXPORT_MAX_CONCURRENT exports at once (one here); a slot comes back however an export ends. */
@QuarkusTest
@TestProfile(ExportLimitsTest.One.class)
class ExportLimitsTest {

    public static class One implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chip-events.export.max-concurrent", "1");
        }
    }

    private static final int EVENTS = 3000;

    @TestHTTPResource("/")
    URL server;

    @Inject
    ExportSlots slots;

    @Test
    void anExportBeyondTheLimitIsRefusedUntilOneEnds() throws Exception {
        String tag = TestData.unique("export-limit").replace(" ", "-").toLowerCase();
        // About 12 MB of CSV: more than the sockets' buffers hold, so an export to a client that does not read stays open.
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            Map<String, Object> event = TestData.event("Export limit " + i);
            event.put("summary", String.format("Row %05d of a long export. ", i).repeat(140)); // 3,920 characters
            event.put("tags", List.of(tag));
            rows.add(event);
        }
        given().contentType(ContentType.JSON).body(rows).when().post("/api/v1/events/import").then().statusCode(200)
                .body("created", equalTo(EVENTS));

        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress(server.getHost(), server.getPort()));
            slow.getOutputStream().write(("GET /api/v1/events?format=csv&tag=" + tag + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
            InputStream in = slow.getInputStream();
            assertEquals('H', in.read(), "the slow export started");
            awaitSlots(n -> n == 1, "the slow export holds the one slot");

            given().queryParam("tag", tag).accept("text/csv").when().get("/api/v1/events").then().statusCode(503)
                    .contentType(startsWith("application/problem+json")).header("Retry-After", "5")
                    .body("type", equalTo("urn:chip-events:problem:exports-busy"))
                    .body("detail", containsString("1 exports are streaming from this server (CHIP_EVENTS_EXPORT_MAX_CONCURRENT)"));
            given().queryParam("tag", tag).queryParam("format", "ics").when().get("/api/v1/events").then().statusCode(503)
                    .header("Retry-After", "5").body("type", equalTo("urn:chip-events:problem:exports-busy"));
            // Pages are no exports, and a bad export request is still named as such.
            given().queryParam("tag", tag).when().get("/api/v1/events").then().statusCode(200).body("items", hasSize(50));
            given().queryParam("tag", tag).queryParam("format", "csv").queryParam("cursor", "x").when().get("/api/v1/events").then()
                    .statusCode(400).body("errors[0].field", equalTo("cursor"));
            Thread.sleep(500);
            assertEquals(1, slots.inUse(), "a client that reads nothing keeps its slot while its export waits");
        } // the client goes away in the middle of its export

        awaitSlots(n -> n == 0, "the slot of an export whose client left comes back");
        String csv = given().queryParam("tag", tag).queryParam("format", "csv").when().get("/api/v1/events").then().statusCode(200)
                .extract().asString();
        assertEquals(EVENTS + 1, csv.split("\r\n").length, "the header and every row");
        awaitSlots(n -> n == 0, "the slot of an export sent to the end comes back");
        given().queryParam("tag", tag).queryParam("format", "ics").when().get("/api/v1/events").then().statusCode(200)
                .body(containsString("END:VCALENDAR"));
        awaitSlots(n -> n == 0, "and so does the calendar's");
    }

    private void awaitSlots(IntPredicate expected, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!expected.test(slots.inUse()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(true, expected.test(slots.inUse()), what + " (slots in use: " + slots.inUse() + ")");
    }
}

package dev.chipevents.changes;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.chipevents.history.ChangeLog;
import dev.chipevents.support.SseClient;
import dev.chipevents.support.TestData;

/** Caps, heartbeats and the retention window, with small settings. */
@QuarkusTest
@TestProfile(ChangeLimitsTest.Small.class)
class ChangeLimitsTest {

    public static class Small implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // the replica's cap above a client's share, so one client alone meets its own cap first
            return Map.of("chip-events.changes.max-streams", "3", "chip-events.changes.max-streams-per-client", "2",
                    "chip-events.changes.heartbeat", "PT1S");
        }
    }

    @TestHTTPResource("/api/v1/changes")
    URI changes;

    @Inject
    ChangeLog log;

    @Inject
    ChangeFeed feed;

    @Test
    void aClientHoldsAtMostItsShareOfStreams() throws Exception {
        try (SseClient one = SseClient.open(changes, null); SseClient two = SseClient.open(changes, null)) {
            assertEquals(200, one.status());
            assertEquals(200, two.status());
            try (SseClient three = SseClient.open(changes, null)) {
                assertEquals(429, three.status());
                assertTrue(three.header("Content-Type").startsWith("application/problem+json"), three.header("Content-Type"));
                assertEquals("5", three.header("Retry-After"));
                JsonPath problem = JsonPath.from(three.body());
                assertEquals("urn:chip-events:problem:too-many-requests", problem.getString("type"));
                assertEquals(429, problem.getInt("status"));
                assertTrue(problem.getString("detail").contains("CHIP_EVENTS_CHANGES_MAX_STREAMS_PER_CLIENT"), problem.getString("detail"));
            }
            one.close();
            awaitOpenStreams(1, "the closed stream is let go");
            try (SseClient again = SseClient.open(changes, null)) {
                assertEquals(200, again.status(), "a closed stream gives its place back");
            }
        }
        awaitOpenStreams(0, "every stream is let go");
        // another client (a key) counts on its own
        String key = TestData.createKey("reader");
        try (SseClient a = SseClient.open(changes, null); SseClient b = SseClient.open(changes, null);
                SseClient c = SseClient.open(changes, null, "X-API-Key", key)) {
            assertEquals(200, c.status());
        }
        awaitOpenStreams(0, "every stream is let go");
    }

    @Test
    void theReplicaHoldsAtMostItsStreamsWhateverTheClients() throws Exception {
        awaitOpenStreams(0, "no stream of another test is held");
        String key = TestData.createKey("reader");
        try (SseClient one = SseClient.open(changes, null); SseClient two = SseClient.open(changes, null);
                SseClient three = SseClient.open(changes, null, "X-API-Key", key)) {
            assertEquals(200, one.status());
            assertEquals(200, two.status());
            assertEquals(200, three.status());
            // the key holds one of its two: only the replica's cap can refuse it
            try (SseClient four = SseClient.open(changes, null, "X-API-Key", key)) {
                assertEquals(503, four.status());
                assertTrue(four.header("Content-Type").startsWith("application/problem+json"), four.header("Content-Type"));
                assertEquals("5", four.header("Retry-After"));
                JsonPath problem = JsonPath.from(four.body());
                assertEquals("urn:chip-events:problem:changes-unavailable", problem.getString("type"));
                assertEquals("Changes unavailable", problem.getString("title"));
                assertEquals(503, problem.getInt("status"));
                assertEquals("This replica holds as many change streams as it may (CHIP_EVENTS_CHANGES_MAX_STREAMS); retry later.",
                        problem.getString("detail"));
            }
            assertEquals(3, feed.openStreams(), "a refused stream takes no place");
            one.close();
            awaitOpenStreams(2, "the closed stream is let go");
            try (SseClient again = SseClient.open(changes, null, "X-API-Key", key)) {
                assertEquals(200, again.status(), "a closed stream gives its place back");
                assertTrue(again.header("Content-Type").startsWith("text/event-stream"), again.header("Content-Type"));
            }
        }
        awaitOpenStreams(0, "every stream is let go");
    }

    @Test
    void idleStreamsGetACommentWithTheirPositionSoAFilteredStreamResumesPastWhatItSkipped() throws Exception {
        try (SseClient stream = SseClient.open(URI.create(changes + "?tag=nothing-has-this-tag"), null)) {
            String id = TestData.createEvent(TestData.event("Not for this stream")).path("id");
            long sequence = given().accept(ContentType.JSON).queryParam("since", ChangeLogs.last() - 1)
                    .when().get("/api/v1/changes").then().statusCode(200).body("items[0].id", equalTo(id))
                    .extract().jsonPath().getLong("items[0].sequence");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while ((stream.lastEventId() == null || Long.parseLong(stream.lastEventId()) < sequence) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(sequence, Long.parseLong(stream.lastEventId()));
            assertTrue(stream.comments() >= 2, "the opening comment and a keep-alive");
            assertEquals(null, stream.next(Duration.ofMillis(100)), "no event for it");
        }
        awaitOpenStreams(0, "the stream is let go");
    }

    @Test
    void aResumePointOlderThanTheWindowIsGone() throws Exception {
        TestData.createEvent(TestData.event("Soon purged"));
        long last = ChangeLogs.last();
        int removed = QuarkusTransaction.requiringNew().call(() -> log.purgeBefore(Instant.now().plusSeconds(60)));
        assertTrue(removed > 0);
        given().accept(ContentType.JSON).queryParam("since", last - 1)
                .when().get("/api/v1/changes").then().statusCode(410)
                .body("type", equalTo("urn:chip-events:problem:resume-point-expired")).body("detail", containsString("reload"));
        try (SseClient expired = SseClient.open(changes, Long.toString(last - 1))) {
            assertEquals(410, expired.status());
        }
        given().accept(ContentType.JSON).queryParam("since", last)
                .when().get("/api/v1/changes").then().statusCode(200).body("items.size()", equalTo(0));
        given().accept(ContentType.JSON).when().get("/api/v1/changes").then().statusCode(200).body("nextSince", equalTo((int) last));
        String id = TestData.createEvent(TestData.event("After the purge")).path("id");
        given().accept(ContentType.JSON).queryParam("since", last)
                .when().get("/api/v1/changes").then().statusCode(200).body("items[0].id", equalTo(id));
        given().accept(ContentType.JSON).header(INVALID_ON_PURPOSE, "x").queryParam("since", -1)
                .when().get("/api/v1/changes").then().statusCode(400).body("errors[0].field", equalTo("since"));
    }

    /** Waits until the server holds at most `most` streams: a client's close reaches it a moment later. */
    private void awaitOpenStreams(int most, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (feed.openStreams() > most && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(feed.openStreams() <= most, what + " (open streams: " + feed.openStreams() + ")");
    }
}

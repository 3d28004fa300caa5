package dev.chipevents.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.chipevents.support.SseClient;

/** The change stream of the packaged app: across two replicas on one PostgreSQL database, and at shutdown. */
class ChangeStreamIT {

    private static final String ADMIN_KEY = "changes-admin-" + System.nanoTime();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aWriteThroughOneReplicaReachesAStreamOnTheOtherWithinASecond() throws Exception {
        String jdbc = System.getenv("CHIP_EVENTS_IT_JDBC_URL");
        Assumptions.assumeTrue(jdbc != null && !jdbc.isBlank(), "two replicas need a shared PostgreSQL (CHIP_EVENTS_IT_JDBC_URL)");
        Map<String, String> env = Map.of("CHIP_EVENTS_ADMIN_KEY", ADMIN_KEY);
        try (PackagedApp writer = PackagedApp.startFresh(Files.createTempDirectory("chip-events-a"), env);
                PackagedApp reader = PackagedApp.start(Files.createTempDirectory("chip-events-b"), env);
                SseClient stream = SseClient.open(URI.create(reader.baseUri() + "/api/v1/changes"), null)) {
            assertEquals(200, stream.status());
            List<Long> afterAnswer = new ArrayList<>();
            List<Long> afterRequest = new ArrayList<>();
            for (int i = 0; i <= 10; i++) {
                String title = "Across replicas " + i;
                long sent = System.nanoTime();
                String id = given().baseUri(writer.baseUri()).header("X-API-Key", ADMIN_KEY).contentType("application/json")
                        .body("{\"type\": \"OTHER\", \"occurredOn\": \"2025-01-27\", \"title\": \"" + title + "\"}")
                        .when().post("/api/v1/events").then().statusCode(201).extract().path("id");
                long answered = System.nanoTime();
                SseClient.Message message = stream.next(Duration.ofSeconds(5));
                long arrived = System.nanoTime();
                assertNotNull(message, "the change reached the other replica");
                assertEquals(id, JSON.readTree(message.data()).get("id").asText());
                if (i > 0) { // the first write warms the writer up (its first request on a cold JVM takes seconds)
                    afterAnswer.add(Math.max(0, arrived - answered) / 1_000_000);
                    afterRequest.add((arrived - sent) / 1_000_000);
                }
            }
            System.out.println("Change on the other replica's stream, ms after the writer's 201: " + afterAnswer
                    + "; after the POST was sent: " + afterRequest);
            long worst = afterAnswer.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertTrue(worst < 1000, "every change on the other replica within a second of its commit: " + afterAnswer);
        }
    }

    @Test
    void shutdownEndsOpenStreamsWellWithinTheShutdownTimeout() throws Exception {
        try (PackagedApp app = PackagedApp.startFresh(Files.createTempDirectory("chip-events-shutdown"), Map.of());
                SseClient one = SseClient.open(URI.create(app.baseUri() + "/api/v1/changes"), null);
                SseClient two = SseClient.open(URI.create(app.baseUri() + "/api/v1/changes?type=IPO"), null)) {
            assertEquals(200, one.status());
            assertEquals(200, two.status());
            long start = System.nanoTime();
            app.stop();
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("SIGTERM to exit with two open streams: " + millis + " ms");
            assertTrue(millis < 10_000, "the streams did not hold shutdown up to its 20 s timeout: " + millis + " ms");
            one.drain(Duration.ofSeconds(2));
            assertTrue(one.ended() && two.ended(), "both streams ended");
        }
    }
}

package dev.chipevents.changes;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.chipevents.support.SseClient;
import dev.chipevents.support.TestData;

/**
 * The proof that no change is skipped: 8 writers create, update, delete and restore events and create
 * companies while 3 consumers follow the stream, each dropping its connection at random moments (inside a
 * message too) and resuming from the last id it got, as EventSource does. Every consumer must end with every
 * committed change exactly once, in sequence order, and every acknowledged write must be among them.
 * Runs on whichever database the suite runs on (H2, and PostgreSQL in .ci/run).
 */
@QuarkusTest
class ChangeConcurrencyTest {

    private static final int WRITERS = 8;
    private static final int CONSUMERS = 3;
    private static final int ROUNDS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/changes")
    URI changes;

    /** What a writer was told: this resource reached this version through this operation. */
    private record Acknowledged(String id, long version, String operation) {
    }

    @Test
    void everyConsumerGetsEveryCommittedChangeOnceInOrderAcrossReconnects() throws Exception {
        long seed = System.nanoTime();
        long start = ChangeLogs.last();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger reconnects = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + CONSUMERS);
        CountDownLatch consumersReady = new CountDownLatch(CONSUMERS);
        List<Future<List<Long>>> consumers = new ArrayList<>();
        for (int c = 0; c < CONSUMERS; c++) {
            Random random = new Random(seed + c);
            consumers.add(pool.submit(() -> consume(start, random, writing, consumersReady, reconnects)));
        }
        consumersReady.await(30, TimeUnit.SECONDS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Random random = new Random(seed * 31 + w);
            writers.add(pool.submit(() -> write(random, acknowledged)));
        }
        for (Future<?> writer : writers) {
            writer.get(5, TimeUnit.MINUTES);
        }
        long end = ChangeLogs.last();
        writing.set(false);
        finalSequence = end;
        List<Long> expected = new ArrayList<>();
        for (long s = start + 1; s <= end; s++) {
            expected.add(s);
        }
        for (Future<List<Long>> consumer : consumers) {
            List<Long> received = consumer.get(2, TimeUnit.MINUTES);
            assertEquals(expected, received, "seed " + seed + ": every change once, in order");
        }
        pool.shutdownNow();
        assertTrue(reconnects.get() >= CONSUMERS * 3, "the consumers reconnected (" + reconnects.get() + " times)");

        Set<Acknowledged> logged = new HashSet<>();
        long since = start;
        while (since < end) {
            JsonPath page = given().accept(ContentType.JSON).queryParam("since", since).queryParam("limit", 200)
                    .when().get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id");
            List<Number> versions = page.getList("items.version");
            List<String> operations = page.getList("items.operation");
            for (int i = 0; i < ids.size(); i++) {
                logged.add(new Acknowledged(ids.get(i), versions.get(i).longValue(), operations.get(i)));
            }
            since = page.getLong("nextSince");
        }
        assertEquals(end - start, logged.size(), "one entry per change");
        for (Acknowledged write : acknowledged) {
            assertTrue(logged.contains(write), "seed " + seed + ": acknowledged but not logged: " + write);
        }
        assertEquals(acknowledged.size(), logged.size(), "nothing logged that was not acknowledged");
    }

    private volatile long finalSequence = Long.MAX_VALUE;

    private List<Long> consume(long start, Random random, AtomicBoolean writing, CountDownLatch ready, AtomicInteger reconnects)
            throws Exception {
        List<Long> received = new ArrayList<>();
        String lastEventId = Long.toString(start);
        boolean first = true;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
        while (System.nanoTime() < deadline) {
            SseClient stream = SseClient.open(changes, lastEventId);
            assertEquals(200, stream.status());
            if (first) {
                ready.countDown();
                first = false;
            }
            int takeAtMost = 1 + random.nextInt(25);
            long stayMillis = 50 + random.nextInt(400);
            long until = System.currentTimeMillis() + stayMillis;
            int taken = 0;
            while (taken < takeAtMost && System.currentTimeMillis() < until) {
                SseClient.Message message = stream.next(Duration.ofMillis(50));
                if (message != null) {
                    record(received, message);
                    taken++;
                }
            }
            for (SseClient.Message message : stream.closeAndDrain()) {
                record(received, message);
            }
            lastEventId = stream.lastEventId();
            reconnects.incrementAndGet();
            if (!writing.get() && Long.parseLong(lastEventId) >= finalSequence) {
                return received;
            }
        }
        throw new AssertionError("the consumer did not reach the last change in time; it got " + received.size());
    }

    private static void record(List<Long> received, SseClient.Message message) throws Exception {
        long sequence = Long.parseLong(message.id());
        JsonNode data = JSON.readTree(message.data());
        assertEquals(sequence, data.get("sequence").asLong(), "the id is the data's sequence");
        assertEquals(message.event(), data.get("operation").asText(), "the event name is the operation");
        received.add(sequence);
    }

    private static void write(Random random, List<Acknowledged> acknowledged) {
        for (int round = 0; round < ROUNDS; round++) {
            String id = TestData.createEvent(TestData.event("Concurrent " + round)).path("id");
            acknowledged.add(new Acknowledged(id, 0, "CREATE"));
            given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"title\": \"Changed\"}")
                    .when().patch("/api/v1/events/" + id).then().statusCode(200);
            acknowledged.add(new Acknowledged(id, 1, "UPDATE"));
            switch (random.nextInt(3)) {
                case 0 -> {
                    given().when().delete("/api/v1/events/" + id).then().statusCode(204);
                    acknowledged.add(new Acknowledged(id, 1, "DELETE"));
                    given().when().post("/api/v1/events/" + id + "/restore").then().statusCode(200);
                    acknowledged.add(new Acknowledged(id, 0, "RESTORE"));
                }
                case 1 -> {
                    String company = TestData.createCompany();
                    acknowledged.add(new Acknowledged(company, 0, "CREATE"));
                }
                default -> {
                    // the event stays as it is
                }
            }
        }
    }
}

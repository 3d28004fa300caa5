package dev.chipevents.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.chipevents.support.SseClient;
import dev.chipevents.support.TestData;

/**
 * With no change stream open, a write costs the dispatcher no read of the log; the streams opened after such writes
 * still start where they asked to: "now" after the last of them, a resume point before them with each of them once.
 */
@QuarkusTest
class ChangeFeedIdleTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/changes")
    URI changes;

    @Inject
    ChangeFeed feed;

    @Test
    void aStreamFromNowOpenedAfterIdleWritesStartsAfterThem() throws Exception {
        idleWrites();
        try (SseClient now = SseClient.open(changes, null)) {
            assertEquals(200, now.status());
            String live = TestData.createEvent(TestData.event("After the idle writes")).path("id");
            SseClient.Message first = now.next(WAIT);
            assertNotNull(first, "the write after the stream opened arrives");
            assertEquals(live, JSON.readTree(first.data()).get("id").asText(), "a stream from now starts after the idle writes");
        }
    }

    @Test
    void aStreamResumedFromBeforeIdleWritesGetsEachOnceThenGoesLive() throws Exception {
        long before = ChangeLogs.last();
        List<String> expected = idleWrites();
        try (SseClient resumed = SseClient.open(changes, Long.toString(before))) {
            assertEquals(200, resumed.status());
            List<String> received = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                received.add(idOf(resumed.next(WAIT), i));
            }
            expected.add(TestData.createEvent(TestData.event("Live after resuming")).path("id"));
            received.add(idOf(resumed.next(WAIT), expected.size() - 1));
            assertEquals(expected, received, "each write since the resume point once, in order, then the live one");
        }
    }

    /** Three creates while no stream is open; the dispatcher must not have read the log for them. */
    private List<String> idleWrites() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (feed.openStreams() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20); // streams of other tests end asynchronously
        }
        assertEquals(0, feed.openStreams(), "no stream open before the idle writes");
        long reads = feed.dispatcherReads();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(TestData.createEvent(TestData.event("Idle write " + i)).path("id"));
        }
        Thread.sleep(300); // the commits have woken the dispatcher by now
        assertEquals(reads, feed.dispatcherReads(), "the dispatcher read the log with no stream to hand its entries to");
        return ids;
    }

    private static String idOf(SseClient.Message message, int index) throws Exception {
        assertNotNull(message, "message " + index + " of the stream");
        return JSON.readTree(message.data()).get("id").asText();
    }
}

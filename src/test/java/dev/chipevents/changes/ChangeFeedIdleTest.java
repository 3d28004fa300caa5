package dev.chipevents.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.chipevents.support.SseClient;
import dev.chipevents.support.TestData;

/**
 * With no change stream open, a write costs the dispatcher no read of the log; the streams opened after such writes
 * still start where they asked to: "now" after the last of them, a resume point before them with each of them once.
 * With a stream open, an announcement (PostgreSQL's NOTIFY) of entries already read costs no read either.
 */
@QuarkusTest
class ChangeFeedIdleTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/changes")
    URI changes;

    @Inject
    ChangeFeed feed;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

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

    @Test
    void anAnnouncementOfEntriesAlreadyReadCostsNoRead() throws Exception {
        try (SseClient stream = SseClient.open(changes, null)) {
            assertEquals(200, stream.status());
            String id = TestData.createEvent(TestData.event("Read before its announcement")).path("id");
            assertEquals(id, idOf(stream.next(WAIT), 0), "the dispatcher has read the write");
            Thread.sleep(300); // on PostgreSQL the write's own NOTIFY arrives meanwhile
            long last = ChangeLogs.last();
            long reads = feed.dispatcherReads();
            for (int i = 0; i < 20; i++) {
                feed.announced(last); // as PostgreSQL's NOTIFY for this process's commit does, after the commit woke the feed
                Thread.sleep(20);
            }
            // the poll interval (5 s) may fall in these 0.4 s once; every announcement read would be 20 reads
            assertTrue(feed.dispatcherReads() - reads <= 1, "announcements of entries already read cost "
                    + (feed.dispatcherReads() - reads) + " reads");
            long before = feed.dispatcherReads();
            feed.announced(last + 1); // a commit the dispatcher has not read yet (of another replica)
            long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (feed.dispatcherReads() == before && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(feed.dispatcherReads() > before, "an announcement of an entry not read yet is read");
        }
    }

    /**
     * PostgreSQL only: each commit of this process wakes the feed, then its NOTIFY arrives; with a stream open, the two
     * cost one read, not two (the second found nothing).
     */
    @Test
    void ownCommitsCostOneReadEachWithTheirNotifications() throws Exception {
        Assumptions.assumeTrue(dbKind.startsWith("postgres"), "needs PostgreSQL's NOTIFY");
        int writes = 20;
        try (SseClient stream = SseClient.open(changes, null)) {
            assertEquals(200, stream.status());
            Thread.sleep(300); // the stream is live
            long reads = feed.dispatcherReads();
            for (int i = 0; i < writes; i++) {
                String id = TestData.createEvent(TestData.event("Announced write " + i)).path("id");
                assertEquals(id, idOf(stream.next(WAIT), i), "each write reaches the stream before the next");
            }
            Thread.sleep(300); // the last notifications arrive
            long cost = feed.dispatcherReads() - reads;
            // about one read a write, and the poll interval's or a heartbeat's (21 to 23 here); reading at both wake-ups
            // cost 35 on the same machine
            assertTrue(cost <= writes * 3 / 2, writes + " writes with a stream open cost " + cost + " reads");
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

package dev.chipevents.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.Test;

import dev.chipevents.history.LoggedChange;
import dev.chipevents.history.Operation;
import dev.chipevents.history.ResourceKind;

/** A stream's buffer, position and heartbeats, against a connection whose client reads only when told to. */
class ChangeStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    /** A connection whose writes complete only when the test lets the client read. */
    private static final class SlowSink implements SseEventSink {

        final List<OutboundSseEvent> sent = new ArrayList<>();
        final List<CompletableFuture<Void>> pending = new ArrayList<>();
        boolean closed;

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            sent.add(event);
            CompletableFuture<Void> written = new CompletableFuture<>();
            pending.add(written);
            return written;
        }

        @Override
        public void close() {
            closed = true;
        }

        void read() {
            List<CompletableFuture<Void>> now = new ArrayList<>(pending);
            pending.clear();
            now.forEach(f -> f.complete(null));
        }
    }

    private static List<ChangeMessage> messages(long from, int count) {
        List<ChangeMessage> messages = new ArrayList<>();
        for (long s = from; s < from + count; s++) {
            String state = "{\"title\": \"" + "x".repeat(900) + "\"}";
            messages.add(ChangeMessage.of(new LoggedChange(s, Operation.CREATE, ResourceKind.COMPANY, UUID.randomUUID(), 0,
                    Instant.now(), "system", false, state, null), JSON));
        }
        return messages;
    }

    private static ChangeStream stream(SlowSink sink, long position, long limit) {
        return new ChangeStream("client", sink, SseImpl.INSTANCE, new ChangeFilter(EnumSet.allOf(ResourceKind.class), null), position,
                limit);
    }

    @Test
    void aLiveStreamThatFallsABufferBehindIsClosedAndKnowsWhereItStopped() {
        SlowSink sink = new SlowSink();
        ChangeStream stream = stream(sink, 10, 16 * 1024);
        stream.open();
        assertTrue(stream.deliver(messages(11, 10), false));
        sink.read();
        assertTrue(stream.deliver(messages(21, 10), false), "a client that reads keeps its stream");
        assertFalse(stream.deliver(messages(31, 30), false), "one that does not is disconnected");
        assertTrue(sink.closed);
        long lastSent = Long.parseLong(sink.sent.get(sink.sent.size() - 1).getId());
        assertEquals(lastSent, stream.position(), "it resumes after the last message it was sent");
        assertTrue(lastSent < 60);
    }

    @Test
    void catchingUpStopsAtHalfABufferAndContinuesOnceDrained() {
        SlowSink sink = new SlowSink();
        ChangeStream stream = stream(sink, 0, 16 * 1024);
        assertTrue(stream.deliver(messages(1, 100), true));
        assertFalse(sink.closed);
        long stoppedAt = stream.position();
        assertTrue(stoppedAt < 100 && stream.backlogged());
        boolean[] resumed = { false };
        stream.whenDrained(() -> resumed[0] = true);
        assertFalse(resumed[0]);
        sink.read();
        assertTrue(resumed[0], "continued once the client read");
        assertTrue(stream.deliver(messages(1, 100), true));
        assertTrue(stream.position() > stoppedAt, "and sends from where it stopped");
        assertEquals(stoppedAt + 1, Long.parseLong(sink.sent.get((int) stoppedAt).getId()), "nothing twice, nothing skipped");
    }

    @Test
    void aHeartbeatCarriesThePositionAndEndsAStreamWhoseClientStalled() throws Exception {
        SlowSink sink = new SlowSink();
        ChangeStream stream = stream(sink, 41, 1024 * 1024);
        assertTrue(stream.heartbeat(1_000_000_000L));
        OutboundSseEvent beat = sink.sent.get(0);
        assertEquals("41", beat.getId());
        assertEquals("keep-alive", beat.getComment());
        assertEquals(null, beat.getData());
        Thread.sleep(20);
        assertFalse(stream.heartbeat(10_000_000L), "bytes waiting and no progress for two heartbeats");
        assertTrue(sink.closed);
    }
}

package dev.chipevents.changes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.chipevents.common.config.ChipEventsConfig;
import dev.chipevents.common.problem.TooManyRequestsProblem;

/**
 * How many change streams this replica holds, and each client: the admission of {@link ChangeFeed#open}. A client's
 * share is counted by its key or token subject, else its address ({@link ChangesResource}), given back once when its
 * stream closes.
 */
final class StreamQuota {

    private final int maxStreams;
    private final int maxPerClient;
    private final Map<String, AtomicInteger> perClient = new ConcurrentHashMap<>();

    StreamQuota(ChipEventsConfig.Changes config) {
        this.maxStreams = config.maxStreams();
        this.maxPerClient = config.maxStreamsPerClient();
    }

    /**
     * Takes one of the client's streams; refused with a 503 problem when the replica holds all it may (`openNow` streams
     * open), a 429 when the client holds its share.
     */
    void take(String client, int openNow) {
        if (openNow >= maxStreams) {
            throw new ChangesUnavailable("This replica holds as many change streams as it may (CHIP_EVENTS_CHANGES_MAX_STREAMS);"
                    + " retry later.");
        }
        AtomicInteger held = perClient.computeIfAbsent(client, c -> new AtomicInteger());
        if (held.incrementAndGet() > maxPerClient) {
            held.decrementAndGet();
            throw new TooManyRequestsProblem("You hold " + maxPerClient + " change streams on this replica already"
                    + " (CHIP_EVENTS_CHANGES_MAX_STREAMS_PER_CLIENT); close one first.", maxPerClient, 5);
        }
    }

    /** Gives back a stream the client took. */
    void giveBack(String client) {
        AtomicInteger held = perClient.get(client);
        if (held != null && held.decrementAndGet() <= 0) {
            perClient.remove(client, held);
        }
    }
}

package dev.chipevents.event.stats;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.chipevents.common.config.ChipEventsConfig;
import dev.chipevents.history.ResourcesChanged;

/**
 * Timeline statistics scan every matching event, so their answers are kept for a short while
 * (chip-events.stats.cache-ttl) and dropped as soon as a write through this replica commits.
 * Concurrent requests for the same statistics wait for one computation instead of each scanning.
 * Writes through another replica show after at most the TTL.
 */
@ApplicationScoped
class StatsCache {

    /** How many answers are kept. */
    static final int SIZE = 500;

    /** Bumped after every committed write: an answer computed before the bump is never served after it. */
    private final AtomicLong generation = new AtomicLong();
    private final Cache<String, EventStats> answers;
    private final boolean enabled;

    StatsCache(ChipEventsConfig config) {
        this.enabled = !config.stats().cacheTtl().isZero();
        this.answers = Caffeine.newBuilder().maximumSize(SIZE).expireAfterWrite(config.stats().cacheTtl()).build();
    }

    EventStats get(String query, Supplier<EventStats> compute) {
        if (!enabled) {
            return compute.get();
        }
        return answers.get(generation.get() + " " + query, key -> compute.get());
    }

    /** Any committed change: events counted, or companies whose names label the buckets. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ResourcesChanged changed) {
        generation.incrementAndGet();
        answers.invalidateAll();
    }
}

package dev.chipevents.event.search;

import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.chipevents.common.config.ChipEventsConfig;
import dev.chipevents.event.EventResponse;
import dev.chipevents.history.ChangeLog;

/**
 * Events read by id, kept by this replica and answered again only while the change log's last sequence is still the
 * one read before the event was. Every committed write, through any replica, moves that number on: an event's own
 * change, a link (which changes both ends), a company whose name or ticker an event shows. So a kept event is never
 * older than the ledger, and a hit costs one primary-key read of the counter instead of the event's statements; on the
 * embedded H2 database, which only this process writes, no statement at all ({@link ChangeLog#changeMark()}).
 *
 * <p>Only reads outside a transaction are kept: inside a writing one the rows read may still be rolled back.
 */
@ApplicationScoped
class EventCache {

    private record Kept(long sequence, EventResponse event) {
    }

    private final ChangeLog log;
    private final TransactionSynchronizationRegistry transactions;
    private final Cache<UUID, Kept> kept;
    private final boolean enabled;

    EventCache(ChangeLog log, TransactionSynchronizationRegistry transactions, ChipEventsConfig config) {
        this.log = log;
        this.transactions = transactions;
        this.enabled = config.eventCache().size() > 0;
        this.kept = Caffeine.newBuilder().maximumSize(Math.max(0, config.eventCache().size())).build();
    }

    /** The event by id (null: none), from the cache when nothing has changed since it was read. */
    EventResponse get(UUID id, Function<UUID, EventResponse> read) {
        if (!enabled || transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            return read.apply(id);
        }
        long sequence = log.changeMark();
        Kept found = kept.getIfPresent(id);
        if (found != null && found.sequence() == sequence) {
            return found.event();
        }
        EventResponse event = read.apply(id);
        if (event != null) {
            kept.put(id, new Kept(sequence, event));
        } else {
            kept.invalidate(id);
        }
        return event;
    }
}

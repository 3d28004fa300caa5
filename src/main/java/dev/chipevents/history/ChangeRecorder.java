package dev.chipevents.history;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.chipevents.common.security.Actor;

/**
 * The one step every write ends with — create, replace, patch, delete, restore and import alike:
 * flush the change to the database, record its revision and its change-log entry, count it, and tell
 * observers (which act once the transaction commits). Runs in the caller's transaction, so a change,
 * its revision and its entry are committed together or not at all.
 */
@ApplicationScoped
public class ChangeRecorder {

    /** The key under which a transaction keeps its change-log entries until it commits. */
    private static final Object PENDING_ENTRIES = new Object();

    private final EntityManager em;
    private final Revisions revisions;
    private final ChangeLog log;
    private final TransactionSynchronizationRegistry transactions;
    private final Actor actor;
    private final ObjectMapper json;
    private final Event<ResourcesChanged> changed;
    private final Map<ResourceKind, Map<Operation, Counter>> counters = new EnumMap<>(ResourceKind.class);
    private final Map<ResourceKind, Counter> imported = new EnumMap<>(ResourceKind.class);

    ChangeRecorder(EntityManager em, Revisions revisions, ChangeLog log, TransactionSynchronizationRegistry transactions, Actor actor,
            ObjectMapper json, Event<ResourcesChanged> changed, MeterRegistry registry) {
        this.em = em;
        this.revisions = revisions;
        this.log = log;
        this.transactions = transactions;
        this.actor = actor;
        this.json = json;
        this.changed = changed;
        for (ResourceKind kind : ResourceKind.values()) {
            Map<Operation, Counter> byOperation = new EnumMap<>(Operation.class);
            for (Operation operation : Operation.values()) {
                byOperation.put(operation, Counter.builder("chip_events." + kind.plural + "." + operation.pastTense)
                        .description(capitalized(kind.plural) + " " + operation.pastTense).register(registry));
            }
            counters.put(kind, byOperation);
            imported.put(kind, Counter.builder("chip_events." + kind.plural + ".imported")
                    .description(capitalized(kind.plural) + " written by bulk import").register(registry));
        }
    }

    /** Records one change made through the API. */
    public void record(Change change) {
        em.flush(); // the row (and its new version) before its revision
        int next = change.operation() == Operation.CREATE ? 1 : revisions.last(change.kind(), change.id()) + 1;
        Revisions.Row row = row(change, next, actor.name());
        revisions.insert(change.kind(), List.of(row));
        logAtCommit(List.of(entry(change.kind(), change, row, false)));
        counters.get(change.kind()).get(change.operation()).increment();
        changed.fire(new ResourcesChanged(change.kind()));
    }

    /**
     * Records the changes of one chunk of a bulk import: new resources (written by the caller's batch
     * inserts) get their first revision in one batch, updated ones their next.
     */
    public void recordImported(ResourceKind kind, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        em.flush();
        String who = actor.name();
        List<Revisions.Row> rows = new ArrayList<>(changes.size());
        List<ChangeLog.Pending> entries = new ArrayList<>(changes.size());
        for (Change change : changes) {
            int next = change.operation() == Operation.CREATE ? 1 : revisions.last(kind, change.id()) + 1;
            Revisions.Row row = row(change, next, who);
            rows.add(row);
            entries.add(entry(kind, change, row, true));
        }
        revisions.insert(kind, rows);
        logAtCommit(entries);
        imported.get(kind).increment(changes.size());
        changed.fire(new ResourcesChanged(kind));
    }

    /**
     * Keeps the change-log entries of these revisions until the transaction is about to commit, and appends
     * all of the transaction's entries then, in one step. The append locks the log's counter until the commit
     * (see {@link ChangeLog}); taken here, at the first change, a bulk import would hold it for its whole
     * run and stop every other write meanwhile.
     */
    private void logAtCommit(List<ChangeLog.Pending> logged) {
        @SuppressWarnings("unchecked")
        List<ChangeLog.Pending> pending = (List<ChangeLog.Pending>) transactions.getResource(PENDING_ENTRIES);
        if (pending == null) {
            List<ChangeLog.Pending> entries = new ArrayList<>();
            transactions.putResource(PENDING_ENTRIES, entries);
            transactions.registerInterposedSynchronization(new Synchronization() {

                private long last = -1;

                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        last = log.append(entries);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    // A rolled-back transaction never appended: nothing to undo, nothing committed.
                    if (status == Status.STATUS_COMMITTED) {
                        log.committed(last);
                    }
                }
            });
            pending = entries;
        }
        pending.addAll(logged);
    }

    /** The change-log entry of a change recorded as this revision of a resource of this kind. */
    private ChangeLog.Pending entry(ResourceKind kind, Change change, Revisions.Row row, boolean viaImport) {
        return new ChangeLog.Pending(kind, row.id(), row.revision(), row.operation(), versionOf(change, row), row.changedAt(),
                row.changedBy(), viaImport);
    }

    /** The version the change left: from its state where that knows it, else read back from the JSON recorded. */
    private long versionOf(Change change, Revisions.Row row) {
        if (change.state() instanceof Versioned state) {
            return state.version();
        }
        try {
            return json.readTree(row.state()).path("version").asLong();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A recorded state does not read back as JSON", e);
        }
    }

    private Revisions.Row row(Change change, int revision, String who) {
        try {
            String state = change.state() instanceof String text ? text : json.writeValueAsString(change.state());
            return new Revisions.Row(change.id(), revision, change.operation(), change.at(), who, state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the state of " + change.kind().singular + " " + change.id(), e);
        }
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}

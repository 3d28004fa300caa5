package dev.chipevents.event;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Domain counters: how many events were created, updated, deleted and imported. */
@ApplicationScoped
public class EventMetrics {

    private final Counter created;
    private final Counter updated;
    private final Counter deleted;
    private final Counter imported;

    public EventMetrics(MeterRegistry registry) {
        this.created = Counter.builder("chip_events.events.created").description("Events created").register(registry);
        this.updated = Counter.builder("chip_events.events.updated").description("Events updated").register(registry);
        this.deleted = Counter.builder("chip_events.events.deleted").description("Events deleted").register(registry);
        this.imported = Counter.builder("chip_events.events.imported").description("Events written by bulk import").register(registry);
    }

    void created() {
        created.increment();
    }

    void updated() {
        updated.increment();
    }

    void deleted() {
        deleted.increment();
    }

    void imported(long count) {
        imported.increment(count);
    }
}

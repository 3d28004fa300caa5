package dev.chipevents.event.search;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

import dev.chipevents.common.config.ChipEventsConfig;
import dev.chipevents.common.problem.ServiceUnavailableProblem;

/**
 * At most {@code chip-events.export.max-concurrent} exports (CSV, iCalendar) stream at once on this replica; one more is
 * answered 503 with Retry-After before it starts. Each export holds up to two batches of events in memory and a
 * read-ahead thread: 32 at once held about 510 MB of RSS in the 512 MiB pod ("Memory in the container" in
 * docs/benchmarks.md). A slot is given back when the exchange ends, however it ends: the whole answer sent, a failure,
 * or the client gone.
 */
@ApplicationScoped
class ExportSlots {

    private static final long RETRY_AFTER_SECONDS = 5;

    private final int max;
    private final Semaphore free;
    private final CurrentVertxRequest request;

    ExportSlots(ChipEventsConfig config, CurrentVertxRequest request) {
        this.max = config.export().maxConcurrent();
        this.free = new Semaphore(max);
        this.request = request;
    }

    /** Takes a slot for the request being answered until its response ends, or refuses it when none is free. */
    void take() {
        if (!free.tryAcquire()) {
            throw new ServiceUnavailableProblem("exports-busy", "Too many exports", max + " exports are streaming from this server"
                    + " (CHIP_EVENTS_EXPORT_MAX_CONCURRENT); retry after the number of seconds in Retry-After, or read the"
                    + " matches as JSON pages.", RETRY_AFTER_SECONDS);
        }
        AtomicBoolean given = new AtomicBoolean();
        try {
            request.getCurrent().addEndHandler(ended -> {
                if (given.compareAndSet(false, true)) {
                    free.release();
                }
            });
        } catch (RuntimeException e) {
            free.release();
            throw e;
        }
    }

    /** Slots taken now (for tests). */
    int inUse() {
        return max - free.availablePermits();
    }
}

package dev.chipevents.event.search;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.chipevents.common.DaemonThreads;
import dev.chipevents.event.EventResponse;

/**
 * Every match of a query in batches, for the exports (CSV, iCalendar), never more than two batches in memory. While
 * one batch is written to the client, the next is read on a read-ahead thread, in its own transaction like every
 * batch: the database's work and the answer's overlap instead of taking turns. When no read-ahead thread is free
 * (more exports at once than the machine has cores), the writer reads the next batch itself, as it would without them.
 */
@ApplicationScoped
class EventBatches {

    static final int SIZE = 500;

    /** What an export does with each batch, in order. */
    interface Writer {

        void write(List<EventResponse> batch) throws IOException;
    }

    private final EventSearch search;
    /** No queue: a read-ahead starts at once on an idle thread, or is not started at all (and is read in place). */
    private final ThreadPoolExecutor readAhead;

    EventBatches(EventSearch search) {
        this.search = search;
        int threads = Runtime.getRuntime().availableProcessors();
        this.readAhead = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                DaemonThreads.named("chip-events-export-read-ahead"), (task, pool) -> {
                });
        this.readAhead.allowCoreThreadTimeOut(true);
    }

    /** Writes every match after `start` (null: from the first), batch by batch, until a batch comes back short. */
    void forEach(EventQuery query, UUID scope, List<Object> start, Writer writer) throws IOException {
        EventSearch.Batch batch = search.batch(query, scope, start, SIZE);
        while (true) {
            FutureTask<EventSearch.Batch> next = null;
            if (batch.items().size() == SIZE) {
                List<Object> after = batch.lastPosition();
                next = new FutureTask<>(() -> QuarkusTransaction.requiringNew().call(() -> search.batch(query, scope, after, SIZE)));
                readAhead.execute(next);
            }
            try {
                writer.write(batch.items());
            } catch (IOException | RuntimeException e) {
                if (next != null) {
                    next.cancel(false); // the client is gone: a read not yet started is not started
                }
                throw e;
            }
            if (next == null) {
                return;
            }
            batch = next.cancel(false) ? search.batch(query, scope, batch.lastPosition(), SIZE) : await(next);
        }
    }

    /** The read-ahead's batch; a failure surfaces as the writer's own read would have. */
    private static EventSearch.Batch await(FutureTask<EventSearch.Batch> next) throws IOException {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the next batch");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    @PreDestroy
    void stop() {
        readAhead.shutdownNow();
    }
}

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
import java.util.concurrent.atomic.AtomicBoolean;

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
            ReadAhead next = batch.items().size() == SIZE ? new ReadAhead(query, scope, batch.lastPosition()) : null;
            if (next != null) {
                readAhead.execute(next.task);
            }
            try {
                writer.write(batch.items());
            } catch (IOException | RuntimeException e) {
                if (next != null) {
                    next.claimed.set(true); // the client is gone: a read not yet started is not started
                }
                throw e;
            }
            if (next == null) {
                return;
            }
            batch = next.take();
        }
    }

    /**
     * The read of the next batch, by whichever thread claims it first: the read-ahead thread if it started before the
     * writer needed the batch, or else the writer (so a read-ahead that never got a thread costs nothing).
     */
    private final class ReadAhead {

        final AtomicBoolean claimed = new AtomicBoolean();
        final FutureTask<EventSearch.Batch> task;
        final EventQuery query;
        final UUID scope;
        final List<Object> after;

        ReadAhead(EventQuery query, UUID scope, List<Object> after) {
            this.query = query;
            this.scope = scope;
            this.after = after;
            this.task = new FutureTask<>(() -> claimed.compareAndSet(false, true)
                    ? QuarkusTransaction.requiringNew().call(() -> search.batch(query, scope, after, SIZE))
                    : null);
        }

        EventSearch.Batch take() throws IOException {
            if (claimed.compareAndSet(false, true)) {
                return search.batch(query, scope, after, SIZE);
            }
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the next batch");
            } catch (ExecutionException e) {
                // A failure surfaces as the writer's own read would have.
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
    }

    @PreDestroy
    void stop() {
        readAhead.shutdownNow();
    }
}

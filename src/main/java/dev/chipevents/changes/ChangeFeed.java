package dev.chipevents.changes;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.chipevents.common.DaemonThreads;
import dev.chipevents.common.config.ChipEventsConfig;
import dev.chipevents.history.ChangeLog;
import dev.chipevents.history.LoggedChange;
import dev.chipevents.history.ResourcesChanged;

/**
 * The change streams of this replica: their opening, limits and end. One dispatcher thread reads the log after the
 * last entry it has seen whenever it is woken (by a commit of this process, by PostgreSQL's NOTIFY for commits of
 * other replicas, or by the poll interval) and hands each new entry to every live stream ({@link LogTail}); a stream
 * that resumes from an older point first catches up from the database on a small pool, then joins the live ones. The
 * log is the truth: a wake-up only says "read again", so a lost one delays a change, never loses it.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);
    /** Entries read at once. */
    static final int PAGE = 500;

    private final ChangeLog log;
    private final ObjectMapper json;
    private final ChipEventsConfig.Changes config;

    private final LogTail tail;
    private final Set<ChangeStream> open = ConcurrentHashMap.newKeySet();
    private final Map<SseEventSink, ChangeStream> streams = new ConcurrentHashMap<>();
    private final StreamQuota quota;
    private final Semaphore wakeups = new Semaphore(0);
    /** Whether a wake-up other than an announcement came since the dispatcher last looked (it always reads then). */
    private final AtomicBoolean plainWake = new AtomicBoolean();
    /** The highest entry number PostgreSQL announced (NOTIFY). */
    private final AtomicLong announced = new AtomicLong();
    private volatile boolean running;
    private volatile SseBroadcaster closings;
    private Thread dispatcher;
    private ExecutorService catchUps;
    private Thread onSigterm;

    ChangeFeed(ChangeLog log, ObjectMapper json, ChipEventsConfig config) {
        this.log = log;
        this.json = json;
        this.config = config.changes();
        this.quota = new StreamQuota(this.config);
        this.tail = new LogTail(log, json);
    }

    void start(@Observes StartupEvent start) {
        tail.start();
        running = true;
        catchUps = Executors.newFixedThreadPool(2, DaemonThreads.named("chip-events-changes-catch-up"));
        dispatcher = DaemonThreads.named("chip-events-changes").newThread(this::dispatch);
        dispatcher.start();
        // Quarkus waits up to quarkus.shutdown.timeout for open requests, and a stream is one until it ends; its
        // ShutdownEvent comes after that wait. A JVM shutdown hook runs at SIGTERM, beside Quarkus's own.
        onSigterm = new Thread(this::stopAll, "chip-events-changes-shutdown");
        Runtime.getRuntime().addShutdownHook(onSigterm);
    }

    /** Read the log again soon. */
    public void wake() {
        plainWake.set(true);
        wakeups.release();
    }

    /**
     * PostgreSQL announced that entries up to `last` are committed (its NOTIFY, for a commit of any replica): read again
     * unless the dispatcher has read them already. This process's own commits wake the feed at once and are announced
     * a moment later, so without the check each of them cost a second read that found nothing.
     */
    void announced(long last) {
        announced.accumulateAndGet(last, Math::max);
        wakeups.release();
    }

    /** A write of this process committed. */
    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ResourcesChanged changed) {
        wake();
    }

    /**
     * Opens a stream from `since` (null: from now) and starts sending; refused with a 429 problem when the
     * client holds its share of streams, a 503 when this replica holds all it may.
     */
    void open(String client, SseEventSink sink, Sse sse, ChangeFilter filter, Long since) {
        if (!running) {
            throw new ChangesUnavailable("This replica is shutting down; reconnect (to another replica) with Last-Event-ID.");
        }
        quota.take(client, open.size());
        long position = since == null ? tail.head() : since;
        ChangeStream stream = new ChangeStream(client, sink, sse, filter, position, config.streamBuffer().asLongValue());
        open.add(stream);
        streams.put(sink, stream);
        closings(sse).register(sink);
        stream.open();
        try {
            catchUps.execute(() -> catchUp(stream));
        } catch (RejectedExecutionException e) {
            stream.close();
        }
    }

    /** Told by the HTTP layer whenever a stream's connection closes, whoever closed it. */
    private SseBroadcaster closings(Sse sse) {
        if (closings == null) {
            synchronized (this) {
                if (closings == null) {
                    SseBroadcaster broadcaster = sse.newBroadcaster();
                    broadcaster.onClose(this::closed);
                    closings = broadcaster;
                }
            }
        }
        return closings;
    }

    private void closed(SseEventSink sink) {
        ChangeStream stream = streams.remove(sink);
        if (stream != null) {
            stream.close();
            tail.leave(stream);
            if (stream.release()) {
                quota.giveBack(stream.client);
            }
            open.remove(stream); // last: once a stream no longer counts as open, its client's share is back too
        }
    }

    /** Streams open on this replica (for tests and the benchmark). */
    int openStreams() {
        return open.size();
    }

    /** How many times the dispatcher has read the log's entries (for tests). */
    long dispatcherReads() {
        return tail.reads();
    }

    /** Replays the log from the stream's position until the entries in memory reach back to it, then makes it live. */
    private void catchUp(ChangeStream stream) {
        try {
            while (running && !stream.isClosed()) {
                LogTail.Join join = tail.join(stream);
                if (join == LogTail.Join.AGAIN) {
                    continue; // the tail was skipped again meanwhile (this stream had closed); the loop's test ends it
                }
                if (join == LogTail.Join.DONE) {
                    return;
                }
                if (stream.backlogged()) {
                    stream.whenDrained(() -> resume(stream));
                    return;
                }
                long from = stream.position();
                List<LoggedChange> batch = QuarkusTransaction.requiringNew().call(() -> log.after(from, PAGE));
                if (batch.isEmpty()) {
                    continue; // the dispatcher has not read these yet; the check above now lets the stream join
                }
                if (batch.get(0).sequence() != from + 1) {
                    stream.close(); // purged meanwhile: the client's resume gets the 410
                    return;
                }
                if (!stream.deliver(batch.stream().map(c -> ChangeMessage.of(c, json)).toList(), true)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("A change stream could not catch up and is closed (its client resumes): %s", e.getMessage());
            stream.close();
        }
    }

    private void resume(ChangeStream stream) {
        try {
            catchUps.execute(() -> catchUp(stream));
        } catch (RejectedExecutionException e) {
            stream.close();
        }
    }

    private void dispatch() {
        long heartbeatNanos = config.heartbeat().toNanos();
        long nextHeartbeat = System.nanoTime() + heartbeatNanos;
        long failures = 0;
        while (running) {
            try {
                long wait = Math.min(config.pollInterval().toNanos(), nextHeartbeat - System.nanoTime());
                boolean woken = wakeups.tryAcquire(Math.max(1, wait), TimeUnit.NANOSECONDS);
                wakeups.drainPermits();
                if (!running) {
                    return;
                }
                // the poll interval and plain wake-ups always read; announcements only of entries not read yet
                if (!woken || plainWake.getAndSet(false) || !tail.hasRead(announced.get())) {
                    tail.readNewEntries(open);
                }
                failures = 0;
                if (System.nanoTime() >= nextHeartbeat) {
                    for (ChangeStream stream : open) {
                        stream.heartbeat(2 * heartbeatNanos);
                    }
                    nextHeartbeat = System.nanoTime() + heartbeatNanos;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database is unreachable: end every stream cleanly; clients resume from their last message.
                failures++;
                LOG.warnf("Reading the change log failed (%d in a row); closing %d change streams: %s", failures, open.size(),
                        e.getMessage());
                closeAll();
                sleep(Duration.ofMillis(Math.min(5000, 250 * failures)));
            }
        }
    }

    /** Ends every stream (a database outage; tests): clients reconnect and resume. */
    void closeAll() {
        for (ChangeStream stream : open) {
            stream.close();
        }
    }

    /** Ends every stream when the application stops, so that shutdown does not wait for them; clients reconnect elsewhere. */
    void stop(@Observes ShutdownEvent shutdown) {
        stopAll();
    }

    @PreDestroy
    void destroy() {
        stopAll();
        if (onSigterm != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(onSigterm);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    private synchronized void stopAll() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        closeAll();
        if (catchUps != null) {
            catchUps.shutdownNow();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

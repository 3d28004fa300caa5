package dev.chipevents.common.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

import dev.chipevents.common.config.ChipEventsConfig;

/**
 * Keeps the embedded H2 file near the size of what it holds while the service runs.
 * <p>
 * H2 writes copy-on-write: every change rewrites the pages it touches into a new chunk at the end of the
 * file, and the old copies become garbage inside older chunks. H2 reclaims that space itself only in a
 * background thread that waits for an idle store, which a bulk import never leaves, and that thread does
 * not run at all with {@code WRITE_DELAY=0} (every commit written before it is answered, which the
 * service needs). A 100,000-row import left the file at 3.5 GB for 137 MB of data. So every few seconds
 * this job looks at how much of the file is live and, below half, runs H2's own compaction (the one it
 * runs when the database closes: rewrite the live pages of sparse chunks, free the dead ones, move chunks
 * down and truncate) for at most a short time. Writers wait for a store while it runs; readers do not.
 * <p>
 * Limits, from H2's rules: chunks written since the oldest open transaction began cannot be freed, so a
 * bulk import (one transaction) still grows the file while it runs, and the file comes back within a few
 * runs of its commit; and H2 never rewrites the chunk it wrote last, so garbage left there waits for the
 * next write.
 */
@ApplicationScoped
public class H2FileCompaction {

    private static final Logger LOG = Logger.getLogger(H2FileCompaction.class);

    /** A file with less of it live than this is compacted. */
    private static final int COMPACT_BELOW_PERCENT = 50;

    private final AgroalDataSource dataSource;
    private final ChipEventsConfig config;
    private volatile boolean unavailable;

    H2FileCompaction(AgroalDataSource dataSource, ChipEventsConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** The file's size and the share of it that live pages hold; what the job looks at. */
    public record FileState(long bytes, int livePercent) {
    }

    /** Stops looking at the file once the service is stopping: the pool closes under it. */
    void onStop(@Observes ShutdownEvent stop) {
        unavailable = true;
    }

    /** One look at the file, and a bounded compaction when less than half of it is live. */
    @Scheduled(every = "${chip-events.h2.compaction.every:5s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void run() {
        if (unavailable) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = fileStore(connection);
            if (store == null) {
                unavailable = true; // PostgreSQL, or an in-memory H2: nothing to compact
                return;
            }
            compactIfSparse(store);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("H2 file compaction skipped: %s", e.toString());
        }
    }

    /** The embedded file's state now; empty on PostgreSQL and in-memory H2. */
    public Optional<FileState> inspect() {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = fileStore(connection);
            return store == null ? Optional.empty() : Optional.of(state(store.getFileStore()));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look at the database file", e);
        }
    }

    private void compactIfSparse(MVStore store) {
        FileStore<?> file = store.getFileStore();
        FileState before = state(file);
        if (before.bytes() < config.h2().compactionMinBytes() || before.livePercent() >= COMPACT_BELOW_PERCENT) {
            return;
        }
        int retention = store.getRetentionTime();
        long started = System.nanoTime();
        FileState now;
        try {
            // H2's own compaction (what it runs when the database closes): written to disk first, then the live pages of
            // sparse chunks rewritten, chunks no version needs freed at once (no retention wait), and chunks moved down so
            // that the file can be truncated.
            store.compactFile(config.h2().compactionMaxMillis());
            now = state(file);
        } finally {
            store.setRetentionTime(retention); // compactFile sets it to 0 for good
        }
        LOG.debugf("H2 file compacted from %d MB (%d%% live) to %d MB (%d%% live) in %d ms", before.bytes() >> 20, before.livePercent(),
                now.bytes() >> 20, now.livePercent(), (System.nanoTime() - started) / 1_000_000);
    }

    private static FileState state(FileStore<?> file) {
        return new FileState(file.size(), liveRate(file));
    }

    /** The share of the file's bytes that live pages hold, in percent. */
    private static int liveRate(FileStore<?> file) {
        return file.getFillRate() * file.getChunksFillRate() / 100;
    }

    private static MVStore fileStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        Database database = session.getDatabase();
        if (!database.isPersistent() || database.getStore() == null) {
            return null;
        }
        MVStore store = database.getStore().getMvStore();
        // A single file (RandomAccessStore) that can be written; H2 keeps its data so by default.
        return store.getFileStore() instanceof RandomAccessStore file && !file.isReadOnly() ? store : null;
    }
}

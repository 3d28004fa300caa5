package dev.chipevents.common.db;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Lets the embedded H2 file reuse its space, and give back what it no longer needs, while the service runs, as H2 does
 * by itself only with a background writer.
 * <p>
 * H2 writes copy-on-write: each commit writes the pages it changed as a new chunk, and the older copies die inside older
 * chunks. A chunk's space is reused only once all of it is dead, and after single writes most chunks keep a few live
 * pages for good. H2's background thread writes the live pages of such sparse chunks again so that the chunks can be
 * freed, and moves chunks from the end of the file into the holes nearer its start so that the file can be cut; but
 * that thread is the one that writes commits late, and it does not run with {@code WRITE_DELAY=0}, which the service
 * needs (a commit is in the file before it is answered). Without it the file grew by 540-570 MB for every further
 * 10,000 single writes, whatever had died, and kept the 5.5 GB an import of 100,000 events had reached until the
 * service stopped (docs/benchmarks.md, "Leads tried and kept").
 * <p>
 * So every few seconds this job asks H2 for those steps of its background thread: {@link MVStore#compact(int, int)}
 * writes again the live pages of chunks less than half full and older than H2's retention time (45 s), and the job
 * saves them at once (a writer's commit would, but the service may be idle); then
 * {@link RandomAccessStore#compactMoveChunks(int, long, MVStore)} frees the chunks that died more than the retention
 * time ago and, while less than {@value #MOVE_BELOW_PERCENT}% of the file is in use, moves chunks down into the holes
 * and cuts the free end. Each step is bounded and runs under H2's own store lock beside the writers, as H2's thread
 * would. Nothing happens on PostgreSQL or an in-memory H2.
 */
@ApplicationScoped
public class H2Housekeeping {

    private static final Logger LOG = Logger.getLogger(H2Housekeeping.class);

    /** Chunks less full than this (in percent of their bytes) have their live pages written again. */
    static final int REWRITE_BELOW_PERCENT = 50;
    /** At most this many bytes of live pages are written again in one step. */
    static final int REWRITE_BYTES = 16 << 20;
    /** Chunks are moved towards the start of the file while less than this much of it (in percent) is in use. */
    static final int MOVE_BELOW_PERCENT = 90;
    /** At most this many bytes of chunks are moved in one step. */
    static final long MOVE_BYTES = 32L << 20;

    private final AgroalDataSource dataSource;
    private volatile boolean unavailable;

    H2Housekeeping(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The pool closes under the job once the service stops. */
    void onStop(@Observes ShutdownEvent stop) {
        unavailable = true;
    }

    @Scheduled(every = "5s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        if (unavailable) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = fileStore(connection);
            if (store == null) {
                unavailable = true; // PostgreSQL, or an in-memory H2
                return;
            }
            rewriteSparseChunks(store);
            moveChunksDown(store);
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("H2 housekeeping skipped: %s", e);
        }
    }

    /** One bounded step of H2's own rewriting of sparse chunks, saved; whether it rewrote anything. */
    static boolean rewriteSparseChunks(MVStore store) {
        boolean rewrote = store.compact(REWRITE_BELOW_PERCENT, REWRITE_BYTES);
        if (rewrote) {
            store.commit(); // the rewritten pages are written now, not at the next write, which may be long in coming
        }
        return rewrote;
    }

    /**
     * One bounded step of H2's own moving of chunks into the holes before them, which ends by cutting the free end of
     * the file. Whether less than {@value #MOVE_BELOW_PERCENT}% of the file is still in use after it, so that another
     * step would move more.
     */
    static boolean moveChunksDown(MVStore store) {
        if (!(store.getFileStore() instanceof RandomAccessStore file)) {
            return false;
        }
        file.compactMoveChunks(MOVE_BELOW_PERCENT, MOVE_BYTES, store);
        return file.getFillRate() < MOVE_BELOW_PERCENT;
    }

    /** The writable single-file store behind an embedded H2 connection; null for any other database. */
    static MVStore fileStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        Database database = session.getDatabase();
        if (!database.isPersistent() || database.getStore() == null) {
            return null;
        }
        MVStore store = database.getStore().getMvStore();
        return store.getFileStore() instanceof RandomAccessStore file && !file.isReadOnly() ? store : null;
    }
}

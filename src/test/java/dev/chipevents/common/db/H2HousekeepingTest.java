package dev.chipevents.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/**
 * H2's own rewriting of sparse chunks, asked for by the job, lets the file reuse its space under single writes, and its
 * moving of chunks lets the file give back what it no longer uses, neither of which H2 does by itself with
 * {@code WRITE_DELAY=0}. Plain JUnit on an H2 file of its own, with H2's retention time set to 0 so that chunks qualify
 * at once instead of after 45 s.
 */
class H2HousekeepingTest {

    private static final int ROWS = 1_500;

    @Test
    void singleWritesReuseTheFileOnceSparseChunksAreRewritten() throws Exception {
        try (Connection connection = DriverManager.getConnection(newFileUrl(), "sa", "")) {
            MVStore store = H2Housekeeping.fileStore(connection);
            assertNotNull(store, "an embedded H2 file is a store the job looks after");
            createTable(connection);
            Random random = new Random(42);
            writeOneAtATime(connection, random);
            long first = store.getFileStore().size();
            writeOneAtATime(connection, random);
            long unkept = store.getFileStore().size() - first;
            assertTrue(unkept > first / 4, "without the rewriting, more single writes grow the file again: " + unkept);

            int steps = 0;
            while (H2Housekeeping.rewriteSparseChunks(store) && steps < 100) {
                steps++;
            }
            assertTrue(steps > 0, "the chunks left by single writes are sparse, so the job rewrites some");
            long before = store.getFileStore().size();
            writeOneAtATime(connection, random);
            long kept = store.getFileStore().size() - before;
            assertTrue(kept < unkept / 2, "the same writes after the rewriting reuse the space it freed: "
                    + kept + " bytes more against " + unkept);
        }
    }

    @Test
    void theFileIsCutOnceItsChunksAreRewrittenAndMovedDown() throws Exception {
        try (Connection connection = DriverManager.getConnection(newFileUrl(), "sa", "")) {
            MVStore store = H2Housekeeping.fileStore(connection);
            createTable(connection);
            writeOneAtATime(connection, new Random(7));
            writeOneAtATime(connection, new Random(8));
            long before = store.getFileStore().size();
            assertTrue(H2Housekeeping.rewriteSparseChunks(store), "single writes leave sparse chunks to rewrite");
            long rewritten = store.getFileStore().size();
            assertTrue(rewritten >= before, "rewriting alone cuts nothing: " + before + " -> " + rewritten);
            for (int i = 0; i < 100 && H2Housekeeping.moveChunksDown(store); i++) {
                // bounded steps, as the job takes them
            }
            long after = store.getFileStore().size();
            assertTrue(after < before / 4, "with the chunks moved into the holes H2 cuts the file's end: " + before + " -> " + after);
            assertEquals(2 * ROWS, count(connection, "select count(*) from item"), "every row is still there");
        }
    }

    /**
     * With a retention of 0 H2 itself may drop a chunk that a concurrent reader still walks ("Chunk N not found",
     * h2database/h2database#4383, open); the service keeps H2's 45 s, and this test a short 1 s, not 0.
     */
    @Test
    void stepsTakenBesideAWriterKeepEveryCommittedRow() throws Exception {
        String url = newFileUrl(1_000);
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            MVStore store = H2Housekeeping.fileStore(connection);
            createTable(connection);
            writeOneAtATime(connection, new Random(11));
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (Connection other = DriverManager.getConnection(url, "sa", "")) {
                    writeOneAtATime(other, new Random(13));
                    writeOneAtATime(other, new Random(14));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            int steps = 0;
            while (!writer.isDone()) {
                H2Housekeeping.rewriteSparseChunks(store);
                H2Housekeeping.moveChunksDown(store);
                steps++;
            }
            writer.get(60, TimeUnit.SECONDS);
            assertTrue(steps > 10, "the steps ran while the other connection wrote: " + steps);
            assertEquals(3 * ROWS, count(connection, "select count(*) from item"));
        }
        try (Connection reopened = DriverManager.getConnection(url, "sa", "")) {
            assertEquals(3 * ROWS, count(reopened, "select count(*) from item"), "the reopened file holds every committed row");
            assertEquals(3 * ROWS, count(reopened, "select count(*) from item where amount >= 0"), "so does each index");
            assertEquals(3 * ROWS, count(reopened, "select count(*) from item where title >= ''"));
            assertEquals(3 * ROWS, count(reopened, "select count(*) from item where occurred_on >= date '1999-01-01'"));
        }
    }

    @Test
    void anInMemoryDatabaseHasNoStoreToLookAfter() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:housekeeping-" + UUID.randomUUID(), "sa", "")) {
            assertNull(H2Housekeeping.fileStore(connection));
            assertFalse(connection.isClosed());
        }
    }

    private static String newFileUrl() throws java.io.IOException {
        return newFileUrl(0);
    }

    private static String newFileUrl(int retentionMillis) throws java.io.IOException {
        Path folder = Files.createDirectories(Path.of("target", "h2-housekeeping-" + UUID.randomUUID()));
        return "jdbc:h2:file:" + folder.toAbsolutePath().resolve("db") + ";WRITE_DELAY=0;RETENTION_TIME=" + retentionMillis;
    }

    private static void createTable(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("create table item (id uuid primary key, title varchar(200), amount bigint, occurred_on date)");
            ddl.execute("create index ix_item_amount on item (amount, id)");
            ddl.execute("create index ix_item_title on item (title, id)");
            ddl.execute("create index ix_item_occurred_on on item (occurred_on, id)");
        }
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** As the service writes: one row a transaction, at random places of every index (the same places in every run). */
    private static void writeOneAtATime(Connection connection, Random random) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into item values (?, ?, ?, ?)")) {
            for (int i = 0; i < ROWS; i++) {
                insert.setObject(1, new UUID(random.nextLong(), random.nextLong()));
                insert.setString(2, "title " + random.nextInt(1_000_000));
                insert.setLong(3, random.nextInt(1_000_000));
                insert.setObject(4, java.time.LocalDate.of(2000, 1, 1).plusDays(random.nextInt(9_000)));
                insert.executeUpdate();
            }
        }
    }
}

package dev.chipevents.common.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.UUID;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/**
 * H2's own rewriting of sparse chunks, asked for by the job, lets the file reuse its space under single writes, which
 * it does not do by itself with {@code WRITE_DELAY=0}. Plain JUnit on an H2 file of its own, with H2's retention time
 * set to 0 so that chunks qualify at once instead of after 45 s.
 */
class H2HousekeepingTest {

    private static final int ROWS = 1_500;

    @Test
    void singleWritesReuseTheFileOnceSparseChunksAreRewritten() throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "h2-housekeeping-" + UUID.randomUUID()));
        String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("db") + ";WRITE_DELAY=0;RETENTION_TIME=0";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            MVStore store = H2Housekeeping.fileStore(connection);
            assertNotNull(store, "an embedded H2 file is a store the job looks after");
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create table item (id uuid primary key, title varchar(200), amount bigint, occurred_on date)");
                ddl.execute("create index ix_item_amount on item (amount, id)");
                ddl.execute("create index ix_item_title on item (title, id)");
                ddl.execute("create index ix_item_occurred_on on item (occurred_on, id)");
            }
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
    void anInMemoryDatabaseHasNoStoreToLookAfter() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:housekeeping-" + UUID.randomUUID(), "sa", "")) {
            assertNull(H2Housekeeping.fileStore(connection));
            assertFalse(connection.isClosed());
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

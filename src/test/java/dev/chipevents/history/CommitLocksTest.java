package dev.chipevents.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.chipevents.common.db.Sql;
import dev.chipevents.event.EventCommands;
import dev.chipevents.event.EventRequest;

/**
 * PostgreSQL: a write locks the change log's counter and its month's tally row only inside its COMMIT (the deferred
 * triggers of migrations V16 and V17), never while the service still sends statements. A synchronization registered
 * after the write's own runs after the service's last statement of the transaction; from there another connection must
 * find both rows free. (On H2, embedded, the counter is locked from the change log's statements to the commit.)
 */
@QuarkusTest
class CommitLocksTest {

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @Inject
    EventCommands commands;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ChangeLog log;

    @Inject
    Sql sql;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void onPostgresqlTheCounterAndTheTallyRowAreFreeUntilTheCommit() throws Exception {
        Assumptions.assumeTrue(dbKind.startsWith("postgres"), "the triggers that number and add inside COMMIT are PostgreSQL's");
        EventRequest request = json.readValue("""
                {"type": "MANUFACTURING", "occurredOn": "1987-03-14", "title": "commit locks", "amount": 5, "amountKind": "INVESTMENT",
                 "currency": "USD"}""", EventRequest.class);
        QuarkusTransaction.requiringNew().run(() -> commands.create(request)); // the month's tally row now exists
        long before = tallied();

        AtomicReference<String> seen = new AtomicReference<>();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            UUID id = QuarkusTransaction.requiringNew().call(() -> {
                UUID created = commands.create(request).id();
                transactions.registerInterposedSynchronization(new Synchronization() {

                    @Override
                    public void beforeCompletion() {
                        try {
                            seen.set(other.submit(CommitLocksTest.this::tryLocks).get(10, TimeUnit.SECONDS));
                        } catch (Exception e) {
                            seen.set(e.toString());
                        }
                    }

                    @Override
                    public void afterCompletion(int status) {
                        // nothing to undo
                    }
                });
                return created;
            });
            assertEquals("counter free, tally row free", seen.get(), "the service's last statement has run, the commit has not");
            long last = log.lastSequence();
            assertEquals(List.of(id), sql.query("select resource_id from change_log where sequence = ?", List.of(last),
                    row -> row.getObject(1, UUID.class)), "the create is the last entry, numbered at its commit");
            assertEquals(before + 1, tallied(), "the tally row counted it at the commit");
            assertEquals(List.of(0L, 0L), sql.query("select (select count(*) from change_log_append),"
                    + " (select count(*) from event_month_stats_append)", List.of(), row -> List.of(row.getLong(1), row.getLong(2)))
                    .get(0));
        } finally {
            other.shutdownNow();
        }
    }

    /** From a connection of its own, outside any transaction of the service: which of the two rows it could lock at once. */
    private String tryLocks() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                String counter = lockable(connection, "select 1 from change_log_counter where id = 1 for update nowait");
                String tally = lockable(connection, "select 1 from event_month_stats where month_key = 198703 and type = 'MANUFACTURING'"
                        + " and date_precision = 'DAY' and amount_kind = 'INVESTMENT' and currency = 'USD' for update nowait");
                return "counter " + counter + ", tally row " + tally;
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private static String lockable(Connection connection, String select) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("savepoint probe")) {
            statement.execute();
        }
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            statement.executeQuery().close();
            return "free";
        } catch (SQLException e) {
            if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw e;
            }
            try (PreparedStatement statement = connection.prepareStatement("rollback to savepoint probe")) {
                statement.execute();
            }
            return "locked";
        }
    }

    private long tallied() {
        return sql
                .query("select events from event_month_stats where month_key = 198703 and type = 'MANUFACTURING' and date_precision = 'DAY'"
                        + " and amount_kind = 'INVESTMENT' and currency = 'USD'", List.of(), row -> row.getLong(1))
                .get(0);
    }
}

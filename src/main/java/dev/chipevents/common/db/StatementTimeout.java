package dev.chipevents.common.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.runtime.StartupEvent;

import dev.chipevents.common.config.ChipEventsConfig;

/**
 * The limit on how long a statement may run (CHIP_EVENTS_QUERY_TIMEOUT_MS, 0 for none), set once on
 * each pooled connection as a session setting (PostgreSQL's statement_timeout, H2's QUERY_TIMEOUT)
 * instead of per statement, which costs H2 a command before every statement. A statement past it is
 * cancelled by the database and answered with a 503 problem. Set only once the service has started,
 * so that schema migrations at start-up run without it.
 */
@ApplicationScoped
public class StatementTimeout implements AgroalPoolInterceptor {

    private final int milliseconds;
    private final Instance<AgroalDataSource> dataSource;
    private volatile boolean started;

    public StatementTimeout(ChipEventsConfig config, Instance<AgroalDataSource> dataSource) {
        this.milliseconds = Math.max(0, config.queryTimeoutMs());
        this.dataSource = dataSource;
    }

    /** From now on every new connection gets the limit; those opened during start-up are closed so that none is left without it. */
    void onStart(@Observes StartupEvent start) {
        started = true;
        if (milliseconds > 0) {
            AgroalDataSource pool = dataSource.get();
            // An embedded H2 closes its database when its last connection closes, and spends up to MAX_COMPACT_TIME
            // compacting the file first, while new connections wait (past the pool's acquisition timeout on a large
            // file, which failed the start). So a connection is held across the flush, and a new one (with the limit)
            // is opened before the held one goes: the database stays open throughout.
            try (Connection held = pool.getConnection()) {
                pool.flush(AgroalDataSource.FlushMode.GRACEFUL); // idle ones now, busy ones (the held one) when they come back
                try (Connection fresh = pool.getConnection()) {
                    fresh.isValid(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not renew the pool's connections with the statement timeout", e);
            }
        }
    }

    @Override
    public void onConnectionCreate(Connection connection) {
        if (!started || milliseconds == 0) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            String product = connection.getMetaData().getDatabaseProductName();
            statement.execute(
                    "PostgreSQL".equals(product) ? "set statement_timeout = " + milliseconds : "set query_timeout " + milliseconds);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the statement timeout on a database connection", e);
        }
    }

    /** For tests and the start-up report. */
    public int milliseconds() {
        return milliseconds;
    }
}

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
            dataSource.get().flush(AgroalDataSource.FlushMode.GRACEFUL); // idle ones now, busy ones when they come back
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

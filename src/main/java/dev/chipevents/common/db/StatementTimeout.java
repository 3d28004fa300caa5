package dev.chipevents.common.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.runtime.StartupEvent;

import dev.chipevents.common.config.ChipEventsConfig;

/**
 * The limit on how long a statement may run (CHIP_EVENTS_QUERY_TIMEOUT_MS, 0 for none), set once on
 * each pooled connection as a session setting (PostgreSQL's statement_timeout, H2's QUERY_TIMEOUT)
 * instead of per statement, which costs H2 a command before every statement. A statement past it is
 * cancelled by the database and answered with a 503 problem. Set only once the service has started,
 * so that schema migrations at start-up run without it.
 *
 * <p>The connections opened during start-up get the limit when they are next handed out, not by closing
 * them: an embedded H2 closes its database when its last connection closes, and compacts the file first
 * (for up to MAX_COMPACT_TIME), while new connections wait past the pool's acquisition timeout. Renewing
 * the pool at start (Agroal flushes in the background) could close every connection at once and failed
 * some restarts on a large file.
 */
@ApplicationScoped
public class StatementTimeout implements AgroalPoolInterceptor {

    private final int milliseconds;
    /** The drivers' own connections (weakly held, by identity) that have the limit already. */
    private final Cache<Connection, Boolean> limited = Caffeine.newBuilder().weakKeys().build();
    private volatile boolean started;

    public StatementTimeout(ChipEventsConfig config) {
        this.milliseconds = Math.max(0, config.queryTimeoutMs());
    }

    /** From now on every connection gets the limit when it is handed out, if it does not have it yet. */
    void onStart(@Observes StartupEvent start) {
        started = true;
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        if (!started || milliseconds == 0) {
            return;
        }
        try {
            Connection own = connection.unwrap(Connection.class);
            if (limited.getIfPresent(own) != null) {
                return;
            }
            try (Statement statement = own.createStatement()) {
                String product = own.getMetaData().getDatabaseProductName();
                statement.execute(
                        "PostgreSQL".equals(product) ? "set statement_timeout = " + milliseconds : "set query_timeout " + milliseconds);
            }
            limited.put(own, Boolean.TRUE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the statement timeout on a database connection", e);
        }
    }

    /** For tests and the start-up report. */
    public int milliseconds() {
        return milliseconds;
    }
}

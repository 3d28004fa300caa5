package dev.chipevents.changes;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.chipevents.history.ChangeLog;

/**
 * PostgreSQL only: LISTENs on a connection of its own (outside the pool) for the NOTIFY that every committed
 * append sends, from any replica, and wakes this replica's feed unless it has read that far. A lost notification costs
 * nothing the feed relies on: after a lost connection it reconnects and wakes the feed once, which reads whatever it
 * missed, and the feed also reads at its poll interval.
 */
@ApplicationScoped
class ChangeListener {

    private static final Logger LOG = Logger.getLogger(ChangeListener.class);

    private final ChangeFeed feed;
    private final boolean postgres;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    ChangeListener(ChangeFeed feed, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.feed = feed;
        this.postgres = dbKind.startsWith("postgres");
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent start) {
        if (!postgres) {
            return; // on H2 only this process writes, and its commits wake the feed directly
        }
        running = true;
        thread = new Thread(this::listen, "chip-events-changes-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        closeConnection();
    }

    /** Each notification names the last entry its commit appended (migration V16); anything else is a plain wake-up. */
    private void announce(PGNotification[] received) {
        long last = -1;
        for (PGNotification notification : received) {
            try {
                last = Math.max(last, Long.parseLong(notification.getParameter()));
            } catch (NumberFormatException e) {
                feed.wake();
                return;
            }
        }
        feed.announced(last);
    }

    private void listen() {
        int failures = 0;
        while (running) {
            try (Connection listening = connect()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + ChangeLog.CHANNEL);
                }
                feed.wake(); // whatever was committed while this replica was not listening
                failures = 0;
                PGConnection notifications = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(1000);
                    if (received != null && received.length > 0) {
                        announce(received);
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                failures++;
                LOG.warnf("Listening for changes of other replicas failed (%d in a row), retrying: %s", failures, e.getMessage());
                feed.wake();
                try {
                    Thread.sleep(Math.min(5000, 250L * failures));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", "chip-events change listener");
        properties.setProperty("tcpKeepAlive", "true");
        Connection opened = new org.postgresql.Driver().connect(url, properties);
        if (opened == null) {
            throw new SQLException("Not a PostgreSQL JDBC URL: " + url);
        }
        return opened;
    }

    private void closeConnection() {
        Connection current = connection;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }
}

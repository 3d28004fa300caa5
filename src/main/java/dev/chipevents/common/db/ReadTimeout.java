package dev.chipevents.common.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import dev.chipevents.common.config.ChipEventsConfig;

/**
 * The limit on how long a read statement may run (CHIP_EVENTS_QUERY_TIMEOUT_MS, 0 for none): a query
 * past it is cancelled by the database and answered with a 503 problem instead of holding a
 * connection. Applied to the statements of lists, counts and statistics.
 */
@ApplicationScoped
public class ReadTimeout {

    private static final String HINT = "jakarta.persistence.query.timeout";

    private final int milliseconds;

    public ReadTimeout(ChipEventsConfig config) {
        this.milliseconds = Math.max(0, config.queryTimeoutMs());
    }

    public <Q extends Query> Q apply(Q query) {
        if (milliseconds > 0) {
            query.setHint(HINT, milliseconds);
        }
        return query;
    }

    /** The limit in whole seconds, as JDBC takes it (0: none). */
    public int seconds() {
        return milliseconds == 0 ? 0 : Math.max(1, (milliseconds + 999) / 1000);
    }
}

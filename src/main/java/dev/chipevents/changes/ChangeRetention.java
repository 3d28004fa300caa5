package dev.chipevents.changes;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.chipevents.common.Clocks;
import dev.chipevents.common.config.ChipEventsConfig;
import dev.chipevents.history.ChangeLog;

/**
 * Removes change-log entries older than the retention window (CHIP_EVENTS_CHANGES_RETENTION), every hour; never once the
 * application is stopping.
 */
@ApplicationScoped
class ChangeRetention {

    private static final Logger LOG = Logger.getLogger(ChangeRetention.class);

    private final ChangeLog log;
    private final ChipEventsConfig config;

    ChangeRetention(ChangeLog log, ChipEventsConfig config) {
        this.log = log;
        this.config = config;
    }

    @Scheduled(every = "1h", delay = 2, delayUnit = TimeUnit.MINUTES, concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        int removed = QuarkusTransaction.requiringNew()
                .call(() -> log.purgeBefore(Clocks.now().minus(config.changes().retention())));
        if (removed > 0) {
            LOG.infof("Removed %d change-log entries older than %s", removed, config.changes().retention());
        }
    }
}

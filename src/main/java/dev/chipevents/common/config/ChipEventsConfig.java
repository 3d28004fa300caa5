package dev.chipevents.common.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The service's own settings; each is also an environment variable (CHIP_EVENTS_...). */
@ConfigMapping(prefix = "chip-events")
public interface ChipEventsConfig {

    /** Folder of the embedded H2 database files. */
    @WithDefault("./data")
    String dataDir();

    StarterDataset starterDataset();

    Cursor cursor();

    /** The operator's bootstrap admin key (CHIP_EVENTS_ADMIN_KEY); without it no write is possible until keys exist. */
    @WithName("admin-key")
    Optional<String> adminKey();

    Security security();

    /** Largest request body except bulk import (CHIP_EVENTS_MAX_BODY_SIZE). */
    @WithDefault("1M")
    io.quarkus.runtime.configuration.MemorySize maxBodySize();

    Idempotency idempotency();

    /** Bulk import. */
    @WithName("import")
    Imports imports();

    interface Imports {

        /** Imports that may run at once on this replica; one more answers 429 (CHIP_EVENTS_IMPORT_MAX_CONCURRENT). */
        @WithDefault("2")
        int maxConcurrent();
    }

    /** Exports (CSV, iCalendar) of every match. */
    Export export();

    interface Export {

        /** Exports that may stream at once on this replica; one more answers 503 (CHIP_EVENTS_EXPORT_MAX_CONCURRENT). */
        @WithDefault("8")
        int maxConcurrent();
    }

    /** How long a read statement may run before it is cancelled and answered with 503 (CHIP_EVENTS_QUERY_TIMEOUT_MS; 0: no limit). */
    @WithName("query-timeout-ms")
    @WithDefault("10000")
    int queryTimeoutMs();

    Stats stats();

    /** Reads of one event (CHIP_EVENTS_EVENT_CACHE_SIZE). */
    @WithName("event-cache")
    EventCache eventCache();

    interface EventCache {

        /** How many events read by id a replica keeps to answer again while nothing has changed since (0: none). */
        @WithDefault("4096")
        int size();
    }

    Cors cors();

    Timeline timeline();

    interface Timeline {

        /** Serve the timeline page at "/" (CHIP_EVENTS_TIMELINE_ENABLED); when false its paths answer 404 problems. */
        @WithDefault("true")
        boolean enabled();
    }

    Changes changes();

    interface Changes {

        /** How long change-log entries are kept; a stream resumed from an older point gets a 410 (CHIP_EVENTS_CHANGES_RETENTION). */
        @WithDefault("P30D")
        java.time.Duration retention();

        /** How often an idle stream gets a comment line, so proxies keep it open (CHIP_EVENTS_CHANGES_HEARTBEAT). */
        @WithDefault("PT15S")
        java.time.Duration heartbeat();

        /** Streams one client (key, token subject or address) may hold open on a replica (CHIP_EVENTS_CHANGES_MAX_STREAMS_PER_CLIENT). */
        @WithDefault("10")
        int maxStreamsPerClient();

        /** Streams a replica holds open in all (CHIP_EVENTS_CHANGES_MAX_STREAMS). */
        @WithDefault("2000")
        int maxStreams();

        /**
         * Bytes sent to a stream that its client has not taken yet; a live stream that would go beyond is closed,
         * and its client resumes from the last entry it got (CHIP_EVENTS_CHANGES_STREAM_BUFFER).
         */
        @WithDefault("1M")
        io.quarkus.runtime.configuration.MemorySize streamBuffer();

        /** How often a replica reads the log without a wake-up: a safety net under LISTEN/NOTIFY (CHIP_EVENTS_CHANGES_POLL_INTERVAL). */
        @WithDefault("PT5S")
        java.time.Duration pollInterval();
    }

    interface Cors {

        /**
         * The only origins that may call from browsers (CHIP_EVENTS_CORS_ORIGINS, comma-separated; /regex/ entries too).
         * None: every origin may, without credentials. quarkus.http.cors.origins follows this setting.
         */
        Optional<List<String>> origins();
    }

    interface Stats {

        /** How long a statistics answer is reused by this replica unless a write through it commits first (CHIP_EVENTS_STATS_CACHE_TTL; PT0S turns it off). */
        @WithDefault("PT5S")
        java.time.Duration cacheTtl();
    }

    interface Idempotency {

        /** How long an Idempotency-Key is remembered (CHIP_EVENTS_IDEMPOTENCY_RETENTION). */
        @WithDefault("PT24H")
        java.time.Duration retention();
    }

    interface Security {

        /** When true, reads need the reader role too (CHIP_EVENTS_SECURITY_READS_REQUIRE_READER). */
        @WithDefault("false")
        boolean readsRequireReader();

        RateLimit rateLimit();
    }

    interface RateLimit {

        /** Writes per minute per key or token subject. */
        @WithDefault("600")
        long writesPerMinute();

        /** Failed authentications per minute per client address. */
        @WithDefault("30")
        long failedAuthenticationsPerMinute();
    }

    interface StarterDataset {

        /** Load the starter dataset into an empty database on first start. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Cursor {

        /**
         * Key that signs pagination cursors so a tampered cursor is refused. Set the same value on every
         * replica; the default only guards against accidental edits.
         */
        @WithDefault("chip-events-cursor-signing-key-change-me")
        String secret();
    }
}

package dev.chipevents.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings; each is also an environment variable (CHIP_EVENTS_...). */
@ConfigMapping(prefix = "chip-events")
public interface ChipEventsConfig {

    /** Folder of the embedded H2 database files. */
    @WithDefault("./data")
    String dataDir();

    StarterDataset starterDataset();

    Cursor cursor();

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

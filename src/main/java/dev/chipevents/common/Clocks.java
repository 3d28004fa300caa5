package dev.chipevents.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps at the precision both databases store (microseconds), so what is answered is what is kept. */
public final class Clocks {

    private Clocks() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

package dev.chipevents.event.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The keys of statistics buckets: what the database's folded periods and plain days become. */
class EventStatsKeysTest {

    @Test
    void periodsFoldedByTheDatabase() {
        assertEquals("2025-01", EventStats.keyOf(StatsGrouping.month, 202501));
        assertEquals("2025-Q1", EventStats.keyOf(StatsGrouping.quarter, 20251));
        assertEquals("2025", EventStats.keyOf(StatsGrouping.year, 2025L));
    }

    @Test
    void daysAndIsoWeeks() {
        assertEquals("2025-01-27", EventStats.keyOf(StatsGrouping.day, LocalDate.of(2025, 1, 27)));
        assertEquals("2025-W05", EventStats.keyOf(StatsGrouping.week, LocalDate.of(2025, 1, 27)));
        // 2024-12-30 is a Monday of week 1 of the ISO week-based year 2025
        assertEquals("2025-W01", EventStats.keyOf(StatsGrouping.week, LocalDate.of(2024, 12, 30)));
    }

    @Test
    void dimensionsKeepTheirValueAndNullStaysNull() {
        assertEquals("EXPORT_CONTROL", EventStats.keyOf(StatsGrouping.type, "EXPORT_CONTROL"));
        assertNull(EventStats.keyOf(StatsGrouping.country, null));
    }
}

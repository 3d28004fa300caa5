package dev.chipevents.event.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.chipevents.event.AmountKind;
import dev.chipevents.event.DatePrecision;

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
    void anEventDatedLessPreciselyThanThePeriodIsCountedApartUnderItsOwnPeriod() {
        assertTrue(EventStats.isCoarser(DatePrecision.MONTH, StatsGrouping.day));
        assertTrue(EventStats.isCoarser(DatePrecision.MONTH, StatsGrouping.week));
        assertFalse(EventStats.isCoarser(DatePrecision.MONTH, StatsGrouping.month));
        assertTrue(EventStats.isCoarser(DatePrecision.QUARTER, StatsGrouping.month));
        assertFalse(EventStats.isCoarser(DatePrecision.YEAR, StatsGrouping.year));
        assertFalse(EventStats.isCoarser(DatePrecision.DAY, StatsGrouping.day));
        EventStats stats = EventStats.of(StatsGrouping.day, List.of(
                new Object[]{ LocalDate.of(2024, 12, 1), DatePrecision.MONTH, null, null, 2L, null },
                new Object[]{ LocalDate.of(2024, 12, 1), DatePrecision.DAY, AmountKind.AWARD, "USD", 1L, new BigDecimal("5.0000") },
                new Object[]{ LocalDate.of(2024, 10, 1), DatePrecision.QUARTER, AmountKind.OTHER, "EUR", 1L, new BigDecimal("7") }),
                Map.of());
        assertEquals(List.of("2024-12-01"), stats.buckets().stream().map(EventStats.Bucket::key).toList());
        assertEquals(List.of(new EventStats.AmountSum(AmountKind.AWARD, "USD", new BigDecimal("5"), 1)), stats.buckets().get(0).amounts());
        assertEquals(List.of("2024-Q4", "2024-12"), stats.coarser().stream().map(EventStats.Bucket::key).toList());
        assertEquals(List.of(DatePrecision.QUARTER, DatePrecision.MONTH),
                stats.coarser().stream().map(EventStats.Bucket::datePrecision).toList());
        assertEquals(List.of(1L, 2L), stats.coarser().stream().map(EventStats.Bucket::count).toList());
        // By month, a month is its own period; the quarter is still apart.
        EventStats monthly = EventStats.of(StatsGrouping.month, List.of(
                new Object[]{ 202412, DatePrecision.MONTH, null, null, 2L, null },
                new Object[]{ 202410, DatePrecision.QUARTER, null, null, 1L, null }), Map.of());
        assertEquals(List.of("2024-12"), monthly.buckets().stream().map(EventStats.Bucket::key).toList());
        assertEquals(List.of("2024-Q4"), monthly.coarser().stream().map(EventStats.Bucket::key).toList());
    }

    @Test
    void dimensionsKeepTheirValueAndNullStaysNull() {
        assertEquals("EXPORT_CONTROL", EventStats.keyOf(StatsGrouping.type, "EXPORT_CONTROL"));
        assertNull(EventStats.keyOf(StatsGrouping.country, null));
    }
}

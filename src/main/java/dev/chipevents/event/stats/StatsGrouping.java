package dev.chipevents.event.stats;

/** What GET /api/v1/events/stats groups by: a period of occurredOn, or a dimension. */
public enum StatsGrouping {

    day,
    week,
    month,
    quarter,
    year,
    type,
    country,
    company,
    tag;

    boolean isTime() {
        return ordinal() <= year.ordinal();
    }
}

package dev.chipevents.event;

/** How exact occurredOn is; for MONTH, QUARTER and YEAR it is the first day of that period. */
public enum DatePrecision {
    DAY,
    MONTH,
    QUARTER,
    YEAR
}

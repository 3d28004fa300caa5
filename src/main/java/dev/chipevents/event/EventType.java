package dev.chipevents.event;

/** The kinds of market event the ledger keeps. */
public enum EventType {
    STOCK_MOVE,
    IPO,
    GOVERNMENT_AWARD,
    EXPORT_CONTROL,
    POLICY,
    REGULATORY_ACTION,
    INVESTMENT,
    ACQUISITION,
    PARTNERSHIP,
    PRODUCT_LAUNCH,
    MANUFACTURING,
    OTHER
}

package dev.chipevents.history;

/**
 * Fired inside every transaction that records a change; observers that must only see committed
 * changes (caches, streams) observe it with {@code TransactionPhase.AFTER_SUCCESS}.
 */
public record ResourcesChanged(ResourceKind kind) {
}

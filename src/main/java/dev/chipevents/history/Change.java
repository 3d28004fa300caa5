package dev.chipevents.history;

import java.time.Instant;
import java.util.UUID;

/**
 * One change to record: which resource, what happened, when (the resource's own timestamp, so that
 * `asOf` that instant finds it), and its state as the API answers it (for a delete: the state deleted).
 */
public record Change(ResourceKind kind, UUID id, Operation operation, Instant at, Object state) {
}

package dev.chipevents.history;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the change log: its sequence, what happened to which resource, the resource's version,
 * who and when, whether a bulk import wrote it, and the JSON of the resource's state after the change
 * (for a delete: the state deleted) and before it (null for a create).
 */
public record LoggedChange(long sequence, Operation operation, ResourceKind kind, UUID id, long version, Instant changedAt,
        String changedBy, boolean imported, String state, String previousState) {
}

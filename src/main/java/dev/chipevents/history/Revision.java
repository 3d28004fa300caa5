package dev.chipevents.history;

import java.time.Instant;

/** One recorded change of a resource, with the JSON of its state after the change. */
public record Revision(int revision, Operation operation, Instant changedAt, String changedBy, String state) {
}

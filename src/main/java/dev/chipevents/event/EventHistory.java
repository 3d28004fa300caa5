package dev.chipevents.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EventHistory", description = "Every revision of an event, oldest first, also after it was deleted.")
public record EventHistory(
        @Schema(required = true, examples = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f") UUID eventId,
        @Schema(required = true) List<Revision> revisions) {

    @Schema(name = "EventRevision",
            description = "One change, who made it and when, with the full state after it (for a delete: the state deleted).")
    // @formatter:off (Eclipse misplaces the brace of a record whose components carry array-valued annotations)
    public record Revision(
            @Schema(required = true, examples = "2") int revision,
            @Schema(required = true, enumeration = { "CREATE", "UPDATE", "DELETE", "RESTORE" }, examples = "UPDATE") String operation,
            @Schema(required = true) Instant changedAt,
            @Schema(required = true, description = "An API key id, a token subject, or system.", examples = "bootstrap-admin") String changedBy,
            @Schema(required = true) EventResponse state) {
    // @formatter:on
    }
}

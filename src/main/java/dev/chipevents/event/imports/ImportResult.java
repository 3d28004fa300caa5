package dev.chipevents.event.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportResult", description = "What a bulk import wrote: all rows, or (on any invalid row) none.")
public record ImportResult(
        @Schema(required = true, examples = "998", description = "Events created.") long created,
        @Schema(required = true, examples = "2", description = "Events updated (mode=upsert, matched by externalId).") long updated) {
}

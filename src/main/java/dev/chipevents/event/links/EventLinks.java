package dev.chipevents.event.links;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EventLinks", description = "Every link of an event, from both ends, ordered by the other event's date.")
public record EventLinks(
        @Schema(required = true, examples = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f") UUID eventId,
        @Schema(required = true, maxItems = 50) List<LinkedEvent> items) {
}

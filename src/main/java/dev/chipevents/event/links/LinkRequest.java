package dev.chipevents.event.links;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.chipevents.common.validation.PlainText;
import dev.chipevents.event.SourceDto;

/** A link to make from an event to another, named by its id or its externalId. */
@Schema(name = "LinkRequest", description = """
        A link from this event (the one in the path, or the row of a bulk import) to another event, named by `eventId` \
        or by `externalId` (exactly one of them). To say that another event caused this one, make the CAUSED link from \
        the other event.""")
public record LinkRequest(
        @Schema(required = true, examples = "CAUSED") @NotNull LinkType type,
        @Schema(nullable = true, description = "The other event's id.", examples = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f") UUID eventId,
        @Schema(nullable = true, maxLength = 100, description = "The other event's externalId (in a bulk import also one of its rows).",
                examples = "seed-2025-01-27-nvidia-stock-move")
        @Size(min = 1, max = 100) @PlainText String externalId,
        @Schema(nullable = true, maxLength = 1000, description = "Why the events are linked, in words.",
                examples = "Nvidia fell as investors weighed how cheaply DeepSeek says it trained R1.")
        @Size(max = 1000) @PlainText String note,
        @Schema(description = "Where the link between the two is stated.") @Valid SourceDto source) {
}

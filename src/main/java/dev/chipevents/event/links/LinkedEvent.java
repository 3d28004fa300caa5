package dev.chipevents.event.links;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.chipevents.event.DatePrecision;
import dev.chipevents.event.SourceDto;

/** One link of an event, seen from that event: the link, and the event at its other end. */
@Schema(name = "EventLink", description = """
        A typed link between this event and another, seen from this event: `relation` says how it reads from here \
        (CAUSED_BY where another event CAUSED this one). The other event's title and date are its current ones.""")
public record LinkedEvent(
        @Schema(required = true, description = "The link's own id (DELETE /api/v1/events/{eventId}/links/{linkId}).",
                examples = "0193a0a4-5c1e-7b7a-9d1e-a00000000001") UUID linkId,
        @Schema(required = true, examples = "CAUSED") LinkType type,
        @Schema(required = true, examples = "INCOMING") LinkDirection direction,
        @Schema(required = true, examples = "CAUSED_BY") LinkRelation relation,
        @Schema(required = true, description = "The event at the other end.",
                examples = "0193a0a4-5c1e-7b7a-9d1e-e00000000014") UUID eventId,
        @Schema(required = true, description = "The other event's title.",
                examples = "DeepSeek releases its open-source R1 reasoning model") String title,
        @Schema(required = true, description = "The other event's date.", examples = "2025-01-20") LocalDate occurredOn,
        @Schema(required = true, description = "How precise the other event's date is.", examples = "DAY") DatePrecision datePrecision,
        @Schema(nullable = true, maxLength = 1000, description = "Why the events are linked, in words.") String note,
        @Schema(description = "Where the link between the two is stated; absent when unknown.")
        @JsonInclude(JsonInclude.Include.NON_NULL) SourceDto source) {
}

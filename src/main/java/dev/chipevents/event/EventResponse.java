package dev.chipevents.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.chipevents.event.links.LinkedEvent;
import dev.chipevents.history.Versioned;

/** An event as the API answers it. */
@Schema(name = "Event", description = "A dated semiconductor-market event.")
public record EventResponse(
        @Schema(required = true, examples = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f") UUID id,
        @Schema(required = true, examples = "STOCK_MOVE") EventType type,
        @Schema(required = true, examples = "2025-01-27") LocalDate occurredOn,
        @Schema(required = true, examples = "DAY") DatePrecision datePrecision,
        @Schema(required = true, examples = "Nvidia loses 589 billion USD of market value in a day") String title,
        @Schema(nullable = true) String summary,
        @Schema(nullable = true, examples = "589000000000") BigDecimal amount,
        @Schema(examples = "MARKET_VALUE_LOSS", description = "What amount measures; present exactly when amount is.")
        @JsonInclude(JsonInclude.Include.NON_NULL) AmountKind amountKind,
        @Schema(nullable = true, examples = "USD") String currency,
        @Schema(nullable = true, examples = "-16.97") BigDecimal percentChange,
        @Schema(nullable = true, examples = "US") String country,
        @Schema(required = true) List<ParticipantResponse> participants,
        @Schema(required = true, examples = "[\"deepseek\", \"ai\"]") List<String> tags,
        @Schema(required = true) List<SourceDto> sources,
        @Schema(required = true, maxItems = 50,
                description = """
                This event's links to other events, from both ends (at most 50), ordered by the other event's date. They are \
                made and removed through /api/v1/events/{eventId}/links; a body sent back with PUT may carry them unchanged.""") List<LinkedEvent> links,
        @Schema(nullable = true, examples = "seed-2025-01-27-nvidia-stock-move") String externalId,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, examples = "1",
                description = "Increases with every change; the ETag is this number in quotes.") long version,
        @Schema(nullable = true, description = "Who created it: an API key id, a token subject, or system.",
                examples = "system") String createdBy,
        @Schema(nullable = true, description = "Who changed it last.", examples = "system") String updatedBy) implements Versioned {

    public EventResponse {
        links = links == null ? List.of() : links; // revisions recorded before links existed
    }
}

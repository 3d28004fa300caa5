package dev.chipevents.event;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Participant", description = "A company taking part in an event, with its name and ticker for display.")
public record ParticipantResponse(
        @Schema(required = true, examples = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6e") UUID companyId,
        @Schema(required = true, examples = "Nvidia") String name,
        @Schema(nullable = true, examples = "NVDA") String ticker,
        @Schema(required = true, examples = "SUBJECT") ParticipantRole role) {
}

package dev.chipevents.event;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ParticipantRequest", description = "A company taking part in an event, and its role.")
public record ParticipantRequest(
        @Schema(description = "Id of an existing company (see GET /api/v1/companies).", required = true,
                examples = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6e") @NotNull UUID companyId,
        @Schema(required = true, examples = "SUBJECT") @NotNull ParticipantRole role) {
}

package dev.chipevents.company;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.chipevents.history.Versioned;

/** A company as the API answers it. */
@Schema(name = "Company", description = "A company, market index or public body that takes part in events.")
public record CompanyResponse(
        @Schema(description = "Opaque id.", examples = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6e", required = true) UUID id,
        @Schema(examples = "Nvidia", required = true, maxLength = 200) String name,
        @Schema(examples = "NVDA", nullable = true) String ticker,
        @Schema(examples = "Nasdaq", nullable = true) String exchange,
        @Schema(examples = "US", nullable = true) String country,
        @Schema(examples = "FABLESS", required = true) Segment segment,
        @Schema(examples = "https://www.nvidia.com", nullable = true, format = "uri") String website,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(description = "Increases with every change; the ETag is this number in quotes.", examples = "1",
                required = true) long version,
        @Schema(nullable = true, description = "Who created it: an API key id, a token subject, or system.",
                examples = "system") String createdBy,
        @Schema(nullable = true, description = "Who changed it last.", examples = "system") String updatedBy) implements Versioned {

    static CompanyResponse of(Company c) {
        return new CompanyResponse(c.getId(), c.getName(), c.getTicker(), c.getExchange(), c.getCountry(), c.getSegment(),
                c.getWebsite(), c.getCreatedAt(), c.getUpdatedAt(), c.getVersion(),
                c.getCreatedBy(), c.getUpdatedBy());
    }
}

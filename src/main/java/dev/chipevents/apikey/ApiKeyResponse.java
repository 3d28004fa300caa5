package dev.chipevents.apikey;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKey", description = "An API key as listed: never with its secret.")
// @formatter:off (Eclipse misplaces the brace of a record whose components carry array-valued annotations)
public record ApiKeyResponse(
        @Schema(required = true, examples = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d70") UUID id,
        @Schema(required = true, examples = "nightly importer") String name,
        @Schema(required = true, enumeration = { "reader", "editor", "admin" }, examples = "editor") String role,
        @Schema(required = true, description = "The secret's first characters.", examples = "ce_Xk3v") String keyPrefix,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, description = "Who created it.", examples = "bootstrap-admin") String createdBy,
        @Schema(nullable = true, implementation = String.class, format = "date-time",
                description = "When it was revoked; revoked keys no longer authenticate.") Instant revokedAt) {
// @formatter:on

    static ApiKeyResponse of(ApiKey key) {
        return new ApiKeyResponse(key.getId(), key.getName(), key.getRole(), key.getKeyPrefix(), key.getCreatedAt(),
                key.getCreatedBy(), key.getRevokedAt());
    }
}

package dev.chipevents.apikey;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKeyCreated", description = "A new API key with its secret, shown this once: store it now.")
// @formatter:off (Eclipse misplaces the brace of a record whose components carry array-valued annotations)
public record ApiKeyCreated(
        @Schema(required = true, examples = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d70") UUID id,
        @Schema(required = true, examples = "nightly importer") String name,
        @Schema(required = true, enumeration = { "reader", "editor", "admin" }, examples = "editor") String role,
        @Schema(required = true, description = "The secret to send as X-API-Key. It is not stored and cannot be shown again.",
                examples = "ce_Xk3vQ0b9Vt1m8c2nH5dJr7Lq4sPzWy6aFgE0uK1oT3i") String key,
        @Schema(required = true) Instant createdAt) {
// @formatter:on
}

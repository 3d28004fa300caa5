package dev.chipevents.apikey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.chipevents.common.validation.PlainText;

@Schema(name = "ApiKeyRequest", description = "A new API key: a name to recognise it by and the role it grants.")
// @formatter:off (Eclipse misplaces the brace of a record whose components carry array-valued annotations)
public record ApiKeyRequest(
        @Schema(required = true, maxLength = 100, examples = "nightly importer") @NotBlank @Size(max = 100) @PlainText String name,
        @Schema(required = true, enumeration = { "reader", "editor", "admin" }, examples = "editor")
        @NotNull @Pattern(regexp = "^(reader|editor|admin)$", message = "must be reader, editor or admin") String role) {
// @formatter:on
}

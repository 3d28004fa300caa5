package dev.chipevents.common.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One offending field or query parameter of an invalid request. */
@Schema(name = "FieldError", description = "One offending body field or query parameter.")
public record FieldError(
        @Schema(description = "The JSON path of the body field (e.g. `participants[0].role`) or the query parameter's name.",
                examples = "title") String field,
        @Schema(description = "What is wrong with it, in words.", examples = "must not be blank") String message) {
}

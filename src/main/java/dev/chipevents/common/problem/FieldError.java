package dev.chipevents.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One offending field or query parameter of an invalid request (and, for a bulk import, its row). */
@JsonPropertyOrder({ "row", "field", "message" })
@Schema(name = "FieldError",
        description = "One offending body field or query parameter; for a bulk import also the row (1 = the first data row).")
public record FieldError(
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "For a bulk import: the row, counting data rows from 1.", examples = "3", minimum = "1") Integer row,
        @Schema(description = "The JSON path of the body field (e.g. `participants[0].role`) or the query parameter's name.",
                examples = "title") String field,
        @Schema(description = "What is wrong with it, in words.", examples = "must not be blank") String message) {

    public FieldError(String field, String message) {
        this(null, field, message);
    }
}

package dev.chipevents.common.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An RFC 9457 problem detail, sent as `application/problem+json` with every error.")
public record Problem(
        @Schema(description = "A URI naming the kind of problem.", examples = "urn:chip-events:problem:invalid-request",
                required = true) String type,
        @Schema(description = "A short summary of the kind of problem.", examples = "Invalid request", required = true) String title,
        @Schema(description = "The HTTP status code.", examples = "400", required = true, minimum = "400", maximum = "599") int status,
        @Schema(description = "What went wrong with this request.",
                examples = "The request has 1 invalid field or parameter.") String detail,
        @Schema(description = "The request path.", examples = "/api/v1/events") String instance,
        @Schema(description = "Every offending field or parameter, for invalid input.") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Every problem type is this prefix and a slug, such as urn:chip-events:problem:invalid-request. */
    public static final String TYPE_PREFIX = "urn:chip-events:problem:";
}

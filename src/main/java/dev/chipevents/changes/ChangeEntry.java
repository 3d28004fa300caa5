package dev.chipevents.changes;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.chipevents.company.CompanyResponse;
import dev.chipevents.event.EventResponse;
import dev.chipevents.history.Operation;

/** One committed change as the API shows it: in a stream message's data, or an item of a change page. */
@Schema(name = "Change", description = "One committed change of an event or a company, numbered in commit order.")
// @formatter:off (Eclipse misplaces the brace of a record whose components carry array-valued annotations)
public record ChangeEntry(
        @Schema(required = true, examples = "1042", description = "Grows with every committed change, in commit order, without gaps;"
                + " the stream message's id.") long sequence,
        @Schema(required = true, examples = "UPDATE") Operation operation,
        @Schema(required = true, enumeration = { "event", "company" }, examples = "event") String resource,
        @Schema(required = true, examples = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f") UUID id,
        @Schema(required = true, examples = "3", description = "The resource's version after the change (for a delete: the version"
                + " deleted).") long version,
        @Schema(required = true) Instant changedAt,
        @Schema(required = true, examples = "system", description = "Who made it: an API key id, a token subject, or system.")
        String changedBy,
        @Schema(required = true, description = "True when a bulk import made it.") boolean imported,
        @JsonRawValue
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(type = SchemaType.OBJECT, anyOf = { EventResponse.class, CompanyResponse.class },
                description = "The resource as GET answers it after the change; absent for a delete.") String state) {
// @formatter:on
}

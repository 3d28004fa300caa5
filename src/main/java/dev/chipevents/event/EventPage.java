package dev.chipevents.event;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EventPage", description = "One page of events in the requested order.")
public record EventPage(
        @Schema(required = true) List<EventResponse> items,
        @Schema(description = "Pass as `cursor` (with the same filters and sort) to get the next page; null on the last page.",
                nullable = true) String nextCursor,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The number of all matches; only with withTotal=true.", examples = "21") Long total) {
}

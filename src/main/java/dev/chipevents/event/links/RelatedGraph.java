package dev.chipevents.event.links;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.chipevents.event.DatePrecision;
import dev.chipevents.event.EventType;

/** The neighbourhood of an event: the events within some steps of links, and those links, as a small graph. */
@Schema(name = "RelatedGraph", description = """
        The events reachable from `eventId` in at most `depth` steps over links of the given types (in either \
        direction), and the links walked: nodes and edges of a small graph. Each edge goes from the event where the \
        link starts to the one where it ends.""")
public record RelatedGraph(
        @Schema(required = true, examples = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f") UUID eventId,
        @Schema(required = true, minimum = "1", maximum = "3", examples = "1") int depth,
        @Schema(required = true, description = "The link types followed.") List<LinkType> types,
        @Schema(required = true, description = "The events, the asked one first (distance 0), then by distance and date.") List<Node> nodes,
        @Schema(required = true, description = "The links walked.") List<Edge> edges,
        @Schema(required = true, description = "True when the graph was cut at " + RelatedEvents.MAX_NODES
                + " events; ask for a smaller depth or fewer types.", examples = "false") boolean truncated) {

    @Schema(name = "RelatedNode", description = "An event of the graph.")
    public record Node(
            @Schema(required = true, examples = "0193a0a4-5c1e-7b7a-9d1e-e00000000014") UUID id,
            @Schema(required = true, examples = "PRODUCT_LAUNCH") EventType type,
            @Schema(required = true, examples = "DeepSeek releases its open-source R1 reasoning model") String title,
            @Schema(required = true, examples = "2025-01-20") LocalDate occurredOn,
            @Schema(required = true, examples = "DAY") DatePrecision datePrecision,
            @Schema(required = true, minimum = "0", maximum = "3", description = "Steps from the asked event.",
                    examples = "1") int distance) {
    }

    @Schema(name = "RelatedEdge", description = "A link of the graph, from the event where it starts to the one where it ends.")
    public record Edge(
            @Schema(required = true, examples = "0193a0a4-5c1e-7b7a-9d1e-a00000000001") UUID linkId,
            @Schema(required = true, examples = "CAUSED") LinkType type,
            @Schema(required = true, examples = "0193a0a4-5c1e-7b7a-9d1e-e00000000014") UUID from,
            @Schema(required = true, examples = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f") UUID to,
            @Schema(nullable = true) String note) {
    }
}

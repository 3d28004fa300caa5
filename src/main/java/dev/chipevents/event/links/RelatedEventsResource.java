package dev.chipevents.event.links;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.chipevents.common.paging.QueryParameters;
import dev.chipevents.common.problem.FieldError;
import dev.chipevents.common.problem.InvalidRequestProblem;

/** HTTP for the neighbourhood of an event: the events and links within a few steps, as a graph. */
@Path("/api/v1/events/{eventId}/related")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class RelatedEventsResource {

    private static final Set<String> PARAMETERS = Set.of("depth", "type");

    private final RelatedEvents related;

    RelatedEventsResource(RelatedEvents related) {
        this.related = related;
    }

    @GET
    @Operation(operationId = "getRelatedEvents", summary = "The events linked to an event, within a few steps",
            description = """
                    Walks the links of the event in both directions, `depth` steps far (1 to 3), following only the link types \
                    given (all when none is): the events reached and the links walked, as nodes and edges. A chain of causes \
                    can be walked from any of its events this way.""")
    @APIResponse(responseCode = "200", description = "The graph.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RelatedGraph.class)))
    @APIResponse(ref = "InvalidRequest")
    public RelatedGraph related(@Parameter(ref = "eventId") @PathParam("eventId") UUID eventId,
            @Parameter(description = "How many steps of links to walk, 1 to 3.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "3", defaultValue = "1"))
            @jakarta.ws.rs.QueryParam("depth") String depthValue,
            @Parameter(description = "Link types to follow, any of: repeat the parameter or separate with commas, e.g. `CAUSED`;"
                    + " all types when none is given.", explode = org.eclipse.microprofile.openapi.annotations.enums.Explode.TRUE,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = LinkType.class))
            @jakarta.ws.rs.QueryParam("type") List<String> typeValues,
            @Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        QueryParameters.requireKnown(query, PARAMETERS);
        List<FieldError> errors = new ArrayList<>();
        int depth = 1;
        String raw = QueryParameters.single(query, "depth", errors);
        if (raw != null) {
            try {
                depth = Integer.parseInt(raw.strip());
                if (depth < 1 || depth > 3) {
                    errors.add(new FieldError("depth", "must be 1, 2 or 3; got " + depth));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("depth", "must be 1, 2 or 3; got '" + raw + "'"));
            }
        }
        Set<LinkType> types = EnumSet.noneOf(LinkType.class);
        for (String type : QueryParameters.multi(query, "type", true)) {
            try {
                types.add(LinkType.valueOf(type.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("type", "must be one of " + Arrays.toString(LinkType.values()) + "; got '" + type + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestProblem(errors);
        }
        return related.around(eventId, depth, types.isEmpty() ? EnumSet.allOf(LinkType.class) : types);
    }
}

package dev.chipevents.event.links;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.chipevents.common.paging.QueryParameters;
import dev.chipevents.common.problem.NotFoundProblem;
import dev.chipevents.common.security.Roles;
import dev.chipevents.event.search.EventSearch;

/** HTTP for the links of one event: list, make (editor), read one, remove (admin). */
@Path("/api/v1/events/{eventId}/links")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventLinksResource {

    private static final java.util.Set<String> NO_PARAMETERS = java.util.Set.of();

    private final EventSearch search;
    private final LinkCommands commands;

    EventLinksResource(EventSearch search, LinkCommands commands) {
        this.search = search;
        this.commands = commands;
    }

    @GET
    @Operation(operationId = "listEventLinks", summary = "The links of an event, from both ends",
            description = "The same links as the event's `links`: each with how it reads from this event and the other event's"
                    + " id, title and date.")
    @APIResponse(responseCode = "200", description = "The links.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventLinks.class)))
    @APIResponse(ref = "InvalidRequest")
    public EventLinks list(@Parameter(ref = "eventId") @PathParam("eventId") UUID eventId, @Context UriInfo uri) {
        QueryParameters.requireKnown(uri.getQueryParameters(), NO_PARAMETERS);
        return new EventLinks(eventId, search.get(eventId).links());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createEventLink", summary = "Link this event to another",
            description = """
                    A directed, typed link from this event to the one named by `eventId` or `externalId`. Both events change: \
                    each gets a new version and a revision in its history. Refused: a link to itself or to an event that does \
                    not exist (400); the same link twice, more than """ + LinkCommands.MAX_LINKS_PER_EVENT + """
                     links on either event, or a CAUSED link that would close a chain of CAUSED links into a cycle \
                    (409, naming the chain).""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LinkRequest.class),
            examples = @ExampleObject(name = "R1 caused Nvidia's drop (from the R1 release)", value = """
                    {"type": "CAUSED", "eventId": "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f",
                     "note": "Investors weighed how cheaply DeepSeek says it trained R1."}""")))
    @APIResponse(responseCode = "201", description = "The link, as this event sees it.",
            headers = @Header(name = "Location", description = "URL of the new link.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LinkedEvent.class)))
    @APIResponse(ref = "Conflict")
    public Response create(@Parameter(ref = "eventId") @PathParam("eventId") UUID eventId, @Valid @NotNull LinkRequest request,
            @Context UriInfo uri) {
        LinkedEvent link = commands.create(eventId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(link.linkId().toString()).build()).entity(link).build();
    }

    @GET
    @Path("/{linkId}")
    @Operation(operationId = "getEventLink", summary = "One link of an event, as this event sees it",
            description = "The link with how it reads from this event (its relation) and the other event's id, title and date;"
                    + " 404 when it is no link of this event.")
    @APIResponse(responseCode = "200", description = "The link.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LinkedEvent.class)))
    @APIResponse(ref = "InvalidRequest")
    public LinkedEvent get(@Parameter(ref = "eventId") @PathParam("eventId") UUID eventId,
            @Parameter(ref = "linkId") @PathParam("linkId") UUID linkId, @Context UriInfo uri) {
        QueryParameters.requireKnown(uri.getQueryParameters(), NO_PARAMETERS);
        return search.get(eventId).links().stream().filter(l -> l.linkId().equals(linkId)).findFirst()
                .orElseThrow(() -> new NotFoundProblem("No link '" + linkId + "' of event '" + eventId + "'."));
    }

    @DELETE
    @Path("/{linkId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteEventLink", summary = "Remove a link (from either of its events)",
            description = "Both events change: each gets a new version and a revision in its history.")
    @APIResponse(responseCode = "204", description = "Removed.")
    public Response delete(@Parameter(ref = "eventId") @PathParam("eventId") UUID eventId,
            @Parameter(ref = "linkId") @PathParam("linkId") UUID linkId) {
        commands.delete(eventId, linkId);
        return Response.noContent().build();
    }
}

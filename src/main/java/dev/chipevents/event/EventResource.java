package dev.chipevents.event;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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

import dev.chipevents.common.http.ETags;
import dev.chipevents.common.http.MergePatch;
import dev.chipevents.common.idempotency.Idempotency;
import dev.chipevents.common.json.BodyFields;
import dev.chipevents.common.json.ServerOwnedFields;
import dev.chipevents.common.json.WrittenJson;
import dev.chipevents.common.paging.ReadsQueryString;
import dev.chipevents.common.problem.InvalidRequestProblem;
import dev.chipevents.common.security.Roles;
import dev.chipevents.event.search.EventCsv;
import dev.chipevents.event.search.EventLists;
import dev.chipevents.event.search.EventSearch;

/** HTTP for events: the list, one event, its history, and single writes. Filters and paging live in search/. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "Dated semiconductor-market events: query, create, update, delete.")
public class EventResource {

    private final EventSearch search;
    private final EventCommands commands;
    private final EventHistories histories;
    private final EventLists lists;
    private final Idempotency idempotency;
    private final EventJson json;

    EventResource(EventSearch search, EventCommands commands, EventHistories histories, EventLists lists, Idempotency idempotency,
            EventJson json) {
        this.search = search;
        this.commands = commands;
        this.histories = histories;
        this.lists = lists;
        this.idempotency = idempotency;
        this.json = json;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, EventCsv.MEDIA_TYPE, EventLists.CALENDAR, EventLists.ATOM })
    @Operation(operationId = "listEvents", summary = "List and filter events",
            description = """
                    Events matching every given filter, one page at a time in the requested order (newest first by default). \
                    Pass `nextCursor` back as `cursor`, with the same filters and sort, for the next page. \
                    With `Accept: text/csv` or `format=csv` every match is streamed as CSV instead (columns named like the \
                    JSON fields; participants and sources as JSON arrays in one cell, tags joined by ';'; text cells starting \
                    with =, +, -, @ get a leading apostrophe). \
                    With `Accept: text/calendar` or `format=ics` every match is an iCalendar (RFC 5545) file to subscribe to: \
                    one all-day event per event, its id as UID and its version as SEQUENCE. \
                    With `Accept: application/atom+xml` or `format=atom` the page is an Atom (RFC 4287) feed, newest change \
                    first unless `sort` says otherwise, with a `rel="next"` link while there are more. \
                    Unknown parameters are refused, so a typo never returns everything.""")
    @APIResponse(responseCode = "200", description = "A page of events (JSON, Atom), or every match (CSV, iCalendar).",
            headers = @Header(ref = "Link"),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class)),
                    @Content(mediaType = EventCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                            example = "id,type,occurredOn,datePrecision,title,summary,amount,amountKind,currency,percentChange,country,"
                                    + "participants,tags,sources,externalId,createdAt,updatedAt,version"),
                    @Content(mediaType = EventLists.CALENDAR, schema = @Schema(type = SchemaType.STRING),
                            example = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n...\r\nEND:VCALENDAR\r\n"),
                    @Content(mediaType = EventLists.ATOM, schema = @Schema(type = SchemaType.STRING),
                            example = "<feed xmlns=\"http://www.w3.org/2005/Atom\">...</feed>") })
    @APIResponse(ref = "InvalidRequest")
    @APIResponse(ref = "NotAcceptable")
    @APIResponse(ref = "StatementTimeout")
    @ReadsQueryString
    public Response list(@Context UriInfo uri, @Context HttpHeaders headers) {
        return lists.answer(uri, headers, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createEvent", summary = "Create an event",
            description = "Participants name companies by id, ticker or exact name. Answers the event with its id, a Location and an ETag.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EventRequest.class),
            examples = @ExampleObject(name = "Nvidia's record loss", value = """
                    {"type": "STOCK_MOVE", "occurredOn": "2025-01-27", "title": "Nvidia loses 589 billion USD of market value in a day",
                     "amount": 589000000000, "amountKind": "MARKET_VALUE_LOSS", "currency": "USD", "percentChange": -16.97, "country": "US",
                     "participants": [{"company": "NVDA", "role": "SUBJECT"}],
                     "tags": ["deepseek", "stock-market"], "sources": [{"url": "https://www.gzeromedia.com/", "publisher": "GZERO Media",
                                  "title": "What DeepSeek means for the US-China AI war"}]}""")))
    @APIResponse(responseCode = "201", description = "Created.",
            headers = { @Header(name = "Location", description = "URL of the new event.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = "The new version's tag.", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "IdempotencyKeyReused")
    public Response create(@Parameter(ref = "Idempotency-Key") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull EventRequest request, @Context UriInfo uri,
            @Context ContainerRequestContext context) {
        // A client generated from the document sends an empty list (or null) for a field it was not given: nothing to make.
        if (request.links() != null && !request.links().isNull() && !request.links().isEmpty()) {
            throw new InvalidRequestProblem("links", "are made once the event exists, with POST /api/v1/events/{eventId}/links"
                    + " (or by the rows of a bulk import)");
        }
        ServerOwnedFields.refuse(BodyFields.serverOwned(context));
        return idempotency.execute(idempotencyKey, "create-event", request, () -> {
            EventResponse created = commands.create(request);
            return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                    .header("ETag", ETags.of(created.version())).entity(created).build();
        });
    }

    @GET
    @Path("/{eventId}")
    @Operation(operationId = "getEvent", summary = "Get one event, now or as it stood at an instant",
            description = "Sends an ETag; answers 304 to a matching If-None-Match. With `asOf`, answers the event as it stood then"
                    + " (from its history), also if it was deleted since.")
    @APIResponse(responseCode = "200", description = "The event.",
            headers = @Header(name = "ETag", description = "The version's tag.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "304", description = "Not modified: your copy is current.",
            headers = @Header(name = "ETag", description = "The current version's tag.", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(ref = "InvalidRequest")
    public Response get(@Parameter(ref = "eventId") @PathParam("eventId") UUID id,
            @Parameter(ref = "If-None-Match") @HeaderParam("If-None-Match") String ifNoneMatch,
            @Parameter(
                    description = "An instant (ISO 8601, UTC), e.g. `2025-02-01T00:00:00Z`: answer the event as the ledger held it then.",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("asOf") String asOf) {
        if (asOf != null) {
            return withETag(histories.asOf(id, parseInstant(asOf)));
        }
        EventResponse event = search.get(id);
        if (ETags.noneMatchHits(ifNoneMatch, event.version())) {
            return Response.notModified().header("ETag", ETags.of(event.version())).build();
        }
        return Response.ok(json.of(event), WrittenJson.MEDIA_TYPE).header("ETag", ETags.of(event.version())).build();
    }

    @PUT
    @Path("/{eventId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "replaceEvent", summary = "Replace an event",
            description = "Replaces every field (omitted ones become empty). Needs If-Match with the current ETag.")
    @APIResponse(responseCode = "200", description = "The event as replaced.",
            headers = @Header(name = "ETag", description = "The new version's tag.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventResponse.class)))
    public Response replace(@Parameter(ref = "eventId") @PathParam("eventId") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull EventRequest request, @Context ContainerRequestContext context) {
        return withETag(commands.replace(id, request, ifMatch, BodyFields.serverOwned(context)));
    }

    @PATCH
    @Path("/{eventId}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "patchEvent", summary = "Change some fields of an event",
            description = "A JSON Merge Patch (RFC 7396): fields sent replace the current ones, null removes one. Needs If-Match.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT, description = "Any subset of the EventRequest fields; null removes a value."),
            examples = @ExampleObject(name = "restated amount", value = "{\"amount\": 589000000000, \"summary\": null}")))
    @APIResponse(responseCode = "200", description = "The event as patched.",
            headers = @Header(name = "ETag", description = "The new version's tag.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventResponse.class)))
    public Response patch(@Parameter(ref = "eventId") @PathParam("eventId") UUID id, @HeaderParam("If-Match") String ifMatch,
            String patch) {
        return withETag(commands.patch(id, patch, ifMatch));
    }

    @DELETE
    @Path("/{eventId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteEvent", summary = "Delete an event",
            description = "With If-Match, only if the event still has that ETag.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@Parameter(ref = "eventId") @PathParam("eventId") UUID id,
            @HeaderParam("If-Match") String ifMatch) {
        commands.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("/{eventId}/history")
    @Operation(operationId = "getEventHistory", summary = "The change history of an event",
            description = "Every create, update, delete and restore, with who and when and the full state, also for a deleted event.")
    @APIResponse(responseCode = "200", description = "The revisions, oldest first.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventHistory.class)))
    public EventHistory history(@Parameter(ref = "eventId") @PathParam("eventId") UUID id) {
        return histories.of(id);
    }

    @POST
    @Path("/{eventId}/restore")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "restoreEvent", summary = "Bring a deleted event back",
            description = "Recreates the event with its id as it was when deleted. 409 if it exists, or if its companies or externalId"
                    + " are gone or taken.")
    @APIResponse(responseCode = "200", description = "The restored event.",
            headers = @Header(name = "ETag", description = "The version's tag.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(ref = "Conflict")
    public Response restore(@Parameter(ref = "eventId") @PathParam("eventId") UUID id) {
        return withETag(commands.restore(id));
    }

    private static Response withETag(EventResponse event) {
        return Response.ok(event).header("ETag", ETags.of(event.version())).build();
    }

    private static Instant parseInstant(String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestProblem("asOf", "must be an instant such as 2025-02-01T00:00:00Z; got '" + value + "'");
        }
    }
}

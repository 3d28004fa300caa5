package dev.chipevents.event;

import java.util.List;
import java.util.Set;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.chipevents.common.http.ETags;
import dev.chipevents.common.idempotency.Idempotency;
import dev.chipevents.common.security.Roles;
import dev.chipevents.common.http.MergePatch;
import dev.chipevents.common.paging.Links;
import dev.chipevents.common.paging.QueryParameters;
import dev.chipevents.common.problem.FieldError;
import dev.chipevents.common.problem.InvalidRequestException;

@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "Dated semiconductor-market events: query, create, update, delete.")
public class EventResource {

    private static final int CSV_BATCH = 500;
    private static final Set<String> STATS_PARAMETERS;

    static {
        java.util.Set<String> stats = new java.util.HashSet<>(EventQuery.FILTERS);
        stats.add("groupBy");
        STATS_PARAMETERS = Set.copyOf(stats);
    }

    private final EventService service;
    private final MergePatch mergePatch;
    private final ObjectMapper json;
    private final Idempotency idempotency;
    private final EventImport importer;

    public EventResource(EventService service, MergePatch mergePatch, ObjectMapper json, Idempotency idempotency, EventImport importer) {
        this.idempotency = idempotency;
        this.importer = importer;
        this.service = service;
        this.mergePatch = mergePatch;
        this.json = json;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, EventCsv.MEDIA_TYPE })
    @Operation(operationId = "listEvents", summary = "List and filter events",
            description = """
                    Events matching every given filter, one page at a time in the requested order (newest first by default). \
                    Pass `nextCursor` back as `cursor`, with the same filters and sort, for the next page. \
                    With `Accept: text/csv` or `format=csv` every match is streamed as CSV instead (columns named like the \
                    JSON fields; participants and sources as JSON arrays in one cell, tags joined by ';'; text cells starting \
                    with =, +, -, @ get a leading apostrophe). Unknown parameters are refused, so a typo never returns everything.""")
    @Parameters({ @Parameter(ref = "type", name = "type", in = ParameterIn.QUERY), @Parameter(ref = "from", name = "from", in = ParameterIn.QUERY), @Parameter(ref = "to", name = "to", in = ParameterIn.QUERY), @Parameter(ref = "company", name = "company", in = ParameterIn.QUERY),
            @Parameter(ref = "country", name = "country", in = ParameterIn.QUERY), @Parameter(ref = "tag", name = "tag", in = ParameterIn.QUERY), @Parameter(ref = "q", name = "q", in = ParameterIn.QUERY), @Parameter(ref = "currency", name = "currency", in = ParameterIn.QUERY),
            @Parameter(ref = "minAmount", name = "minAmount", in = ParameterIn.QUERY), @Parameter(ref = "maxAmount", name = "maxAmount", in = ParameterIn.QUERY), @Parameter(ref = "minChange", name = "minChange", in = ParameterIn.QUERY),
            @Parameter(ref = "maxChange", name = "maxChange", in = ParameterIn.QUERY), @Parameter(ref = "sort", name = "sort", in = ParameterIn.QUERY), @Parameter(ref = "limit", name = "limit", in = ParameterIn.QUERY), @Parameter(ref = "cursor", name = "cursor", in = ParameterIn.QUERY),
            @Parameter(ref = "withTotal", name = "withTotal", in = ParameterIn.QUERY), @Parameter(ref = "format", name = "format", in = ParameterIn.QUERY) })
    @APIResponse(responseCode = "200", description = "A page of events (JSON), or every match (CSV).",
            headers = @Header(ref = "Link"),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class)),
                    @Content(mediaType = EventCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                            example = "id,type,occurredOn,datePrecision,title,summary,amount,currency,percentChange,country,participants,tags,sources,externalId,createdAt,updatedAt,version") })
    @APIResponse(ref = "InvalidRequest")
    @APIResponse(ref = "NotAcceptable")
    @APIResponse(ref = "ServerError")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "StatementTimeout")
    public Response list(@Context UriInfo uri, @Context HttpHeaders headers) {
        return listOrExport(service, json, uri, headers, null);
    }

    static Response listOrExport(EventService service, ObjectMapper json, UriInfo uri, HttpHeaders headers, UUID scope) {
        EventQuery query = EventQuery.parse(uri.getQueryParameters(), EventQuery.LIST_PARAMETERS);
        if (wantsCsv(uri, headers)) {
            return csv(service, json, query, scope);
        }
        EventPage page = service.list(query, scope);
        return Links.withNext(Response.ok(page, MediaType.APPLICATION_JSON_TYPE), uri, page.nextCursor()).build();
    }

    @GET
    @Path("/stats")
    @Operation(operationId = "eventStats", summary = "Count events and sum amounts per period or dimension",
            description = """
                    Takes every filter of listEvents. `groupBy` day, week (ISO), month, quarter or year gives a timeline \
                    ordered by key; type, country, company or tag gives buckets ordered by count (most first). An event \
                    with several companies or tags counts in each of their buckets.""")
    @Parameters({ @Parameter(name = "groupBy", in = ParameterIn.QUERY, required = true, description = "What to group by.",
            example = "month", schema = @Schema(implementation = StatsGrouping.class)),
            @Parameter(ref = "type", name = "type", in = ParameterIn.QUERY), @Parameter(ref = "from", name = "from", in = ParameterIn.QUERY), @Parameter(ref = "to", name = "to", in = ParameterIn.QUERY), @Parameter(ref = "company", name = "company", in = ParameterIn.QUERY),
            @Parameter(ref = "country", name = "country", in = ParameterIn.QUERY), @Parameter(ref = "tag", name = "tag", in = ParameterIn.QUERY), @Parameter(ref = "q", name = "q", in = ParameterIn.QUERY), @Parameter(ref = "currency", name = "currency", in = ParameterIn.QUERY),
            @Parameter(ref = "minAmount", name = "minAmount", in = ParameterIn.QUERY), @Parameter(ref = "maxAmount", name = "maxAmount", in = ParameterIn.QUERY), @Parameter(ref = "minChange", name = "minChange", in = ParameterIn.QUERY),
            @Parameter(ref = "maxChange", name = "maxChange", in = ParameterIn.QUERY) })
    @APIResponse(responseCode = "200", description = "The buckets.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventStats.class),
                    examples = @ExampleObject(name = "per month", value = """
                            {"groupBy": "month", "buckets": [{"key": "2025-01", "count": 8, "amountByCurrency": {"USD": 1089006000000}}]}""")))
    @APIResponse(ref = "InvalidRequest")
    @APIResponse(ref = "ServerError")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "StatementTimeout")
    public EventStats stats(@Context UriInfo uri) {
        var params = uri.getQueryParameters();
        EventQuery query = EventQuery.parse(params, STATS_PARAMETERS);
        List<FieldError> errors = new java.util.ArrayList<>();
        String groupBy = QueryParameters.single(params, "groupBy", errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (groupBy == null) {
            throw new InvalidRequestException("groupBy", "is required: one of " + List.of(StatsGrouping.values()));
        }
        try {
            return service.stats(query, StatsGrouping.valueOf(groupBy.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("groupBy", "must be one of " + List.of(StatsGrouping.values()) + "; got '" + groupBy + "'");
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createEvent", summary = "Create an event",
            description = "Participants name existing companies by id (create the company first). Answers the event with its id, a Location and an ETag.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EventRequest.class),
            examples = @ExampleObject(name = "Nvidia's record loss", value = """
                    {"type": "STOCK_MOVE", "occurredOn": "2025-01-27", "title": "Nvidia loses 589 billion USD of market value in a day",
                     "amount": 589000000000, "currency": "USD", "percentChange": -16.97, "country": "US",
                     "participants": [{"companyId": "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6e", "role": "SUBJECT"}],
                     "tags": ["deepseek", "stock-market"], "sources": [{"url": "https://www.gzeromedia.com/", "publisher": "GZERO Media"}]}""")))
    @APIResponse(responseCode = "201", description = "Created.",
            headers = { @Header(name = "Location", description = "URL of the new event.", schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = "The new version's tag.", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(ref = "InvalidRequest")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "IdempotencyKeyReused")
    @APIResponse(ref = "UnsupportedMediaType")
    @APIResponse(ref = "PayloadTooLarge")
    @APIResponse(ref = "ServerError")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "apiKey")
    @SecurityRequirement(name = "bearer")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    public Response create(@Parameter(description = "A key of yours (a UUID, say) that makes retries safe: the same key with the same body replays the first answer; with another body it is a 422.",
                    example = "7f0b7c1e-2d4e-4a7b-9d51-0c6f1f3b2a10", schema = @Schema(type = SchemaType.STRING, maxLength = 255))
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull EventRequest request, @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, "create-event", request, () -> {
            EventResponse created = service.create(request);
            return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                    .header("ETag", ETags.of(created.version()))
                    .entity(created).build();
        });
    }

    @POST
    @Path("/import")
    @Consumes({ MediaType.APPLICATION_JSON, EventCsv.MEDIA_TYPE })
    @Operation(operationId = "importEvents", summary = "Import many events at once (JSON array or CSV)",
            description = """
                    All or nothing: if any row is invalid nothing is written, and the 400 problem lists every bad row as \
                    {row, field, message}. CSV takes the columns of the CSV export (so an export imports back); id, createdAt, \
                    updatedAt, version, createdBy and updatedBy are ignored. Participants name companies by companyId, \
                    ticker or name (`{"company": "NVDA", "role": "SUBJECT"}`). With mode=upsert, rows whose externalId exists \
                    update that event instead of being refused. Rows are streamed and written in batches.""")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ImportRow.class),
                    examples = @ExampleObject(name = "two events", value = """
                            [{"type": "IPO", "occurredOn": "2024-11-27", "title": "Pony AI lists on Nasdaq", "externalId": "ipo-pony",
                              "participants": [{"company": "PONY", "role": "ISSUER"}]},
                             {"type": "POLICY", "occurredOn": "2022-08-09", "title": "CHIPS and Science Act signed", "amount": 52700000000,
                              "currency": "USD"}]""")),
            @Content(mediaType = EventCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                    example = "type,occurredOn,title,participants\r\nIPO,2024-11-27,Pony AI lists on Nasdaq,\"[{\"\"company\"\":\"\"PONY\"\",\"\"role\"\":\"\"ISSUER\"\"}]\"") })
    @APIResponse(responseCode = "200", description = "Every row was written.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(ref = "InvalidRequest")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "IdempotencyKeyReused")
    @APIResponse(ref = "UnsupportedMediaType")
    @APIResponse(ref = "PayloadTooLarge")
    @APIResponse(ref = "ServerError")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "apiKey")
    @SecurityRequirement(name = "bearer")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    public Response importEvents(
            @Parameter(description = "insert (default) refuses rows whose externalId exists; upsert updates them.", example = "upsert",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "insert", "upsert" })) @QueryParam("mode") String mode,
            @Parameter(description = "Makes a retried import safe: the same key with the same body replays the first answer.",
                    example = "import-2025-02-01", schema = @Schema(type = SchemaType.STRING, maxLength = 255))
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context HttpHeaders headers, java.io.InputStream body) throws java.io.IOException {
        if (mode != null && !mode.equals("insert") && !mode.equals("upsert")) {
            throw new InvalidRequestException("mode", "must be insert or upsert; got '" + mode + "'");
        }
        boolean upsert = "upsert".equals(mode);
        MediaType type = headers.getMediaType();
        EventImport.Format format = type != null && type.getSubtype().equals("csv") ? EventImport.Format.CSV : EventImport.Format.JSON;
        java.nio.charset.Charset charset = charsetOf(type);
        if (idempotencyKey == null) {
            return Response.ok(importer.importEvents(body, format, charset, upsert)).build();
        }
        byte[] content = body.readAllBytes();
        return idempotency.execute(idempotencyKey, "import-events-" + format + "-" + upsert,
                new String(content, java.nio.charset.StandardCharsets.UTF_8),
                () -> {
                    try {
                        return Response.ok(importer.importEvents(new java.io.ByteArrayInputStream(content), format, charset, upsert)).build();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getEvent", summary = "Get one event, now or as it stood at an instant",
            description = "Sends an ETag; answers 304 to a matching If-None-Match. With `asOf`, answers the event as it stood then (from its history), also if it was deleted since.")
    @APIResponse(responseCode = "200", description = "The event.", headers = @Header(name = "ETag", description = "The version's tag.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "304", description = "Not modified: your copy is current.", headers = @Header(name = "ETag", description = "The current version's tag.", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(ref = "InvalidRequest")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "ServerError")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    public Response get(@Parameter(description = "The event's id.", example = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f") @PathParam("id") UUID id,
            @Parameter(description = "An ETag you already have.", example = "\"0\"", schema = @Schema(type = SchemaType.STRING, maxLength = 100))
            @HeaderParam("If-None-Match") String ifNoneMatch,
            @Parameter(description = "An instant (ISO 8601, UTC): answer the event as it stood then.", example = "2025-02-01T00:00:00Z",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("asOf") String asOf) {
        if (asOf != null) {
            EventResponse past = service.asOf(id, parseInstant(asOf));
            return Response.ok(past).header("ETag", ETags.of(past.version())).build();
        }
        EventResponse event = service.get(id);
        if (ETags.noneMatchHits(ifNoneMatch, event.version())) {
            return Response.notModified().header("ETag", ETags.of(event.version())).build();
        }
        return Response.ok(event).header("ETag", ETags.of(event.version())).build();
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getEventHistory", summary = "The change history of an event",
            description = "Every create, update, delete and restore, with who and when and the full state, also for a deleted event.")
    @APIResponse(responseCode = "200", description = "The revisions, oldest first.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventHistory.class)))
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "ServerError")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    public EventHistory history(@Parameter(description = "The event's id.", example = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f") @PathParam("id") UUID id) {
        return service.history(id);
    }

    @POST
    @Path("/{id}/restore")
    @Operation(operationId = "restoreEvent", summary = "Bring a deleted event back",
            description = "Recreates the event with its id as it was when deleted. 409 if it exists, or if its companies or externalId are gone or taken.")
    @APIResponse(responseCode = "200", description = "The restored event.", headers = @Header(name = "ETag", description = "The version's tag.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "ServerError")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "apiKey")
    @SecurityRequirement(name = "bearer")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    public Response restore(@Parameter(description = "The deleted event's id.", example = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f") @PathParam("id") UUID id) {
        EventResponse restored = service.restore(id);
        return Response.ok(restored).header("ETag", ETags.of(restored.version())).build();
    }

    /** CSV in the charset its Content-Type names, UTF-8 when it names none. */
    private static java.nio.charset.Charset charsetOf(MediaType type) {
        String name = type == null ? null : type.getParameters().get("charset");
        try {
            return name == null ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Content-Type", "names an unknown charset '" + name + "'");
        }
    }

    private static java.time.Instant parseInstant(String value) {
        try {
            return java.time.Instant.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRequestException("asOf", "must be an instant such as 2025-02-01T00:00:00Z; got '" + value + "'");
        }
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceEvent", summary = "Replace an event",
            description = "Replaces every field (omitted ones become empty). Needs If-Match with the current ETag.")
    @APIResponse(responseCode = "200", description = "The event as replaced.", headers = @Header(name = "ETag", description = "The new version's tag.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(ref = "InvalidRequest")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "UnsupportedMediaType")
    @APIResponse(ref = "PayloadTooLarge")
    @APIResponse(ref = "PreconditionRequired")
    @APIResponse(ref = "ServerError")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "apiKey")
    @SecurityRequirement(name = "bearer")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    public Response replace(@Parameter(description = "The event's id.", example = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f") @PathParam("id") UUID id, @Parameter(required = true, description = "The ETag of the version you are changing.", example = "\"0\"", schema = @Schema(type = SchemaType.STRING, maxLength = 100)) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull EventRequest request) {
        EventResponse event = service.replace(id, request, ifMatch);
        return Response.ok(event).header("ETag", ETags.of(event.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchEvent", summary = "Change some fields of an event",
            description = "A JSON Merge Patch (RFC 7396): fields sent replace the current ones, null removes one. Needs If-Match.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT, description = "Any subset of the EventRequest fields; null removes a value."),
            examples = @ExampleObject(name = "restated amount", value = "{\"amount\": 589000000000, \"summary\": null}")))
    @APIResponse(responseCode = "200", description = "The event as patched.", headers = @Header(name = "ETag", description = "The new version's tag.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(ref = "InvalidRequest")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "UnsupportedMediaType")
    @APIResponse(ref = "PayloadTooLarge")
    @APIResponse(ref = "PreconditionRequired")
    @APIResponse(ref = "ServerError")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "apiKey")
    @SecurityRequirement(name = "bearer")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    public Response patch(@Parameter(description = "The event's id.", example = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f") @PathParam("id") UUID id, @Parameter(required = true, description = "The ETag of the version you are changing.", example = "\"0\"", schema = @Schema(type = SchemaType.STRING, maxLength = 100)) @HeaderParam("If-Match") String ifMatch,
            String patch) {
        ETags.requireMatch(ifMatch, service.get(id).version());
        EventRequest patched = mergePatch.apply(service.currentRequest(id), patch, EventRequest.class);
        EventResponse event = service.replace(id, patched, ifMatch);
        return Response.ok(event).header("ETag", ETags.of(event.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteEvent", summary = "Delete an event", description = "With If-Match, only if the event still has that ETag.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "PreconditionFailed")
    @APIResponse(ref = "ServerError")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "apiKey")
    @SecurityRequirement(name = "bearer")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    public Response delete(@Parameter(description = "The event's id.", example = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f") @PathParam("id") UUID id,
            @Parameter(description = "When sent, delete only if the event still has this ETag.", example = "\"0\"",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100)) @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    private static boolean wantsCsv(UriInfo uri, HttpHeaders headers) {
        String format = uri.getQueryParameters().getFirst("format");
        if (format != null) {
            return format.equals("csv");
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.getType().equals("text") && accepted.getSubtype().equals("csv")) {
                return true;
            }
        }
        return false;
    }

    /** Streams every match in batches, never holding more than one batch in memory. */
    private static Response csv(EventService service, ObjectMapper json, EventQuery query, UUID scope) {
        List<String> start = service.cursorPosition(query, scope);
        StreamingOutput body = out -> {
            EventCsv csv = new EventCsv(out, json);
            List<String> position = start;
            while (true) {
                EventService.Batch batch = service.batch(query, scope, position, CSV_BATCH);
                for (EventResponse event : batch.items()) {
                    csv.write(event);
                }
                csv.flush();
                if (batch.items().size() < CSV_BATCH) {
                    break;
                }
                position = batch.lastPosition();
            }
            csv.close();
        };
        return Response.ok(body, EventCsv.MEDIA_TYPE + ";charset=UTF-8;header=present")
                .header("Content-Disposition", "attachment; filename=\"events.csv\"")
                .build();
    }
}

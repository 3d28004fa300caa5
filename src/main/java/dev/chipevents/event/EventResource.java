package dev.chipevents.event;

import java.util.List;
import java.util.Set;
import java.util.UUID;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.chipevents.common.http.ETags;
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

    public EventResource(EventService service, MergePatch mergePatch, ObjectMapper json) {
        this.service = service;
        this.mergePatch = mergePatch;
        this.json = json;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, EventCsv.MEDIA_TYPE })
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
    public Response create(@Valid @NotNull EventRequest request, @Context UriInfo uri) {
        EventResponse created = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .header("ETag", ETags.of(created.version()))
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        EventResponse event = service.get(id);
        if (ETags.noneMatchHits(ifNoneMatch, event.version())) {
            return Response.notModified().header("ETag", ETags.of(event.version())).build();
        }
        return Response.ok(event).header("ETag", ETags.of(event.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull EventRequest request) {
        EventResponse event = service.replace(id, request, ifMatch);
        return Response.ok(event).header("ETag", ETags.of(event.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    public Response patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, String patch) {
        ETags.requireMatch(ifMatch, service.get(id).version());
        EventRequest patched = mergePatch.apply(service.currentRequest(id), patch, EventRequest.class);
        EventResponse event = service.replace(id, patched, ifMatch);
        return Response.ok(event).header("ETag", ETags.of(event.version())).build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
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

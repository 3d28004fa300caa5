package dev.chipevents.changes;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import dev.chipevents.common.paging.Links;
import dev.chipevents.common.paging.ReadsQueryString;
import dev.chipevents.common.problem.Problem;
import dev.chipevents.common.security.Actor;
import dev.chipevents.common.security.ClientAddresses;

/**
 * HTTP for the change log: a Server-Sent Events stream that replays from a resume point and then stays live,
 * or the same entries as JSON pages for clients that poll. One operation in the document, two methods here
 * (JAX-RS chooses by Accept; a client that accepts anything gets the stream, as curl and EventSource want).
 */
@Path("/api/v1/changes")
@Tag(name = "Changes", description = "Every committed change, in commit order: a live stream to follow, or pages to poll.")
public class ChangesResource {

    private static final String DESCRIPTION = """
            Every committed change of an event or company, numbered in commit order: a client that has seen change N never \
            later finds a committed change with a lower number, so resuming after N misses nothing.

            As **Server-Sent Events** (`Accept: text/event-stream`, or anything but JSON): each message has \
            `id: <sequence>`, `event: <operation>` (CREATE, UPDATE, DELETE, RESTORE) and the Change as JSON `data` (for a \
            delete, without `state`). Without a resume point the stream starts now; with `Last-Event-ID` (sent by a \
            reconnecting EventSource; it wins over `since`) or `since` it replays every later change, then goes live. \
            A comment line every 15 seconds (with the stream's position as id) keeps proxies from closing it. A client \
            that does not keep up is disconnected and resumes where it stopped.

            As **JSON pages** (`Accept: application/json`): up to `limit` changes after `since` (default: the oldest kept); \
            pass `nextSince` back as `since`.

            The event filters of the lists apply: they select the changes of events that match before or after the \
            change (so a timeline also learns that an event stopped matching), and only events. Changes are kept for 30 \
            days by default: a resume point older than that is a 410 problem, and the client reloads.""";

    private final ChangeFeed feed;
    private final ChangeReader reader;
    private final Actor actor;
    private final ClientAddresses addresses;

    ChangesResource(ChangeFeed feed, ChangeReader reader, Actor actor, ClientAddresses addresses) {
        this.addresses = addresses;
        this.feed = feed;
        this.reader = reader;
        this.actor = actor;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "listChanges", summary = "Follow the changes (Server-Sent Events) or page through them",
            description = DESCRIPTION)
    @Parameter(name = "Last-Event-ID", in = ParameterIn.HEADER, description = "The id of the last message a stream received: replay"
            + " from there. EventSource sends it when it reconnects.", schema = @Schema(type = SchemaType.STRING, maxLength = 20))
    @APIResponse(responseCode = "200", description = "The stream (it stays open), or a page of changes.",
            headers = @Header(ref = "Link"),
            // JSON first: Swagger UI asks for the first type, and a stream never ends for it to show
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangePage.class)),
                    @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING,
                            description = "text/event-stream messages; each `data` is a Change."),
                            example = ":changes after 1041\nid:1041\nretry:1000\n\nid:1042\nevent:UPDATE\n"
                                    + "data:{\"sequence\":1042,\"operation\":\"UPDATE\",\"resource\":\"event\",...}\n\n") })
    @APIResponse(ref = "InvalidRequest")
    @APIResponse(responseCode = "410", description = "The resume point is older than the changes kept: reload, then follow from now.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "resume-point-expired", value = """
                            {"type": "urn:chip-events:problem:resume-point-expired", "title": "Resume point expired", "status": 410, \
                            "detail": "Changes up to 5120 are no longer kept (CHIP_EVENTS_CHANGES_RETENTION), so the changes after 17 \
                            cannot all be replayed: reload the data you show, then follow the changes without since or Last-Event-ID.", \
                            "instance": "/api/v1/changes"}""")))
    @APIResponse(ref = "TooManyRequests")
    @APIResponse(responseCode = "503", description = "The database cannot be read now, or this replica holds all the streams it may.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ReadsQueryString
    public void stream(@Context UriInfo uri, @HeaderParam(ChangeQuery.LAST_EVENT_ID) String lastEventId,
            @Parameter(description = "Replay the changes after this sequence number (a message id you received).",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
            @QueryParam("since") String since,
            @Parameter(description = "JSON pages only: at most this many changes.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "Only changes of this kind of resource, `event` or `company`: repeat the parameter or separate"
                    + " with commas. With event filters, only events.", explode = Explode.TRUE)
            @QueryParam("resource") List<String> resource,
            @Context SseEventSink sink, @Context Sse sse, @Context HttpServerRequest http, @Context HttpServerResponse response) {
        ChangeQuery query = ChangeQuery.parse(uri.getQueryParameters(), lastEventId);
        ChangeReader.Start start = reader.start(query, false);
        response.putHeader("Cache-Control", "no-store");
        response.putHeader("X-Accel-Buffering", "no"); // nginx: pass each message on at once
        feed.open(client(http), sink, sse, start.filter(), start.since());
    }

    @GET
    @Produces("application/json;qs=0.5") // below the stream: "Accept: */*" (curl) streams
    @Operation(hidden = true) // documented with the stream: one path, one operation
    @ReadsQueryString
    public Response page(@Context UriInfo uri, @HeaderParam(ChangeQuery.LAST_EVENT_ID) String lastEventId) {
        ChangeQuery query = ChangeQuery.parse(uri.getQueryParameters(), lastEventId);
        ChangePage page = reader.page(query);
        Response.ResponseBuilder answer = Response.ok(page).header("Cache-Control", "no-store");
        if (page.more()) {
            answer.header("Link", "<" + Links.replacing(uri, "since", String.valueOf(page.nextSince())) + ">; rel=\"next\"");
        }
        return answer.build();
    }

    /** Whom the per-client cap counts: the key or token subject, else the address. */
    private String client(HttpServerRequest http) {
        String who = actor.name();
        return Actor.SYSTEM.equals(who) ? "address " + addresses.of(http) : "principal " + who;
    }
}

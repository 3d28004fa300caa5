package dev.chipevents.event.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.chipevents.common.config.ChipEventsConfig;
import dev.chipevents.common.http.SpooledBody;
import dev.chipevents.common.idempotency.Idempotency;
import dev.chipevents.common.problem.InvalidRequestProblem;
import dev.chipevents.common.problem.TooManyRequestsProblem;
import dev.chipevents.common.security.Roles;
import dev.chipevents.event.EventRequest;
import dev.chipevents.event.search.EventCsv;

/** HTTP for bulk import: the body is received whole (to a temporary file) before the import starts. */
@Path("/api/v1/events/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventImportResource {

    private final EventImport importer;
    private final Idempotency idempotency;
    private final Semaphore running;
    private final int maxConcurrent;

    EventImportResource(EventImport importer, Idempotency idempotency, ChipEventsConfig config) {
        this.importer = importer;
        this.idempotency = idempotency;
        this.maxConcurrent = config.imports().maxConcurrent();
        this.running = new Semaphore(maxConcurrent);
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, EventCsv.MEDIA_TYPE })
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "importEvents", summary = "Import many events at once (JSON array or CSV)",
            description = """
                    All or nothing: if any row is invalid nothing is written, and the 400 problem lists every bad row as \
                    {row, field, message}. Each row is an EventRequest, as for a single create. CSV takes the columns of the \
                    CSV export (so an export imports back); id, createdAt, updatedAt, version, createdBy and updatedBy are \
                    ignored. Participants name companies by id, ticker or name (`{"company": "NVDA", "role": "SUBJECT"}`). \
                    With mode=upsert, rows whose externalId exists update that event instead of being refused.""")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = EventRequest.class),
                    examples = @ExampleObject(name = "two events", value = """
                            [{"type": "IPO", "occurredOn": "2024-11-27", "title": "Pony AI lists on Nasdaq", "externalId": "ipo-pony",
                              "participants": [{"company": "PONY", "role": "ISSUER"}]},
                             {"type": "POLICY", "occurredOn": "2022-08-09", "title": "CHIPS and Science Act signed", "amount": 52700000000,
                              "currency": "USD"}]""")),
            @Content(mediaType = EventCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                    example = "type,occurredOn,title,participants\r\nIPO,2024-11-27,Pony AI lists on Nasdaq,"
                            + "\"[{\"\"company\"\":\"\"PONY\"\",\"\"role\"\":\"\"ISSUER\"\"}]\"") })
    @APIResponse(responseCode = "200", description = "Every row was written.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "IdempotencyKeyReused")
    public Response importEvents(
            @Parameter(description = "`insert` (the default) refuses rows whose externalId exists; `upsert` updates them.",
                    schema = @Schema(implementation = ImportMode.class))
            @QueryParam("mode") String mode,
            @Parameter(ref = "Idempotency-Key") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Context HttpHeaders headers, InputStream body) throws IOException {
        if (mode != null && !mode.equals("insert") && !mode.equals("upsert")) {
            throw new InvalidRequestProblem("mode", "must be insert or upsert; got '" + mode + "'");
        }
        boolean upsert = "upsert".equals(mode);
        MediaType type = headers.getMediaType();
        ImportRows.Format format = type != null && type.getSubtype().equals("csv") ? ImportRows.Format.CSV : ImportRows.Format.JSON;
        Charset charset = charsetOf(type);
        if (!running.tryAcquire()) {
            // Each import holds a thread while its body arrives and a connection while it writes: a few at a time.
            throw new TooManyRequestsProblem(maxConcurrent + " imports are running on this server; retry after the number of seconds"
                    + " in Retry-After.", maxConcurrent, 10);
        }
        try (SpooledBody received = SpooledBody.receive(body)) {
            return idempotency.execute(idempotencyKey, "import-events-" + format + "-" + upsert, received.sha256(), () -> {
                try (InputStream rows = received.open()) {
                    return Response.ok(importer.importEvents(rows, format, charset, upsert)).build();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } finally {
            running.release();
        }
    }

    /** CSV in the charset its Content-Type names, UTF-8 when it names none. */
    private static Charset charsetOf(MediaType type) {
        String name = type == null ? null : type.getParameters().get("charset");
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestProblem("Content-Type", "names an unknown charset '" + name + "'");
        }
    }
}

package dev.chipevents.common.openapi;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.chipevents.common.problem.Problem;

/**
 * The document-wide parts of the OpenAPI contract: info, and the parameters and problem responses
 * that several operations share (operations refer to them by name).
 */
@OpenAPIDefinition(
        info = @Info(title = "Chip Events API", version = "1.0.0",
                description = """
                        A ledger of dated semiconductor-market events (stock moves, CHIPS Act awards, IPOs, export-control \
                        rules, investments, acquisitions, regulatory actions, product and manufacturing news) and the \
                        companies that take part in them.

                        * Lists are paged with an opaque `cursor` (keyset pagination): pass `nextCursor` back with the \
                        same filters and sort. The `Link: <...>; rel="next"` header carries the same.
                        * Every error is an RFC 9457 problem (`application/problem+json`); invalid input names each \
                        offending field or parameter in `errors`.
                        * Reads are open. Writes need an API key in `X-API-Key` (or a JWT bearer token): editor creates and \
                        updates, admin also deletes and manages keys. The operator's first admin key is the environment \
                        variable `CHIP_EVENTS_ADMIN_KEY`.
                        * Single resources carry an `ETag`; PUT and PATCH need `If-Match` with it (428 without, 412 when \
                        stale); GET answers 304 to a matching `If-None-Match`.""",
                contact = @Contact(name = "Chip Events maintainers", url = "https://github.com/chip-events/chip-events"),
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        tags = {
                @Tag(name = "Events",
                        description = "Dated semiconductor-market events: query, statistics, CSV export, create, update, delete."),
                @Tag(name = "Companies", description = "Companies, market indexes and public bodies that take part in events."),
                @Tag(name = "API keys", description = "Keys for scripts and curl, sent as X-API-Key. Admins only.")
        },
        components = @Components(
                parameters = {
                        @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Page size.",
                                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50")),
                        @Parameter(name = "cursor", in = ParameterIn.QUERY,
                                description = "The `nextCursor` of the previous page; only valid with the same filters and sort.",
                                schema = @Schema(type = SchemaType.STRING, maxLength = 2000)),
                        @Parameter(name = "withTotal", in = ParameterIn.QUERY, description = "Also count all matches into `total`.",
                                schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")),
                        @Parameter(name = "eventId", in = ParameterIn.PATH, required = true, description = "The event's id.",
                                example = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f",
                                schema = @Schema(type = SchemaType.STRING, format = "uuid")),
                        @Parameter(name = "linkId", in = ParameterIn.PATH, required = true, description = "The link's id.",
                                example = "0193a0a4-5c1e-7b7a-9d1e-a00000000001",
                                schema = @Schema(type = SchemaType.STRING, format = "uuid")),
                        @Parameter(name = "companyRef", in = ParameterIn.PATH, required = true,
                                description = "The company's id, ticker or exact name (case-insensitive), e.g. `NVDA`, `DeepSeek` or an id.",
                                example = "NVDA", schema = @Schema(type = SchemaType.STRING, maxLength = 200)),
                        @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = true,
                                description = "The ETag of the version you are changing, as GET answered it, e.g. `\"0\"`.",
                                schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
                        @Parameter(name = "If-None-Match", in = ParameterIn.HEADER,
                                description = "An ETag you already have: answers 304 while it is current.",
                                schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
                        @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER,
                                description = "Optional. A fresh key of yours for each new request (a random UUID, say) makes retries safe:"
                                        + " the same key with the same body replays the first answer; with another body it is a 422."
                                        + " Never reuse a key for a different request.",
                                schema = @Schema(type = SchemaType.STRING, maxLength = 255))
                },
                responses = {
                        @APIResponse(name = "InvalidRequest", responseCode = "400",
                                description = "Invalid input: `errors` names every offending field or parameter.",

                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "invalid-request",
                                                value = """
                                                {"type": "urn:chip-events:problem:invalid-request", "title": "Invalid request", "status": 400, "detail": "'title' must not be blank", "instance": "/api/v1/events", "errors": [{"field": "title", "message": "must not be blank"}]}"""))),
                        @APIResponse(name = "Unauthorized", responseCode = "401",
                                description = "No credentials, or an unknown, revoked or expired key or token (reads too, when the server requires the reader role). The problem says how to get a key.",
                                headers = @Header(name = "WWW-Authenticate", description = "The accepted schemes.",
                                        schema = @Schema(type = SchemaType.STRING)),
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "unauthorized",
                                                value = """
                                                {"type": "urn:chip-events:problem:unauthorized", "title": "Unauthorized", "status": 401, "detail": "This needs credentials: send an API key in the X-API-Key header (or an 'Authorization: Bearer' token).", "instance": "/api/v1/events"}"""))),
                        @APIResponse(name = "Forbidden", responseCode = "403",
                                description = "The credentials' role does not allow this (editor creates and updates; admin deletes, restores, imports and manages keys).",

                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "forbidden",
                                                value = """
                                                {"type": "urn:chip-events:problem:forbidden", "title": "Forbidden", "status": 403, "detail": "Your role does not allow this: creating and updating needs editor; deleting, bulk import and key management need admin.", "instance": "/api/v1/events/0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f"}"""))),
                        @APIResponse(name = "NotFound", responseCode = "404", description = "No such resource.",

                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "not-found",
                                                value = """
                                                {"type": "urn:chip-events:problem:not-found", "title": "Not found", "status": 404, "detail": "No event with id '0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f'.", "instance": "/api/v1/events/0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f"}"""))),
                        @APIResponse(name = "NotAcceptable", responseCode = "406",
                                description = "None of the media types in Accept can be produced.",

                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "not-acceptable",
                                                value = """
                                                {"type": "urn:chip-events:problem:not-acceptable", "title": "Not Acceptable", "status": 406, "detail": "None of the media types in Accept can be produced here (application/json, and text/csv where documented).", "instance": "/api/v1/events"}"""))),
                        @APIResponse(name = "Conflict", responseCode = "409",
                                description = "Clashes with the current state: a unique value is taken, or the resource is still referenced.",

                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "conflict",
                                                value = """
                                                {"type": "urn:chip-events:problem:conflict", "title": "Conflict", "status": 409, "detail": "Another company already has this name.", "instance": "/api/v1/companies", "errors": [{"field": "name", "message": "is already used by company 0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6e ('Nvidia'); names are unique regardless of case"}]}"""))),
                        @APIResponse(name = "PreconditionFailed", responseCode = "412",
                                description = "If-Match does not name the current version: someone changed it meanwhile. GET it again.",

                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "precondition-failed",
                                                value = """
                                                {"type": "urn:chip-events:problem:precondition-failed", "title": "Precondition failed", "status": 412, "detail": "If-Match \\"0\\" does not match the current ETag \\"1\\"; GET the resource again and retry with its current ETag.", "instance": "/api/v1/events/0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f"}"""))),
                        @APIResponse(name = "PayloadTooLarge", responseCode = "413",
                                description = "The body is larger than the limit (1 MiB by default; larger for bulk import).",

                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "payload-too-large",
                                                value = """
                                                {"type": "urn:chip-events:problem:payload-too-large", "title": "Payload too large", "status": 413, "detail": "The body is larger than 1048576 bytes.", "instance": "/api/v1/events"}"""))),
                        @APIResponse(name = "UnsupportedMediaType", responseCode = "415",
                                description = "The body's content type is not accepted here.",

                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "unsupported-media-type",
                                                value = """
                                                {"type": "urn:chip-events:problem:unsupported-media-type", "title": "Unsupported Media Type", "status": 415, "detail": "This content type is not accepted here: send application/json (application/merge-patch+json for PATCH).", "instance": "/api/v1/events"}"""))),
                        @APIResponse(name = "IdempotencyKeyReused", responseCode = "422",
                                description = "The Idempotency-Key was used before with another request body.",

                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "idempotency-key-reused",
                                                value = """
                                                {"type": "urn:chip-events:problem:idempotency-key-reused", "title": "Idempotency-Key reused", "status": 422, "detail": "This Idempotency-Key was used with another request body; use a new key for a new request.", "instance": "/api/v1/events"}"""))),
                        @APIResponse(name = "PreconditionRequired", responseCode = "428",
                                description = "If-Match is missing: send the ETag of the version you are changing.",

                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "precondition-required",
                                                value = """
                                                {"type": "urn:chip-events:problem:precondition-required", "title": "Precondition required", "status": 428, "detail": "This change needs If-Match with the ETag of the version you are changing: GET it first.", "instance": "/api/v1/events/0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f"}"""))),
                        @APIResponse(name = "TooManyRequests", responseCode = "429",
                                description = "The key's write rate limit (or this address's failed-authentication limit) is used up.",
                                headers = {
                                        @Header(name = "Retry-After", description = "Seconds to wait.",
                                                schema = @Schema(type = SchemaType.INTEGER)),
                                        @Header(name = "RateLimit-Limit", description = "Requests allowed per minute.",
                                                schema = @Schema(type = SchemaType.INTEGER)),
                                        @Header(name = "RateLimit-Remaining", description = "Requests left now.",
                                                schema = @Schema(type = SchemaType.INTEGER)) },
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "too-many-requests",
                                                value = """
                                                {"type": "urn:chip-events:problem:too-many-requests", "title": "Too many requests", "status": 429, "detail": "This key has used its 600 writes per minute; retry after the number of seconds in Retry-After.", "instance": "/api/v1/events"}"""))),
                        @APIResponse(name = "ServerError", responseCode = "500",
                                description = "The server failed; the problem carries an incident id that is logged.",

                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "internal-error",
                                                value = """
                                                {"type": "urn:chip-events:problem:internal-error", "title": "Internal server error", "status": 500, "detail": "The server failed to answer this request. Incident 6f1c2e0a-8d3b-4c5e-9a7f-1b2c3d4e5f60 is logged.", "instance": "/api/v1/events"}"""))),
                        @APIResponse(name = "StatementTimeout", responseCode = "503",
                                description = "The database statement ran longer than the limit (CHIP_EVENTS_QUERY_TIMEOUT_MS) and was"
                                        + " cancelled, or the database cannot answer: its disk is full (storage-full), or it has been"
                                        + " closed or cannot be reached (database-unavailable). A CSV or iCalendar export also gets it when"
                                        + " CHIP_EVENTS_EXPORT_MAX_CONCURRENT exports are streaming from this server (exports-busy).",
                                headers = @Header(name = "Retry-After", description = "Seconds to wait.",
                                        schema = @Schema(type = SchemaType.INTEGER)),
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = {
                                                @ExampleObject(name = "statement-timeout",
                                                        value = """
                                                        {"type": "urn:chip-events:problem:statement-timeout", "title": "Query took too long", "status": 503, "detail": "The database statement took longer than the limit (CHIP_EVENTS_QUERY_TIMEOUT_MS) and was cancelled; narrow the filters or retry later.", "instance": "/api/v1/events"}"""),
                                                @ExampleObject(name = "storage-full",
                                                        value = """
                                                        {"type": "urn:chip-events:problem:storage-full", "title": "Database storage full", "status": 503, "detail": "The database could not write to its disk: no space is left on the device. This request was not carried out. Free disk space where the database keeps its files (CHIP_EVENTS_DATA_DIR for the embedded database), then restart the service if it keeps answering 503.", "instance": "/api/v1/events"}"""),
                                                @ExampleObject(name = "exports-busy",
                                                        value = """
                                                        {"type": "urn:chip-events:problem:exports-busy", "title": "Too many exports", "status": 503, "detail": "8 exports are streaming from this server (CHIP_EVENTS_EXPORT_MAX_CONCURRENT); retry after the number of seconds in Retry-After, or read the matches as JSON pages.", "instance": "/api/v1/events"}""") }))
                },
                securitySchemes = {
                        @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
                                apiKeyName = "X-API-Key",
                                description = "An API key from POST /api/v1/api-keys, or the operator's CHIP_EVENTS_ADMIN_KEY."),
                        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                                bearerFormat = "JWT",
                                description = "A JWT (RFC 7519) from the configured identity provider, verified as RFC8725 advises: signature, issuer, audience and expiry; its groups claim names reader, editor or admin.")
                },
                headers = @Header(name = "Link", description = "RFC 8288 link to the next page, rel=\"next\"; absent on the last page.",
                        schema = @Schema(type = SchemaType.STRING))))
public class ApiDocumentation extends Application {

    public ApiDocumentation() {
    }
}

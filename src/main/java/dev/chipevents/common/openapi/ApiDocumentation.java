package dev.chipevents.common.openapi;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
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
                @Tag(name = "Events", description = "Dated semiconductor-market events: query, statistics, CSV export, create, update, delete."),
                @Tag(name = "Companies", description = "Companies, market indexes and public bodies that take part in events."),
                @Tag(name = "API keys", description = "Keys for scripts and curl, sent as X-API-Key. Admins only.")
        },
        components = @Components(
                parameters = {
                        @Parameter(name = "type", in = ParameterIn.QUERY, explode = org.eclipse.microprofile.openapi.annotations.enums.Explode.TRUE,
                                description = "Event types, any of; repeat the parameter or separate with commas.",
                                example = "EXPORT_CONTROL", schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)),
                        @Parameter(name = "from", in = ParameterIn.QUERY, description = "Earliest occurredOn, inclusive.",
                                example = "2024-12-01", schema = @Schema(type = SchemaType.STRING, format = "date")),
                        @Parameter(name = "to", in = ParameterIn.QUERY, description = "Latest occurredOn, inclusive; not before `from`.",
                                example = "2025-01-31", schema = @Schema(type = SchemaType.STRING, format = "date")),
                        @Parameter(name = "company", in = ParameterIn.QUERY,
                                description = "Companies taking part, any of: a company id or a ticker (case-insensitive); repeatable or comma-separated. An unknown one is a 400.",
                                example = "NVDA", schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)),
                        @Parameter(name = "country", in = ParameterIn.QUERY, description = "ISO 3166-1 alpha-2 code of where the event happened.",
                                example = "US", schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z]{2}$")),
                        @Parameter(name = "tag", in = ParameterIn.QUERY, description = "Tags, any of; repeatable or comma-separated.",
                                example = "deepseek", schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)),
                        @Parameter(name = "q", in = ParameterIn.QUERY,
                                description = "Case-insensitive search over title, summary, tags and the participants' names and tickers; every word must occur (as a word or part of one).",
                                example = "arizona tsmc", schema = @Schema(type = SchemaType.STRING, maxLength = 200)),
                        @Parameter(name = "currency", in = ParameterIn.QUERY, description = "ISO 4217 currency of the amount.",
                                example = "USD", schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z]{3}$")),
                        @Parameter(name = "minAmount", in = ParameterIn.QUERY, description = "Smallest amount, inclusive (events without amount never match).",
                                example = "1000000000", schema = @Schema(type = SchemaType.NUMBER)),
                        @Parameter(name = "maxAmount", in = ParameterIn.QUERY, description = "Largest amount, inclusive.",
                                example = "10000000000", schema = @Schema(type = SchemaType.NUMBER)),
                        @Parameter(name = "minChange", in = ParameterIn.QUERY, description = "Smallest percentChange, inclusive: minChange=10 finds rises of 10 percent or more.",
                                example = "10", schema = @Schema(type = SchemaType.NUMBER)),
                        @Parameter(name = "maxChange", in = ParameterIn.QUERY, description = "Largest percentChange, inclusive: maxChange=-10 finds drops of 10 percent or worse.",
                                example = "-10", schema = @Schema(type = SchemaType.NUMBER)),
                        @Parameter(name = "sort", in = ParameterIn.QUERY,
                                description = "Comma-separated fields from occurredOn, amount, percentChange, createdAt, title; '-' in front for descending. Missing amounts and percent changes come last. Ties are broken by id.",
                                example = "-amount", schema = @Schema(type = SchemaType.STRING, defaultValue = "-occurredOn", maxLength = 200)),
                        @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Page size.",
                                example = "20", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50")),
                        @Parameter(name = "cursor", in = ParameterIn.QUERY,
                                description = "The `nextCursor` of the previous page; only valid with the same filters and sort.",
                                example = "eyJxIjoiV3hNTmQ3TjBPMlltIiwiayI6WyIyMDI1LTAxLTI5Il19.Ao_tVyywxC_M4GoseWGCBg",
                                schema = @Schema(type = SchemaType.STRING, maxLength = 2000)),
                        @Parameter(name = "withTotal", in = ParameterIn.QUERY, description = "Also count all matches into `total`.",
                                example = "true", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")),
                        @Parameter(name = "format", in = ParameterIn.QUERY,
                                description = "csv streams every match as RFC 4180 CSV (like `Accept: text/csv`), ignoring `limit`.",
                                example = "csv", schema = @Schema(type = SchemaType.STRING, enumeration = { "json", "csv" }))
                },
                responses = {
                        @APIResponse(name = "InvalidRequest", responseCode = "400",
                                description = "Invalid input: `errors` names every offending field or parameter.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "NotFound", responseCode = "404", description = "No such resource.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "NotAcceptable", responseCode = "406", description = "None of the media types in Accept can be produced.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "Conflict", responseCode = "409",
                                description = "Clashes with the current state: a unique value is taken, or the resource is still referenced.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "PreconditionFailed", responseCode = "412",
                                description = "If-Match does not name the current version: someone changed it meanwhile. GET it again.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "UnsupportedMediaType", responseCode = "415",
                                description = "The body's content type is not accepted here.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "PreconditionRequired", responseCode = "428",
                                description = "If-Match is missing: send the ETag of the version you are changing.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "Unauthorized", responseCode = "401",
                                description = "No credentials, or an unknown, revoked or expired key or token (reads too, when the server requires the reader role). The problem says how to get a key.",
                                headers = @Header(name = "WWW-Authenticate", description = "The accepted schemes.", schema = @Schema(type = SchemaType.STRING)),
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "Forbidden", responseCode = "403",
                                description = "The credentials' role does not allow this (editor creates and updates; admin deletes and manages keys).",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "TooManyRequests", responseCode = "429",
                                description = "The key's write rate limit (or this address's failed-authentication limit) is used up.",
                                headers = {
                                        @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)),
                                        @Header(name = "RateLimit-Limit", description = "Requests allowed per minute.", schema = @Schema(type = SchemaType.INTEGER)),
                                        @Header(name = "RateLimit-Remaining", description = "Requests left now.", schema = @Schema(type = SchemaType.INTEGER)) },
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "IdempotencyKeyReused", responseCode = "422",
                                description = "The Idempotency-Key was used before with another request body.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "PayloadTooLarge", responseCode = "413",
                                description = "The body is larger than the limit (1 MiB by default; larger for bulk import).",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "StatementTimeout", responseCode = "503",
                                description = "The database statement ran longer than the limit (CHIP_EVENTS_QUERY_TIMEOUT_MS) and was cancelled.",
                                headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)),
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "ServerError", responseCode = "500",
                                description = "The server failed; the problem carries an incident id that is logged.",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
                },
                securitySchemes = {
                        @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
                                apiKeyName = "X-API-Key", description = "An API key from POST /api/v1/api-keys, or the operator's CHIP_EVENTS_ADMIN_KEY."),
                        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
                                description = "A JWT (RFC 7519) from the configured identity provider, verified as RFC8725 advises: signature, issuer, audience and expiry; its groups claim names reader, editor or admin.")
                },
                headers = @Header(name = "Link", description = "RFC 8288 link to the next page, rel=\"next\"; absent on the last page.",
                        schema = @Schema(type = SchemaType.STRING))))
public class ApiDocumentation extends Application {

    public ApiDocumentation() {
    }
}

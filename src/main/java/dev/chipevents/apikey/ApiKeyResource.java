package dev.chipevents.apikey;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.chipevents.common.paging.Links;
import dev.chipevents.common.paging.QueryParameters;
import dev.chipevents.common.paging.ReadsQueryString;
import dev.chipevents.common.problem.FieldError;
import dev.chipevents.common.problem.InvalidRequestProblem;
import dev.chipevents.common.security.Roles;

@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "API keys")
public class ApiKeyResource {

    private final ApiKeyService service;

    public ApiKeyResource(ApiKeyService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiKey", summary = "Create an API key",
            description = "Answers the secret once; only its hash is stored. Roles: reader, editor (create and update), admin (also delete and manage keys).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiKeyRequest.class),
            examples = @ExampleObject(name = "an editor key", value = "{\"name\": \"nightly importer\", \"role\": \"editor\"}")))
    @APIResponse(responseCode = "201", description = "Created; the secret is in `key`.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyCreated.class)))
    public Response create(@Valid @NotNull ApiKeyRequest request) {
        ApiKeyCreated created = service.create(request);
        return Response.status(201).entity(created).build();
    }

    @GET
    @Operation(operationId = "listApiKeys", summary = "List API keys",
            description = "Every key with its name, role and state; never a secret.")
    @APIResponse(responseCode = "200", description = "A page of keys, oldest first.", headers = @Header(ref = "Link"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyPage.class)))
    @APIResponse(ref = "InvalidRequest")
    @ReadsQueryString
    public Response list(@Parameter(ref = "limit") @QueryParam("limit") String limit,
            @Parameter(ref = "cursor") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        QueryParameters.requireKnown(query, Set.of("limit", "cursor"));
        List<FieldError> errors = new ArrayList<>();
        int size = QueryParameters.limit(query, errors);
        String after = QueryParameters.single(query, "cursor", errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestProblem(errors);
        }
        ApiKeyPage page = service.list(size, after);
        return Links.withNext(Response.ok(page), uri, page.nextCursor()).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "The key stops working at once. Revoking twice is harmless.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    public Response revoke(
            @Parameter(description = "The key's id.", example = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d70") @PathParam("id") UUID id) {
        service.revoke(id);
        return Response.noContent().build();
    }
}

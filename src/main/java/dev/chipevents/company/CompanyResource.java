package dev.chipevents.company;

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
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.chipevents.common.http.ETags;
import dev.chipevents.common.http.MergePatch;
import dev.chipevents.common.idempotency.Idempotency;
import dev.chipevents.common.json.BodyFields;
import dev.chipevents.common.json.ServerOwnedFields;
import dev.chipevents.common.paging.Links;
import dev.chipevents.common.paging.ReadsQueryString;
import dev.chipevents.common.security.Roles;

@Path("/api/v1/companies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Companies")
public class CompanyResource {

    private final CompanyService service;
    private final Idempotency idempotency;

    CompanyResource(CompanyService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(operationId = "listCompanies", summary = "List and filter companies",
            description = "Companies ordered by name, one page at a time; pass `nextCursor` back as `cursor` with the same filters.")
    @Parameters({
            @Parameter(name = "q", in = ParameterIn.QUERY, description = "Part of the name or ticker, case-insensitive, e.g. `nvid`.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)),
            @Parameter(name = "country", in = ParameterIn.QUERY, description = "ISO 3166-1 alpha-2 code of the headquarters, e.g. `US`.",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z]{2}$")),
            @Parameter(name = "segment", in = ParameterIn.QUERY, description = "What the company does (case-insensitive).",
                    schema = @Schema(implementation = Segment.class)),
            @Parameter(ref = "limit"), @Parameter(ref = "cursor"), @Parameter(ref = "withTotal") })
    @APIResponse(responseCode = "200", description = "A page of companies.", headers = @Header(ref = "Link"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompanyPage.class)))
    @APIResponse(ref = "InvalidRequest")
    @APIResponse(ref = "StatementTimeout")
    @ReadsQueryString
    public Response list(@Context UriInfo uri) {
        CompanyPage page = service.list(CompanyQuery.parse(uri.getQueryParameters()));
        return Links.withNext(Response.ok(page), uri, page.nextCursor()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCompany", summary = "Create a company",
            description = "Names are unique regardless of case, tickers are unique. Answers the company with its id, a Location and an ETag.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CompanyRequest.class),
            examples = @ExampleObject(name = "Rapidus", value = """
                    {"name": "Rapidus", "country": "JP", "segment": "FOUNDRY", "website": "https://www.rapidus.inc"}""")))
    @APIResponse(responseCode = "201", description = "Created.",
            headers = {
                    @Header(name = "Location", description = "URL of the new company.",
                            schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = "The version's tag.", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompanyResponse.class)))
    @APIResponse(ref = "Conflict")
    @APIResponse(ref = "IdempotencyKeyReused")
    @RolesAllowed(Roles.EDITOR)
    public Response create(@Parameter(ref = "Idempotency-Key") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull CompanyRequest request, @Context UriInfo uri,
            @Context ContainerRequestContext context) {
        ServerOwnedFields.refuse(BodyFields.serverOwned(context));
        return idempotency.execute(idempotencyKey, "create-company", request, () -> {
            CompanyResponse created = service.create(request);
            return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                    .header("ETag", ETags.of(created.version()))
                    .entity(created).build();
        });
    }

    @GET
    @Path("/{companyRef}")
    @Operation(operationId = "getCompany", summary = "Get one company",
            description = "Sends an ETag; answers 304 to a matching If-None-Match.")
    @APIResponse(responseCode = "200", description = "The company.",
            headers = @Header(name = "ETag", description = "The version's tag.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompanyResponse.class)))
    @APIResponse(responseCode = "304", description = "Not modified: your copy is current.",
            headers = @Header(name = "ETag", description = "The version's tag.", schema = @Schema(type = SchemaType.STRING)))
    public Response get(@Parameter(ref = "companyRef") @PathParam("companyRef") String reference,
            @Parameter(ref = "If-None-Match") @HeaderParam("If-None-Match") String ifNoneMatch) {
        CompanyResponse company = service.get(reference);
        if (ETags.noneMatchHits(ifNoneMatch, company.version())) {
            return Response.notModified().header("ETag", ETags.of(company.version())).build();
        }
        return Response.ok(company).header("ETag", ETags.of(company.version())).build();
    }

    @PUT
    @Path("/{companyRef}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceCompany", summary = "Replace a company",
            description = "Replaces every field. Needs If-Match with the current ETag. Events naming the company show its new name.")
    @APIResponse(responseCode = "200", description = "The company as replaced.",
            headers = @Header(name = "ETag", description = "The version's tag.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompanyResponse.class)))
    @RolesAllowed(Roles.EDITOR)
    public Response replace(@Parameter(ref = "companyRef") @PathParam("companyRef") String reference,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CompanyRequest request, @Context ContainerRequestContext context) {
        CompanyResponse company = service.replace(reference, request, ifMatch, BodyFields.serverOwned(context));
        return Response.ok(company).header("ETag", ETags.of(company.version())).build();
    }

    @PATCH
    @Path("/{companyRef}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchCompany", summary = "Change some fields of a company",
            description = "A JSON Merge Patch (RFC 7396): fields sent replace the current ones, null removes one. Needs If-Match.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT, description = "Any subset of the CompanyRequest fields; null removes a value."),
            examples = @ExampleObject(name = "new exchange", value = "{\"exchange\": \"NYSE\"}")))
    @APIResponse(responseCode = "200", description = "The company as patched.",
            headers = @Header(name = "ETag", description = "The version's tag.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompanyResponse.class)))
    @RolesAllowed(Roles.EDITOR)
    public Response patch(@Parameter(ref = "companyRef") @PathParam("companyRef") String reference, @HeaderParam("If-Match") String ifMatch,
            String patch) {
        CompanyResponse company = service.patch(reference, patch, ifMatch);
        return Response.ok(company).header("ETag", ETags.of(company.version())).build();
    }

    @DELETE
    @Path("/{companyRef}")
    @Operation(operationId = "deleteCompany", summary = "Delete a company",
            description = "Refused with 409 while events name the company (the problem lists them). With If-Match, only if it still has that ETag.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(ref = "Conflict")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@Parameter(ref = "companyRef") @PathParam("companyRef") String reference,
            @HeaderParam("If-Match") String ifMatch) {
        service.delete(reference, ifMatch);
        return Response.noContent().build();
    }
}

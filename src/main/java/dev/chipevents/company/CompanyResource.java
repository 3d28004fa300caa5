package dev.chipevents.company;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.chipevents.common.http.ETags;
import dev.chipevents.common.http.MergePatch;
import dev.chipevents.common.paging.Links;

@Path("/api/v1/companies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Companies", description = "Companies, market indexes and public bodies that take part in events.")
public class CompanyResource {

    private final CompanyService service;
    private final MergePatch mergePatch;

    public CompanyResource(CompanyService service, MergePatch mergePatch) {
        this.service = service;
        this.mergePatch = mergePatch;
    }

    @GET
    public Response list(@Context UriInfo uri) {
        CompanyPage page = service.list(CompanyQuery.parse(uri.getQueryParameters()));
        return Links.withNext(Response.ok(page), uri, page.nextCursor()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull CompanyRequest request, @Context UriInfo uri) {
        CompanyResponse created = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .header("ETag", ETags.of(created.version()))
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        CompanyResponse company = service.get(id);
        if (ETags.noneMatchHits(ifNoneMatch, company.version())) {
            return Response.notModified().header("ETag", ETags.of(company.version())).build();
        }
        return Response.ok(company).header("ETag", ETags.of(company.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CompanyRequest request) {
        CompanyResponse company = service.replace(id, request, ifMatch);
        return Response.ok(company).header("ETag", ETags.of(company.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    public Response patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, String patch) {
        ETags.requireMatch(ifMatch, service.get(id).version());
        CompanyRequest patched = mergePatch.apply(service.currentRequest(id), patch, CompanyRequest.class);
        CompanyResponse company = service.replace(id, patched, ifMatch);
        return Response.ok(company).header("ETag", ETags.of(company.version())).build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }
}

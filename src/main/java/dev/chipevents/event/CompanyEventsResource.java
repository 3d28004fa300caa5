package dev.chipevents.event;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.chipevents.company.CompanyService;

@Path("/api/v1/companies/{id}/events")
@Tag(name = "Companies")
public class CompanyEventsResource {

    private final EventService events;
    private final CompanyService companies;
    private final ObjectMapper json;

    public CompanyEventsResource(EventService events, CompanyService companies, ObjectMapper json) {
        this.events = events;
        this.companies = companies;
        this.json = json;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    public Response list(@PathParam("id") UUID id, @Context UriInfo uri, @Context HttpHeaders headers) {
        companies.get(id);
        return EventResource.listOrExport(events, json, uri, headers, id);
    }
}

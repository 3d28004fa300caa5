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
    @Produces({ MediaType.APPLICATION_JSON, EventCsv.MEDIA_TYPE })
    @Operation(operationId = "listCompanyEvents", summary = "List the events a company takes part in",
            description = "The same filters, sort, paging and CSV export as listEvents, restricted to this company.")
    @Parameters({ @Parameter(ref = "type", name = "type", in = ParameterIn.QUERY), @Parameter(ref = "from", name = "from", in = ParameterIn.QUERY), @Parameter(ref = "to", name = "to", in = ParameterIn.QUERY), @Parameter(ref = "company", name = "company", in = ParameterIn.QUERY),
            @Parameter(ref = "country", name = "country", in = ParameterIn.QUERY), @Parameter(ref = "tag", name = "tag", in = ParameterIn.QUERY), @Parameter(ref = "q", name = "q", in = ParameterIn.QUERY), @Parameter(ref = "currency", name = "currency", in = ParameterIn.QUERY),
            @Parameter(ref = "minAmount", name = "minAmount", in = ParameterIn.QUERY), @Parameter(ref = "maxAmount", name = "maxAmount", in = ParameterIn.QUERY), @Parameter(ref = "minChange", name = "minChange", in = ParameterIn.QUERY),
            @Parameter(ref = "maxChange", name = "maxChange", in = ParameterIn.QUERY), @Parameter(ref = "sort", name = "sort", in = ParameterIn.QUERY), @Parameter(ref = "limit", name = "limit", in = ParameterIn.QUERY), @Parameter(ref = "cursor", name = "cursor", in = ParameterIn.QUERY),
            @Parameter(ref = "withTotal", name = "withTotal", in = ParameterIn.QUERY), @Parameter(ref = "format", name = "format", in = ParameterIn.QUERY) })
    @APIResponse(responseCode = "200", description = "A page of events (JSON), or every match (CSV).", headers = @Header(ref = "Link"),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class)),
                    @Content(mediaType = EventCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(ref = "InvalidRequest")
    @APIResponse(ref = "NotFound")
    @APIResponse(ref = "NotAcceptable")
    @APIResponse(ref = "ServerError")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "StatementTimeout")
    public Response list(@Parameter(description = "The company's id.", example = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6e") @PathParam("id") UUID id, @Context UriInfo uri, @Context HttpHeaders headers) {
        companies.get(id);
        return EventResource.listOrExport(events, json, uri, headers, id);
    }
}

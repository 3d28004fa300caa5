package dev.chipevents.event;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.chipevents.common.paging.ReadsQueryString;
import dev.chipevents.company.CompanyService;
import dev.chipevents.event.search.EventCsv;
import dev.chipevents.event.search.EventLists;

/** HTTP for the events of one company: the event list, scoped. */
@Path("/api/v1/companies/{companyRef}/events")
@Tag(name = "Companies")
public class CompanyEventsResource {

    private final EventLists lists;
    private final CompanyService companies;

    CompanyEventsResource(EventLists lists, CompanyService companies) {
        this.lists = lists;
        this.companies = companies;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, EventCsv.MEDIA_TYPE, EventLists.CALENDAR, EventLists.ATOM })
    @Operation(operationId = "listCompanyEvents", summary = "List the events a company takes part in",
            description = "The same filters, sort, paging, CSV export, iCalendar and Atom feeds as listEvents, restricted to this company.")
    @APIResponse(responseCode = "200", description = "A page of events (JSON, Atom), or every match (CSV, iCalendar).",
            headers = @Header(ref = "Link"),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class)),
                    @Content(mediaType = EventCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = EventLists.CALENDAR, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = EventLists.ATOM, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(ref = "InvalidRequest")
    @APIResponse(ref = "NotAcceptable")
    @APIResponse(ref = "StatementTimeout")
    @ReadsQueryString
    public Response list(@Parameter(ref = "companyRef") @PathParam("companyRef") String company, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return lists.answer(uri, headers, companies.get(company).id());
    }
}

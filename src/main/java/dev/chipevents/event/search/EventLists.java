package dev.chipevents.event.search;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.chipevents.common.paging.Links;
import dev.chipevents.event.EventPage;

/** The answer to a list of events, shared by /events and /companies/{ref}/events: a JSON page with its Link, or CSV of every match. */
@ApplicationScoped
public class EventLists {

    private final EventSearch search;
    private final EventExport export;

    EventLists(EventSearch search, EventExport export) {
        this.search = search;
        this.export = export;
    }

    public Response answer(UriInfo uri, HttpHeaders headers, UUID scope) {
        EventQuery query = EventQuery.parse(uri.getQueryParameters(), EventQuery.LIST_PARAMETERS);
        if (wantsCsv(uri, headers)) {
            return Response.ok(export.csv(query, scope), EventCsv.MEDIA_TYPE + ";charset=UTF-8;header=present")
                    .header("Content-Disposition", "attachment; filename=\"events.csv\"").build();
        }
        EventPage page = search.page(query, scope);
        return Links.withNext(Response.ok(page, MediaType.APPLICATION_JSON_TYPE), uri, page.nextCursor()).build();
    }

    private static boolean wantsCsv(UriInfo uri, HttpHeaders headers) {
        String format = uri.getQueryParameters().getFirst("format");
        if (format != null) {
            return format.equals("csv");
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.getType().equals("text") && accepted.getSubtype().equals("csv")) {
                return true;
            }
        }
        return false;
    }
}

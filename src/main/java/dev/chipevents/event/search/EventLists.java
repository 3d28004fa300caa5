package dev.chipevents.event.search;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import dev.chipevents.common.paging.Links;
import dev.chipevents.event.EventPage;

/**
 * The answer to a list of events, shared by /events and /companies/{ref}/events: a JSON page with its Link,
 * CSV or iCalendar of every match, or a page as an Atom feed; chosen by `format`, else by Accept.
 */
@ApplicationScoped
public class EventLists {

    /** The media types a list answers in, for the resources' @Produces. */
    public static final String CALENDAR = EventCalendar.MEDIA_TYPE;
    public static final String ATOM = EventAtom.MEDIA_TYPE;

    private enum Form {
        JSON, CSV, ICS, ATOM
    }

    private final EventSearch search;
    private final EventExport export;
    private final EventFeeds feeds;
    private final ExportSlots slots;

    EventLists(EventSearch search, EventExport export, EventFeeds feeds, ExportSlots slots) {
        this.search = search;
        this.export = export;
        this.feeds = feeds;
        this.slots = slots;
    }

    public Response answer(UriInfo uri, HttpHeaders headers, UUID scope) {
        EventQuery query = EventQuery.parse(uri.getQueryParameters(), EventQuery.LIST_PARAMETERS);
        switch (form(uri, headers)) {
            case CSV :
                StreamingOutput csv = export.csv(query, scope);
                slots.take(); // after the query and its cursor were found good: a bad request is a 400 whatever the load
                return Response.ok(csv, EventCsv.MEDIA_TYPE + ";charset=UTF-8;header=present")
                        .header("Content-Disposition", "attachment; filename=\"events.csv\"").build();
            case ICS :
                StreamingOutput calendar = feeds.calendar(query, scope, uri);
                slots.take();
                return Response.ok(calendar, CALENDAR + ";charset=UTF-8")
                        .header("Content-Disposition", "inline; filename=\"events.ics\"").build();
            case ATOM :
                EventQuery newestFirst = uri.getQueryParameters().containsKey("sort") ? query : query.withSort(EventFeeds.ATOM_SORT);
                return Response.ok(feeds.atom(newestFirst, scope, uri), ATOM + ";charset=UTF-8").build();
            default :
                EventPage page = search.page(query, scope);
                return Links.withNext(Response.ok(page, MediaType.APPLICATION_JSON_TYPE), uri, page.nextCursor()).build();
        }
    }

    private static Form form(UriInfo uri, HttpHeaders headers) {
        String format = uri.getQueryParameters().getFirst("format");
        if (format != null) {
            return Form.valueOf(format.toUpperCase(java.util.Locale.ROOT));
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Form.JSON;
            }
            String type = accepted.getType() + "/" + accepted.getSubtype();
            switch (type) {
                case EventCsv.MEDIA_TYPE :
                    return Form.CSV;
                case EventCalendar.MEDIA_TYPE :
                    return Form.ICS;
                case EventAtom.MEDIA_TYPE :
                    return Form.ATOM;
                default :
                    break;
            }
        }
        return Form.JSON;
    }
}

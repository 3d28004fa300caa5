package dev.chipevents.event.search;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import dev.chipevents.event.EventPage;
import dev.chipevents.event.EventResponse;

/** The subscribable forms of a list: every match as an iCalendar file, or a page as an Atom feed. */
@ApplicationScoped
public class EventFeeds {

    /** Parameters that choose a page or a form, not which events: left out of a feed's name and id. */
    private static final Set<String> NOT_FILTERS = Set.of("format", "cursor", "limit", "withTotal");
    /** Newest change first, unless the query asks for another order. */
    static final List<EventSort.Order> ATOM_SORT = List.of(new EventSort.Order(EventSort.updatedAt, true));

    private final EventSearch search;
    private final EventBatches batches;

    EventFeeds(EventSearch search, EventBatches batches) {
        this.search = search;
        this.batches = batches;
    }

    /** Every match as RFC 5545 iCalendar, streamed in batches ({@link EventBatches}) like the CSV export. */
    public StreamingOutput calendar(EventQuery query, UUID scope, UriInfo uri) {
        List<Object> start = search.start(query, scope); // a bad cursor is refused before the answer starts
        String name = name(uri);
        URI base = uri.getBaseUri();
        return out -> {
            EventCalendar calendar = new EventCalendar(out, base);
            calendar.begin(name);
            batches.forEach(query, scope, start, batch -> {
                for (EventResponse event : batch) {
                    calendar.write(event);
                }
                calendar.flush();
            });
            calendar.end();
        };
    }

    /** One page of matches as an RFC 4287 Atom feed, with a rel="next" link while there are more. */
    public byte[] atom(EventQuery query, UUID scope, UriInfo uri) {
        EventPage page = search.page(query, scope);
        UriBuilder self = uri.getRequestUriBuilder();
        URI next = page.nextCursor() == null ? null : uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build();
        URI json = uri.getRequestUriBuilder().replaceQueryParam("format").replaceQueryParam("cursor").build();
        String filters = query.canonical(scope == null ? "" : scope.toString());
        UUID id = UUID.nameUUIDFromBytes(("chip-events atom " + filters).getBytes(StandardCharsets.UTF_8));
        return EventAtom.write(new EventAtom.Feed(id, name(uri), self.build(), next, json, uri.getBaseUri()), page.items());
    }

    /** "Chip Events", and the filters as the request gave them: "Chip Events: type=GOVERNMENT_AWARD tag=chips-act". */
    private static String name(UriInfo uri) {
        StringBuilder name = new StringBuilder("Chip Events");
        String path = uri.getPath();
        if (path.contains("/companies/")) {
            name.append(", company ").append(uri.getPathParameters().getFirst("companyId"));
        }
        MultivaluedMap<String, String> parameters = uri.getQueryParameters();
        String separator = ": ";
        for (String key : parameters.keySet().stream().sorted().toList()) {
            if (!NOT_FILTERS.contains(key)) {
                for (String value : parameters.get(key)) {
                    name.append(separator).append(key).append('=').append(value);
                    separator = " ";
                }
            }
        }
        return name.toString();
    }
}

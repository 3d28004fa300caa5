package dev.chipevents.changes;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import dev.chipevents.common.paging.QueryParameters;
import dev.chipevents.common.problem.FieldError;
import dev.chipevents.common.problem.InvalidRequestProblem;
import dev.chipevents.event.search.EventMatcher;
import dev.chipevents.event.search.EventQuery;
import dev.chipevents.history.ResourceKind;

/**
 * The parameters of a change query: where to start (Last-Event-ID, which a reconnecting EventSource sends,
 * wins over `since`), which kinds of resource, and the event filters of the lists.
 */
record ChangeQuery(Long since, String sinceField, Set<ResourceKind> kinds, EventQuery events, boolean filtersEvents, int limit) {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    static final Set<String> PARAMETERS;

    static {
        Set<String> parameters = new HashSet<>(EventQuery.FILTERS);
        parameters.addAll(List.of("since", "limit", "resource"));
        PARAMETERS = Set.copyOf(parameters);
    }

    static ChangeQuery parse(MultivaluedMap<String, String> query, String lastEventId) {
        EventQuery events = EventQuery.parse(query, PARAMETERS);
        List<FieldError> errors = new ArrayList<>();
        Long since = null;
        String sinceField = "since";
        if (lastEventId != null && !lastEventId.isBlank()) {
            sinceField = LAST_EVENT_ID;
            since = sequence(LAST_EVENT_ID, lastEventId, errors);
        } else {
            String raw = QueryParameters.single(query, "since", errors);
            if (raw != null) {
                since = sequence("since", raw, errors);
            }
        }
        Set<ResourceKind> kinds = EnumSet.noneOf(ResourceKind.class);
        for (String raw : QueryParameters.multi(query, "resource", true)) {
            ResourceKind kind = null;
            for (ResourceKind candidate : ResourceKind.values()) {
                if (candidate.singular().equals(raw.toLowerCase(Locale.ROOT))) {
                    kind = candidate;
                }
            }
            if (kind == null) {
                errors.add(new FieldError("resource", "must be event or company; got '" + raw + "'"));
            } else {
                kinds.add(kind);
            }
        }
        boolean filtersEvents = !EventMatcher.selectsAll(events);
        if (filtersEvents && !kinds.isEmpty() && !kinds.contains(ResourceKind.EVENT)) {
            errors.add(new FieldError("resource", "is company, but the event filters select events only"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestProblem(errors);
        }
        if (kinds.isEmpty()) {
            kinds = filtersEvents ? EnumSet.of(ResourceKind.EVENT) : EnumSet.allOf(ResourceKind.class);
        }
        return new ChangeQuery(since, sinceField, kinds, events, filtersEvents, events.limit());
    }

    private static Long sequence(String name, String raw, List<FieldError> errors) {
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be the sequence number of a change (a whole number, 0 or more), as a stream's"
                + " message id gives it; got '" + (raw.length() > 40 ? raw.substring(0, 40) + "..." : raw) + "'"));
        return null;
    }
}

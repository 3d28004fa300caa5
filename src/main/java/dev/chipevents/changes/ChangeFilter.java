package dev.chipevents.changes;

import java.util.Set;
import java.util.function.Predicate;

import dev.chipevents.event.EventResponse;
import dev.chipevents.history.ResourceKind;

/**
 * Which changes a reader wants: kinds of resource and, with event filters, the changes of events that match
 * them before or after the change, so that a timeline also learns of an event that stops matching.
 */
record ChangeFilter(Set<ResourceKind> kinds, Predicate<EventResponse> events) {

    boolean accepts(ChangeMessage message) {
        if (!kinds.contains(message.kind())) {
            return false;
        }
        if (events == null) {
            return true;
        }
        EventResponse after = message.event();
        EventResponse before = message.previousEvent();
        return after != null && events.test(after) || before != null && events.test(before);
    }
}

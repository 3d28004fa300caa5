package dev.chipevents.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.chipevents.event.EventResponse;
import dev.chipevents.history.LoggedChange;
import dev.chipevents.history.Operation;
import dev.chipevents.history.ResourceKind;

/**
 * A change-log entry ready to send: its JSON written once for every stream that takes it, and its event
 * states read (once, when a filter first asks) for the streams that filter events.
 */
final class ChangeMessage {

    private final LoggedChange change;
    private final String data;
    private final ObjectReader events;
    private EventResponse event;
    private EventResponse previousEvent;
    private boolean read;

    private ChangeMessage(LoggedChange change, String data, ObjectReader events) {
        this.change = change;
        this.data = data;
        this.events = events;
    }

    static ChangeMessage of(LoggedChange change, ObjectMapper json) {
        ChangeEntry entry = entry(change);
        try {
            // Old states may lack fields added since, or carry ones removed: read them leniently.
            ObjectReader events = json.readerFor(EventResponse.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            return new ChangeMessage(change, json.writeValueAsString(entry), events);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write change " + change.sequence(), e);
        }
    }

    static ChangeEntry entry(LoggedChange c) {
        return new ChangeEntry(c.sequence(), c.operation(), c.kind().singular(), c.id(), c.version(), c.changedAt(), c.changedBy(),
                c.imported(), c.operation() == Operation.DELETE ? null : c.state());
    }

    long sequence() {
        return change.sequence();
    }

    ResourceKind kind() {
        return change.kind();
    }

    /** The SSE event name: the operation. */
    String name() {
        return change.operation().name();
    }

    String data() {
        return data;
    }

    ChangeEntry entry() {
        return entry(change);
    }

    /** The event after the change (for a delete: as deleted); null for a company. */
    EventResponse event() {
        readEvents();
        return event;
    }

    /** The event before the change; null for a create or a company. */
    EventResponse previousEvent() {
        readEvents();
        return previousEvent;
    }

    private synchronized void readEvents() {
        if (read || change.kind() != ResourceKind.EVENT) {
            return;
        }
        event = read(change.state());
        previousEvent = read(change.previousState());
        read = true;
    }

    private EventResponse read(String state) {
        if (state == null) {
            return null;
        }
        try {
            return events.readValue(state);
        } catch (JsonProcessingException e) {
            return null; // a state this version cannot read matches no filter
        }
    }
}

package dev.chipevents.event.search;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.chipevents.event.EventResponse;

/**
 * Every match of a query as CSV, streamed in batches ({@link EventBatches}: the next read while one is written), never more
 * than two batches in memory.
 */
@ApplicationScoped
public class EventExport {

    private final EventSearch search;
    private final EventBatches batches;
    private final ObjectMapper json;

    EventExport(EventSearch search, EventBatches batches, ObjectMapper json) {
        this.search = search;
        this.batches = batches;
        this.json = json;
    }

    public StreamingOutput csv(EventQuery query, UUID scope) {
        List<Object> start = search.start(query, scope); // a bad cursor is refused before the answer starts
        return out -> {
            EventCsv csv = new EventCsv(out, json);
            batches.forEach(query, scope, start, batch -> {
                for (EventResponse event : batch) {
                    csv.write(event);
                }
                csv.flush();
            });
            csv.close();
        };
    }
}

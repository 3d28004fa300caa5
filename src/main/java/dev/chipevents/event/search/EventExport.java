package dev.chipevents.event.search;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.chipevents.event.EventResponse;

/** Every match of a query as CSV, streamed in batches (one transaction each), never more than one batch in memory. */
@ApplicationScoped
public class EventExport {

    private static final int BATCH = 500;

    private final EventSearch search;
    private final ObjectMapper json;

    EventExport(EventSearch search, ObjectMapper json) {
        this.search = search;
        this.json = json;
    }

    public StreamingOutput csv(EventQuery query, UUID scope) {
        List<Object> start = search.start(query, scope); // a bad cursor is refused before the answer starts
        return out -> {
            EventCsv csv = new EventCsv(out, json);
            List<Object> position = start;
            while (true) {
                EventSearch.Batch batch = search.batch(query, scope, position, BATCH);
                for (EventResponse event : batch.items()) {
                    csv.write(event);
                }
                csv.flush();
                if (batch.items().size() < BATCH) {
                    break;
                }
                position = batch.lastPosition();
            }
            csv.close();
        };
    }
}

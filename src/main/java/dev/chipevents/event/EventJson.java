package dev.chipevents.event;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.chipevents.common.config.ChipEventsConfig;
import dev.chipevents.common.json.WrittenJson;

/**
 * The JSON of one event's answer, written as bytes and handed to the REST layer as they are ({@link WrittenJson}), and
 * written once for each answer object while the event cache is on: the event cache hands out the same
 * {@link EventResponse} object for as long as the event is unchanged, so its JSON is kept beside it.
 */
@ApplicationScoped
class EventJson {

    private final WrittenJson<EventResponse> json;

    EventJson(ObjectMapper mapper, ChipEventsConfig config) {
        this.json = new WrittenJson<>(mapper, config.eventCache().size(), "an event's answer");
    }

    /** The answer's JSON, as the REST layer would write it; kept beside the answer object while the event cache is on. */
    byte[] of(EventResponse answer) {
        return json.of(answer);
    }
}

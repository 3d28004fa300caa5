package dev.chipevents.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.chipevents.common.config.ChipEventsConfig;

/**
 * The JSON of one event's answer, written as bytes by the application's mapper and handed to the REST layer as they are
 * (which spares it choosing a writer for the answer's type and streaming the object out in pieces), and written once for
 * each answer object while the event cache is on. The event cache hands out the same
 * {@link EventResponse} object for as long as the event is unchanged, so its JSON is kept beside it: keyed by the
 * object's identity (weak keys), an entry goes when the cache lets the object go, and a changed event is a new object.
 * The bytes come from the application's {@link ObjectMapper}, the one the REST layer writes answers with.
 */
@ApplicationScoped
class EventJson {

    /** What the REST layer names the JSON it writes. */
    static final MediaType MEDIA_TYPE = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private final ObjectMapper mapper;
    private final Cache<EventResponse, byte[]> written;

    EventJson(ObjectMapper mapper, ChipEventsConfig config) {
        this.mapper = mapper;
        int size = config.eventCache().size();
        this.written = size > 0 ? Caffeine.newBuilder().weakKeys().maximumSize(size).build() : null;
    }

    /** The answer's JSON, as the REST layer would write it; kept beside the answer object while the event cache is on. */
    byte[] of(EventResponse answer) {
        return written == null ? write(answer) : written.get(answer, this::write);
    }

    private byte[] write(EventResponse answer) {
        try {
            return mapper.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event's answer could not be written as JSON", e);
        }
    }
}

package dev.chipevents.common.json;

import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Answers written as JSON bytes by the application's mapper (the one the REST layer writes answers with) and handed to
 * the REST layer as they are, which spares it choosing a writer for the answer's type and streaming the object out in
 * pieces. Where a cache hands out the same answer object for a while, its bytes are kept beside it and written once: keyed
 * by the object's identity (weak keys), an entry goes when nothing else holds the object, and a changed answer is a new
 * object. With a size of 0 every answer is written anew.
 */
public final class WrittenJson<T> {

    /** What the REST layer names the JSON it writes. */
    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private final ObjectMapper mapper;
    private final String what;
    private final Cache<T, byte[]> written;

    /** {@code what} names the answers in the error a failed write raises. */
    public WrittenJson(ObjectMapper mapper, int size, String what) {
        this.mapper = mapper;
        this.what = what;
        this.written = size > 0 ? Caffeine.newBuilder().weakKeys().maximumSize(size).build() : null;
    }

    /** The answer's JSON, as the REST layer would write it; kept beside the answer object while it lives, if kept at all. */
    public byte[] of(T answer) {
        return written == null ? write(answer) : written.get(answer, this::write);
    }

    private byte[] write(T answer) {
        try {
            return mapper.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " could not be written as JSON", e);
        }
    }
}

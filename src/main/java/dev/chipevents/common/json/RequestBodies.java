package dev.chipevents.common.json;

import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The mapper that reads request bodies: the application's strict one, and also refusing anything after
 * the JSON value ({...} garbage, {...}{...}). Only here, because the bulk import reads one array element
 * at a time from a stream, where the next element is no trailing garbage.
 */
@Provider
@Singleton
public class RequestBodies implements ContextResolver<ObjectMapper> {

    private final ObjectMapper bodies;

    public RequestBodies(ObjectMapper mapper) {
        this.bodies = mapper.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return bodies;
    }
}

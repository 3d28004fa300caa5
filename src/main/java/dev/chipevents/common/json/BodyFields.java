package dev.chipevents.common.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;

import io.quarkus.jackson.ObjectMapperCustomizer;

import dev.chipevents.common.problem.FieldError;
import dev.chipevents.common.problem.InvalidRequestProblem;
import dev.chipevents.common.problem.JsonErrors;

/**
 * Reads a JSON request body whole before judging its fields: every unknown field is named in one
 * problem (not one per request), and the fields the server owns (`id`, `version`, `createdAt`, …),
 * which a body saved from GET carries, are kept aside for the resource to compare with the stored
 * values instead of being refused outright.
 */
@Provider
public class BodyFields implements ReaderInterceptor {

    private static final ThreadLocal<Collected> COLLECTING = new ThreadLocal<>();
    private static final String PROPERTY = BodyFields.class.getName();

    /** What a body carried beyond its type's fields. */
    public record Collected(List<FieldError> unknown, Map<String, JsonNode> serverOwned) {
    }

    /** The server-owned fields (top level) the request's body carried, by name; empty when none. */
    public static Map<String, JsonNode> serverOwned(ContainerRequestContext request) {
        Object collected = request.getProperty(PROPERTY);
        return collected instanceof Collected c ? c.serverOwned() : Map.of();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getMediaType() == null || !context.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return context.proceed();
        }
        Collected collected = new Collected(new ArrayList<>(), new LinkedHashMap<>());
        COLLECTING.set(collected);
        Object body;
        try {
            body = context.proceed();
        } finally {
            COLLECTING.remove();
        }
        if (!collected.unknown().isEmpty()) {
            throw new InvalidRequestProblem(collected.unknown());
        }
        context.setProperty(PROPERTY, collected);
        return body;
    }

    /** Records unknown fields instead of failing at the first, while a body is being read. */
    @Singleton
    static class Customizer implements ObjectMapperCustomizer {

        @Override
        public void customize(ObjectMapper mapper) {
            mapper.addHandler(new DeserializationProblemHandler() {

                @Override
                public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser parser, JsonDeserializer<?> deserializer,
                        Object beanOrClass, String name) throws IOException {
                    Collected collected = COLLECTING.get();
                    if (collected == null) {
                        return false; // not a request body: the mapper's own rule applies
                    }
                    String path = pathOf(parser.getParsingContext());
                    JsonNode value = ctxt.readTree(parser); // not the codec: it would look for the end of the document here
                    if (path.equals(name) && JsonErrors.SERVER_OWNED.contains(name)) {
                        collected.serverOwned().put(name, value);
                    } else {
                        collected.unknown().add(new FieldError(path, JsonErrors.SERVER_OWNED.contains(name)
                                ? "is set by the server and must not be sent here"
                                : "is not a known field"));
                    }
                    return true;
                }
            });
        }
    }

    /** The JSON path of the current field, e.g. `participants[0].colour`. */
    static String pathOf(JsonStreamContext context) {
        List<String> segments = new ArrayList<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            segments.add(at.inArray() ? "[" + at.getCurrentIndex() + "]" : at.getCurrentName());
        }
        StringBuilder path = new StringBuilder();
        for (int i = segments.size() - 1; i >= 0; i--) {
            String segment = segments.get(i);
            if (path.length() > 0 && !segment.startsWith("[")) {
                path.append('.');
            }
            path.append(segment);
        }
        return path.toString();
    }
}

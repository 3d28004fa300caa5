package dev.chipevents.common.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.chipevents.common.problem.FieldError;
import dev.chipevents.common.problem.InvalidRequestProblem;

/**
 * The fields the server owns, as a body saved from GET carries them: refused on create, accepted on
 * replace when they equal the stored values and refused, each named, when they differ.
 */
public final class ServerOwnedFields {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ServerOwnedFields() {
    }

    /** For a create: there is nothing for them to match. */
    public static void refuse(Map<String, JsonNode> sent) {
        if (!sent.isEmpty()) {
            throw new InvalidRequestProblem(sent.keySet().stream()
                    .map(name -> new FieldError(name, "is set by the server and must not be sent")).toList());
        }
    }

    /** For a replace: each one sent must be what the server holds. */
    public static void requireStored(Map<String, JsonNode> sent, Map<String, Object> stored) {
        List<FieldError> errors = new ArrayList<>();
        sent.forEach((name, value) -> {
            JsonNode held = JSON.valueToTree(stored.get(name));
            if (!held.equals(value) && !(held.isNumber() && value.isNumber() && held.asLong() == value.asLong()
                    && held.isIntegralNumber() && value.isIntegralNumber())) {
                errors.add(new FieldError(name, "is set by the server: " + value + " differs from the stored " + held
                        + "; send it as GET answered it, or leave it out"));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidRequestProblem(errors);
        }
    }
}

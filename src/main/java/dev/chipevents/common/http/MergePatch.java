package dev.chipevents.common.http;

import java.io.StringReader;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.chipevents.common.problem.InvalidRequestProblem;
import dev.chipevents.common.problem.JsonErrors;

/**
 * JSON Merge Patch (RFC 7396) through the Jakarta JSON Processing API (Eclipse Parsson): the patch
 * is applied to the resource's request shape and the result is validated like a PUT body.
 */
@ApplicationScoped
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectMapper mapper;
    private final Validator validator;

    public MergePatch(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public <T> T apply(T current, String patchDocument, Class<T> type) {
        if (patchDocument == null || patchDocument.isBlank()) {
            throw new InvalidRequestProblem("body", "must be a JSON Merge Patch document (RFC 7396), such as {\"title\": \"...\"}");
        }
        JsonValue patch;
        try {
            // Jackson first, so that a patch is as strictly well-formed as every other body (no key twice, nothing after it).
            mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(patchDocument);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestProblem(List.of(JsonErrors.of(e)));
        }
        try (JsonReader reader = Json.createReader(new StringReader(patchDocument))) {
            patch = reader.readValue();
        } catch (JsonException e) {
            throw new InvalidRequestProblem("body", "is not well-formed JSON: " + e.getMessage());
        }
        if (patch.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRequestProblem("body", "must be a JSON object of the fields to change");
        }
        try {
            JsonValue target;
            try (JsonReader reader = Json.createReader(new StringReader(mapper.writeValueAsString(current)))) {
                target = reader.readValue();
            }
            JsonValue patched = Json.createMergePatch(patch).apply(target);
            T result = mapper.readValue(patched.toString(), type);
            Set<ConstraintViolation<T>> violations = validator.validate(result);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            return result;
        } catch (JsonProcessingException e) {
            throw new InvalidRequestProblem(List.of(JsonErrors.of(e)));
        }
    }
}

package dev.chipevents.common.problem;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Says what was wrong with a JSON body in the client's terms: the field's path and what it must be, never a Java class. */
public final class JsonErrors {

    /** Fields the server owns: a client sending them is told so instead of being ignored (OWASP API3). */
    public static final Set<String> SERVER_OWNED = Set.of("id", "version", "createdAt", "updatedAt", "createdBy", "updatedBy");

    private JsonErrors() {
    }

    public static FieldError of(JsonProcessingException e) {
        FieldError plain = dev.chipevents.common.json.JsonReadErrors.describe(e);
        if (plain != null) {
            return plain;
        }
        if (e instanceof JsonParseException) {
            return new FieldError("body", "is not well-formed JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return new FieldError("body", "could not be read: " + firstLine(e.getOriginalMessage()));
        }
        String path = pathOf(mapping);
        if (e instanceof UnrecognizedPropertyException unknown) {
            String name = unknown.getPropertyName();
            if (SERVER_OWNED.contains(name)) {
                return new FieldError(path, "is set by the server and must not be sent");
            }
            return new FieldError(path, "is not a known field; known fields are "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        }
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return new FieldError(path, "must be one of " + Arrays.stream(target.getEnumConstants())
                        .map(String::valueOf).collect(Collectors.joining(", ")) + "; got '" + format.getValue() + "'");
            }
            if (target != null && java.time.LocalDate.class.isAssignableFrom(target)) {
                return new FieldError(path, dev.chipevents.common.validation.IsoDates.RULE + "; got '" + format.getValue() + "'");
            }
            if (target != null && UUID.class.isAssignableFrom(target)) {
                return new FieldError(path, "must be a UUID; got '" + format.getValue() + "'");
            }
            return new FieldError(path, "has an invalid value '" + format.getValue() + "'"
                    + (target == null ? "" : " (expected " + simpleType(target) + ")"));
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        return new FieldError(path, "must be " + shapeOf(target));
    }

    private static String shapeOf(Class<?> target) {
        if (target == null) {
            return "of another type";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "a JSON array";
        }
        if (target.isEnum() || CharSequence.class.isAssignableFrom(target) || UUID.class.isAssignableFrom(target)
                || java.time.temporal.Temporal.class.isAssignableFrom(target)) {
            return "a JSON string";
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return "a JSON number";
        }
        if (Boolean.class.isAssignableFrom(target) || target == boolean.class) {
            return "true or false";
        }
        return "a JSON object";
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static String simpleType(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        return type.getSimpleName();
    }

    public static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        // Jackson names Java classes in some messages; clients need none of that.
        return line.replaceAll("`[a-zA-Z0-9_.$]+`", "the expected type").replaceAll("\\(class [^)]*\\)", "");
    }

    /** The first line of the innermost cause's message, without Java type names. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return firstLine(root.getMessage());
    }
}

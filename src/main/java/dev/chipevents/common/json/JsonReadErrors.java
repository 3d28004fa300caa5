package dev.chipevents.common.json;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.chipevents.common.problem.FieldError;

/**
 * Plain words for the JSON reader's refusals that Jackson words for its own developers: its read limits
 * (nesting, string and number length), a key given twice, and content after the value.
 */
public final class JsonReadErrors {

    private JsonReadErrors() {
    }

    /** The field error for one of these refusals, or null when the failure is another kind. */
    public static FieldError describe(JsonProcessingException e) {
        StreamConstraintsException limit = limitOf(e);
        if (limit != null) {
            String message = String.valueOf(limit.getOriginalMessage());
            StreamReadConstraints defaults = StreamReadConstraints.defaults();
            if (message.contains("nesting depth")) {
                return new FieldError("body", "is nested too deeply: at most " + defaults.getMaxNestingDepth()
                        + " levels of arrays and objects");
            }
            if (message.startsWith("String value length")) {
                return new FieldError(fieldOf(e, limit), "holds a string that is too long: at most "
                        + defaults.getMaxStringLength() + " characters");
            }
            if (message.startsWith("Number value length")) {
                return new FieldError(fieldOf(e, limit), "holds a number that is too long: at most "
                        + defaults.getMaxNumberLength() + " digits");
            }
            return new FieldError("body", "is too large or too complex to read");
        }
        String message = String.valueOf(e.getOriginalMessage());
        if (e instanceof MismatchedInputException && message.startsWith("Trailing token")) {
            return new FieldError("body", "has content after the JSON value; send exactly one JSON document");
        }
        if (message.startsWith("Duplicate Object property") || message.startsWith("Duplicate field")) {
            return new FieldError(fieldOf(e, e), "is given more than once; send each field once");
        }
        return null;
    }

    private static StreamConstraintsException limitOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamConstraintsException limit) {
                return limit;
            }
        }
        return null;
    }

    /** The field being read, as `sources[0].url`: from the mapping path, else from where the parser stood; `body` at the top. */
    private static String fieldOf(JsonProcessingException outer, JsonProcessingException cause) {
        List<String> parts = new ArrayList<>();
        if (outer instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    parts.add(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    String last = parts.isEmpty() ? "body" : parts.remove(parts.size() - 1);
                    parts.add(last + "[" + ref.getIndex() + "]");
                }
            }
            return parts.isEmpty() ? "body" : String.join(".", parts);
        }
        if (!(cause.getProcessor() instanceof JsonParser parser) || parser.getParsingContext() == null) {
            return "body";
        }
        for (JsonPointer p = parser.getParsingContext().pathAsPointer(); p != null && !p.matches(); p = p.tail()) {
            if (p.mayMatchElement()) {
                String last = parts.isEmpty() ? "body" : parts.remove(parts.size() - 1);
                parts.add(last + "[" + p.getMatchingIndex() + "]");
            } else {
                parts.add(p.getMatchingProperty());
            }
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }
}

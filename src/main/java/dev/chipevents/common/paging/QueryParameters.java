package dev.chipevents.common.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.core.MultivaluedMap;

import dev.chipevents.common.problem.FieldError;
import dev.chipevents.common.problem.InvalidRequestProblem;

/** Helpers for query strings: unknown parameters are refused, so that a typo never returns everything. */
public final class QueryParameters {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private QueryParameters() {
    }

    public static void requireKnown(MultivaluedMap<String, String> query, Set<String> known) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : query.keySet()) {
            if (!known.contains(name)) {
                errors.add(new FieldError(name, known.isEmpty() ? "is not a known parameter here; this operation takes none"
                        : "is not a known parameter here; known parameters are " + String.join(", ", new TreeSet<>(known))));
            } else if (query.get(name).stream().anyMatch(v -> !dev.chipevents.common.validation.PlainText.Validator.isPlain(v))) {
                errors.add(new FieldError(name, "must not contain control characters or unpaired surrogates"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestProblem(errors);
        }
    }

    /** Refuses a parameter given more than once. */
    public static void requireSingle(MultivaluedMap<String, String> query, Set<String> names) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : names) {
            List<String> values = query.get(name);
            if (values != null && values.size() > 1) {
                errors.add(new FieldError(name, "must be given at most once"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestProblem(errors);
        }
    }

    /** The single value of a parameter, or null; a parameter sent twice where once is meant is refused. */
    public static String single(MultivaluedMap<String, String> query, String name, List<FieldError> errors) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            errors.add(new FieldError(name, "must be given at most once"));
        }
        return values.get(0);
    }

    /** Every value of a repeatable parameter, also split at commas, without blanks. */
    public static List<String> multi(MultivaluedMap<String, String> query, String name, boolean splitCommas) {
        List<String> out = new ArrayList<>();
        List<String> values = query.get(name);
        if (values == null) {
            return out;
        }
        for (String value : values) {
            if (splitCommas) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            } else if (!value.isBlank()) {
                out.add(value.strip());
            }
        }
        return out;
    }

    public static int limit(MultivaluedMap<String, String> query, List<FieldError> errors) {
        String raw = single(query, "limit", errors);
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit < 1 || limit > MAX_LIMIT) {
                errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT + "; got " + limit));
                return DEFAULT_LIMIT;
            }
            return limit;
        } catch (NumberFormatException e) {
            errors.add(new FieldError("limit", "must be a whole number between 1 and " + MAX_LIMIT + "; got '" + raw + "'"));
            return DEFAULT_LIMIT;
        }
    }

    public static boolean bool(MultivaluedMap<String, String> query, String name, List<FieldError> errors) {
        String raw = single(query, name, errors);
        if (raw == null) {
            return false;
        }
        return switch (raw.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.add(new FieldError(name, "must be true or false; got '" + raw + "'"));
                yield false;
            }
        };
    }

    /** Escapes LIKE wildcards with '!' so user text matches literally. */
    public static String likeContains(String text) {
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}

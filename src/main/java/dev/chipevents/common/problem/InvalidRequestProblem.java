package dev.chipevents.common.problem;

import java.util.List;

/** 400: the body or the query parameters are invalid; every offending field is named. */
public class InvalidRequestProblem extends ApiProblem {

    public InvalidRequestProblem(List<FieldError> errors) {
        super(400, "invalid-request", "Invalid request", describe(errors), errors);
    }

    public InvalidRequestProblem(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    private static String describe(List<FieldError> errors) {
        if (errors.size() == 1) {
            FieldError e = errors.get(0);
            return "'" + e.field() + "' " + e.message();
        }
        return "The request has " + errors.size() + " invalid fields or parameters.";
    }
}

package dev.chipevents.common.problem;

import java.util.List;

/** 409: the request clashes with the current state (a unique value taken, a resource still referenced). */
public class ConflictException extends ApiException {

    public ConflictException(String detail, List<FieldError> errors) {
        super(409, "conflict", "Conflict", detail, errors);
    }

    public ConflictException(String detail) {
        this(detail, null);
    }
}

package dev.chipevents.common.problem;

import java.util.List;

/** 409: the request clashes with the current state (a unique value taken, a resource still referenced). */
public class ConflictProblem extends ApiProblem {

    public ConflictProblem(String detail, List<FieldError> errors) {
        super(409, "conflict", "Conflict", detail, errors);
    }

    public ConflictProblem(String detail) {
        this(detail, null);
    }
}

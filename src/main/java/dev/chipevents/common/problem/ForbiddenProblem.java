package dev.chipevents.common.problem;

/** 403: authenticated, but the role does not allow this. */
public class ForbiddenProblem extends ApiProblem {

    public ForbiddenProblem(String detail) {
        super(403, "forbidden", "Forbidden", detail, null);
    }
}

package dev.chipevents.common.problem;

/** 412: the If-Match tag does not match the current version. */
public class PreconditionFailedProblem extends ApiProblem {

    public PreconditionFailedProblem(String detail) {
        super(412, "precondition-failed", "Precondition failed", detail, null);
    }
}

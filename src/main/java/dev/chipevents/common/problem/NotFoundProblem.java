package dev.chipevents.common.problem;

/** 404: no such resource. */
public class NotFoundProblem extends ApiProblem {

    public NotFoundProblem(String what, Object id) {
        super(404, "not-found", "Not found", "No " + what + " with id '" + id + "'.", null);
    }
}

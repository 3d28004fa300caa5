package dev.chipevents.common.problem;

/** 404: no such resource. */
public class NotFoundProblem extends ApiProblem {

    public NotFoundProblem(String what, Object id) {
        this("No " + what + " with id '" + id + "'.");
    }

    public NotFoundProblem(String detail) {
        super(404, "not-found", "Not found", detail, null);
    }
}

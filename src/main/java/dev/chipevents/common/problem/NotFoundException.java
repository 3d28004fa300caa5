package dev.chipevents.common.problem;

/** 404: no such resource. */
public class NotFoundException extends ApiException {

    public NotFoundException(String what, Object id) {
        super(404, "not-found", "Not found", "No " + what + " with id '" + id + "'.", null);
    }
}

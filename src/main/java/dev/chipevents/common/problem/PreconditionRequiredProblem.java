package dev.chipevents.common.problem;

/** 428: an update was sent without If-Match, which would risk a lost update. */
public class PreconditionRequiredProblem extends ApiProblem {

    public PreconditionRequiredProblem() {
        super(428, "precondition-required", "Precondition required",
                "Send the resource's current ETag in an If-Match header (GET it first), so that no update is lost.", null);
    }
}

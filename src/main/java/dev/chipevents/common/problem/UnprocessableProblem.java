package dev.chipevents.common.problem;

/** 422: the request is well-formed but cannot be processed, e.g. an Idempotency-Key reused with another body. */
public class UnprocessableProblem extends ApiProblem {

    public UnprocessableProblem(String slug, String title, String detail) {
        super(422, slug, title, detail, null);
    }
}

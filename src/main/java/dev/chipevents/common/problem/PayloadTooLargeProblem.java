package dev.chipevents.common.problem;

/** 413: the body is larger than the limit for this endpoint. */
public class PayloadTooLargeProblem extends ApiProblem {

    public PayloadTooLargeProblem(long limit) {
        super(413, "payload-too-large", "Payload too large", "The body is larger than " + limit
                + " bytes, the limit here; bulk imports at POST /api/v1/events/import may be larger.", null);
    }
}

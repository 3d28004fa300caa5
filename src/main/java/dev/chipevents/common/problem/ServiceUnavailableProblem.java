package dev.chipevents.common.problem;

import java.util.Map;

/** 503: the database statement ran longer than the configured timeout and was cancelled. */
public class ServiceUnavailableProblem extends ApiProblem {

    public ServiceUnavailableProblem(String detail) {
        super(503, "statement-timeout", "Query took too long", detail, null);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", "5");
    }
}

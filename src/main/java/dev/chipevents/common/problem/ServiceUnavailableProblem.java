package dev.chipevents.common.problem;

import java.util.Map;

/** 503: the service cannot answer now but will soon (a statement past its time limit, every connection busy); Retry-After says when. */
public class ServiceUnavailableProblem extends ApiProblem {

    private final long retryAfterSeconds;

    /** A database statement ran longer than the configured timeout and was cancelled. */
    public ServiceUnavailableProblem(String detail) {
        this("statement-timeout", "Query took too long", detail, 5);
    }

    public ServiceUnavailableProblem(String slug, String title, String detail, long retryAfterSeconds) {
        super(503, slug, title, detail, null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", String.valueOf(retryAfterSeconds));
    }
}

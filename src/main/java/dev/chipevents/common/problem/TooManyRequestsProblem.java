package dev.chipevents.common.problem;

import java.util.Map;

/** 429: a rate limit is used up; Retry-After says when to try again. */
public class TooManyRequestsProblem extends ApiProblem {

    private final long limit;
    private final long retryAfterSeconds;

    public TooManyRequestsProblem(String detail, long limit, long retryAfterSeconds) {
        super(429, "too-many-requests", "Too many requests", detail, null);
        this.limit = limit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", String.valueOf(retryAfterSeconds), "RateLimit-Limit", String.valueOf(limit),
                "RateLimit-Remaining", "0", "RateLimit-Reset", String.valueOf(retryAfterSeconds));
    }
}

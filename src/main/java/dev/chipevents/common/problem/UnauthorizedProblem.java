package dev.chipevents.common.problem;

import java.util.Map;

/** 401: no credentials, or credentials that are unknown, revoked or expired. */
public class UnauthorizedProblem extends ApiProblem {

    public UnauthorizedProblem(String detail) {
        super(401, "unauthorized", "Unauthorized", detail, null);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("WWW-Authenticate", "ApiKey header=\"X-API-Key\", Bearer");
    }
}

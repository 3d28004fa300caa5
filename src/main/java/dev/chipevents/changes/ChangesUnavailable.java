package dev.chipevents.changes;

import java.util.Map;

import dev.chipevents.common.problem.ApiProblem;

/** 503: the change log cannot be read now (the database is unreachable) or this replica holds all the streams it may. */
class ChangesUnavailable extends ApiProblem {

    ChangesUnavailable(String detail) {
        super(503, "changes-unavailable", "Changes unavailable", detail, null);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", "5");
    }
}

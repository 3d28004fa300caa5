package dev.chipevents.common.problem;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a unique constraint that a racing request hit means to a client: which field's value was taken. */
final class Conflicts {

    /** Constraint name fragments (as the databases report them, in any case) and the field they guard. */
    private static final Map<String, String> FIELDS = Map.of(
            "uq_event_external_id", "externalId",
            "uq_company_name_key", "name",
            "uq_company_ticker", "ticker",
            "uq_api_key_hash", "key");

    private Conflicts() {
    }

    static ConflictProblem of(String constraint) {
        String name = constraint == null ? "" : constraint.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> field : FIELDS.entrySet()) {
            if (name.contains(field.getKey())) {
                return new ConflictProblem("Another request took this " + field.getValue() + " at the same moment.",
                        List.of(new FieldError(field.getValue(), "is already used (by a request that raced this one)")));
            }
        }
        return new ConflictProblem("Another request wrote the same resource at the same moment; GET it and retry if it still applies.");
    }
}

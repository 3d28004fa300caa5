package dev.chipevents.common.problem;

import java.util.List;
import java.util.Map;

/**
 * A failure that the client can act on. Each subclass is one kind of problem; the single
 * {@link ProblemMapper} turns them into RFC 9457 answers.
 */
public abstract class ApiProblem extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final transient List<FieldError> errors;

    protected ApiProblem(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? null : List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Headers the answer carries besides the problem (WWW-Authenticate, Retry-After...). */
    public Map<String, String> headers() {
        return Map.of();
    }
}

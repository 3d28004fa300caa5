package dev.chipevents.company;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import dev.chipevents.common.paging.QueryParameters;
import dev.chipevents.common.problem.FieldError;
import dev.chipevents.common.problem.InvalidRequestProblem;
import dev.chipevents.common.validation.IsoCountry;

/** The parsed query string of GET /api/v1/companies. */
public record CompanyQuery(String q, String country, Segment segment, int limit, String cursor, boolean withTotal) {

    static final Set<String> PARAMETERS = Set.of("q", "country", "segment", "limit", "cursor", "withTotal");

    public static CompanyQuery parse(MultivaluedMap<String, String> query) {
        QueryParameters.requireKnown(query, PARAMETERS);
        List<FieldError> errors = new ArrayList<>();
        String q = QueryParameters.single(query, "q", errors);
        if (q != null && (q.isBlank() || q.length() > 200)) {
            errors.add(new FieldError("q", "must be between 1 and 200 characters"));
        }
        String country = QueryParameters.single(query, "country", errors);
        if (country != null && !IsoCountry.Validator.isCountry(country.toUpperCase(Locale.ROOT))) {
            errors.add(new FieldError("country", "must be an ISO 3166-1 alpha-2 country code such as US; got '" + country + "'"));
        }
        Segment segment = null;
        String rawSegment = QueryParameters.single(query, "segment", errors);
        if (rawSegment != null) {
            try {
                segment = Segment.valueOf(rawSegment.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("segment", "must be one of " + List.of(Segment.values()) + "; got '" + rawSegment + "'"));
            }
        }
        int limit = QueryParameters.limit(query, errors);
        String cursor = QueryParameters.single(query, "cursor", errors);
        boolean withTotal = QueryParameters.bool(query, "withTotal", errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestProblem(errors);
        }
        return new CompanyQuery(q == null ? null : q.strip(), country == null ? null : country.toUpperCase(Locale.ROOT),
                segment, limit, cursor, withTotal);
    }

    /** Filters only: what a cursor must agree with. */
    String canonical() {
        return "companies|q=" + q + "|country=" + country + "|segment=" + segment;
    }
}

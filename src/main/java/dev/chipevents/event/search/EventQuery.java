package dev.chipevents.event.search;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MultivaluedMap;

import dev.chipevents.common.paging.QueryParameters;
import dev.chipevents.common.problem.FieldError;
import dev.chipevents.common.problem.InvalidRequestProblem;
import dev.chipevents.common.validation.IsoCountry;
import dev.chipevents.common.validation.IsoCurrency;
import dev.chipevents.common.validation.IsoDates;
import dev.chipevents.event.AmountKind;
import dev.chipevents.event.EventType;

/** The parsed filters, sort and page of an event query; built from a query string, refusing what it cannot read. */
public record EventQuery(
        Set<EventType> types,
        LocalDate from,
        LocalDate to,
        List<String> companies,
        String country,
        Set<String> tags,
        List<String> words,
        String currency,
        BigDecimal minAmount,
        BigDecimal maxAmount,
        BigDecimal minChange,
        BigDecimal maxChange,
        Set<AmountKind> amountKinds,
        UUID relatedTo,
        List<EventSort.Order> sort,
        int limit,
        String cursor,
        boolean withTotal) {

    public static final Set<String> FILTERS = Set.of("type", "from", "to", "company", "country", "tag", "q", "currency",
            "minAmount", "maxAmount", "minChange", "maxChange", "amountKind", "relatedTo");
    public static final Set<String> LIST_PARAMETERS = union(FILTERS, Set.of("sort", "limit", "cursor", "withTotal", "format"));
    static final List<EventSort.Order> DEFAULT_SORT = List.of(new EventSort.Order(EventSort.occurredOn, true));
    /** The representations of a list, as `format` names them. */
    static final List<String> FORMATS = List.of("json", "csv", "ics", "atom");

    public static EventQuery parse(MultivaluedMap<String, String> query, Set<String> allowed) {
        QueryParameters.requireKnown(query, allowed);
        List<FieldError> errors = new ArrayList<>();

        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String raw : QueryParameters.multi(query, "type", true)) {
            try {
                types.add(EventType.valueOf(raw.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("type", "must be one of " + Arrays.toString(EventType.values()) + "; got '" + raw + "'"));
            }
        }
        LocalDate from = date(query, "from", errors);
        LocalDate to = date(query, "to", errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("from", "must not be after 'to' (" + to + "); got " + from));
        }
        List<String> companies = QueryParameters.multi(query, "company", true);
        for (String company : companies) {
            if (company.length() > 200) {
                errors.add(new FieldError("company",
                        "must be a company id, ticker or name; got a value of " + company.length() + " characters"));
            }
        }
        String country = QueryParameters.single(query, "country", errors);
        if (country != null) {
            country = country.strip().toUpperCase(Locale.ROOT);
            if (!IsoCountry.Validator.isCountry(country)) {
                errors.add(new FieldError("country", "must be an ISO 3166-1 alpha-2 country code such as US"));
            }
        }
        Set<String> tags = new TreeSet<>();
        for (String tag : QueryParameters.multi(query, "tag", true)) {
            if (tag.length() > 50) {
                errors.add(new FieldError("tag", "must be at most 50 characters"));
            } else {
                tags.add(tag.toLowerCase(Locale.ROOT));
            }
        }
        List<String> words = new ArrayList<>();
        String q = QueryParameters.single(query, "q", errors);
        if (q != null) {
            if (q.length() > 200) {
                errors.add(new FieldError("q", "must be at most 200 characters"));
            } else {
                words = new ArrayList<>(new LinkedHashSet<>(Arrays.stream(q.toLowerCase(Locale.ROOT).split("\\s+"))
                        .filter(w -> !w.isEmpty()).toList()));
                if (words.size() > 10) {
                    errors.add(new FieldError("q", "must have at most 10 words"));
                }
            }
        }
        String currency = QueryParameters.single(query, "currency", errors);
        if (currency != null) {
            currency = currency.strip().toUpperCase(Locale.ROOT);
            if (!IsoCurrency.Validator.isCurrency(currency)) {
                errors.add(new FieldError("currency", "must be an ISO 4217 currency code such as USD"));
            }
        }
        BigDecimal minAmount = decimal(query, "minAmount", errors);
        BigDecimal maxAmount = decimal(query, "maxAmount", errors);
        if (minAmount != null && maxAmount != null && minAmount.compareTo(maxAmount) > 0) {
            errors.add(new FieldError("minAmount", "must not be greater than maxAmount"));
        }
        BigDecimal minChange = decimal(query, "minChange", errors);
        BigDecimal maxChange = decimal(query, "maxChange", errors);
        if (minChange != null && maxChange != null && minChange.compareTo(maxChange) > 0) {
            errors.add(new FieldError("minChange", "must not be greater than maxChange"));
        }
        Set<AmountKind> amountKinds = EnumSet.noneOf(AmountKind.class);
        for (String raw : QueryParameters.multi(query, "amountKind", true)) {
            try {
                amountKinds.add(AmountKind.valueOf(raw.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("amountKind", "must be one of " + Arrays.toString(AmountKind.values()) + "; got '" + raw + "'"));
            }
        }
        UUID relatedTo = null;
        String related = QueryParameters.single(query, "relatedTo", errors);
        if (related != null) {
            try {
                relatedTo = UUID.fromString(related.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("relatedTo", "must be the id of an event (a UUID); got '" + related + "'"));
            }
        }
        List<EventSort.Order> sort = allowed.contains("sort") ? sort(query, errors) : DEFAULT_SORT;
        int limit = allowed.contains("limit") ? QueryParameters.limit(query, errors) : QueryParameters.DEFAULT_LIMIT;
        String cursor = QueryParameters.single(query, "cursor", errors);
        boolean withTotal = QueryParameters.bool(query, "withTotal", errors);
        String format = QueryParameters.single(query, "format", errors);
        if (format != null && !FORMATS.contains(format)) {
            errors.add(new FieldError("format", "must be one of " + String.join(", ", FORMATS) + "; got '" + format + "'"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestProblem(errors);
        }
        return new EventQuery(types, from, to, companies, country, tags, words, currency, minAmount, maxAmount,
                minChange, maxChange, amountKinds, relatedTo, sort, limit, cursor, withTotal);
    }

    /** The same query in another order. */
    public EventQuery withSort(List<EventSort.Order> order) {
        return new EventQuery(types, from, to, companies, country, tags, words, currency, minAmount, maxAmount, minChange, maxChange,
                amountKinds, relatedTo, List.copyOf(order), limit, cursor, withTotal);
    }

    /** Filters and sort, in a canonical form: what a cursor must agree with. */
    public String canonical(String scope) {
        return "events|" + scope + "|type=" + new TreeSet<>(types.stream().map(Enum::name).toList()) + "|from=" + from
                + "|to=" + to + "|company=" + new TreeSet<>(companies.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList())
                + "|country=" + country + "|tag=" + tags + "|q=" + words + "|currency=" + currency
                + "|amount=" + minAmount + ".." + maxAmount + "|change=" + minChange + ".." + maxChange
                + "|amountKind=" + new TreeSet<>(amountKinds) + "|relatedTo=" + relatedTo + "|sort=" + sort;
    }

    private static List<EventSort.Order> sort(MultivaluedMap<String, String> query, List<FieldError> errors) {
        List<String> fields = QueryParameters.multi(query, "sort", true);
        if (fields.isEmpty()) {
            return DEFAULT_SORT;
        }
        List<EventSort.Order> orders = new ArrayList<>();
        Set<EventSort> seen = new HashSet<>();
        for (String field : fields) {
            boolean descending = field.startsWith("-");
            String name = descending || field.startsWith("+") ? field.substring(1) : field;
            try {
                EventSort sortField = EventSort.valueOf(name);
                if (!seen.add(sortField)) {
                    errors.add(new FieldError("sort", "names " + name + " twice"));
                }
                orders.add(new EventSort.Order(sortField, descending));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("sort", "must be a comma-separated list of "
                        + Arrays.stream(EventSort.values()).map(Enum::name).collect(Collectors.joining(", "))
                        + ", each with '-' in front for descending; got '" + field + "'"));
            }
        }
        return orders;
    }

    private static LocalDate date(MultivaluedMap<String, String> query, String name, List<FieldError> errors) {
        String raw = QueryParameters.single(query, name, errors);
        if (raw == null) {
            return null;
        }
        LocalDate day = IsoDates.parse(raw.strip());
        if (day == null) {
            errors.add(new FieldError(name, IsoDates.RULE + "; got '" + raw + "'"));
        }
        return day;
    }

    private static BigDecimal decimal(MultivaluedMap<String, String> query, String name, List<FieldError> errors) {
        String raw = QueryParameters.single(query, name, errors);
        if (raw == null) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(raw.strip());
            if (value.abs().compareTo(new BigDecimal("1e24")) > 0 || value.scale() > 10) {
                errors.add(new FieldError(name, "is out of range; got '" + raw + "'"));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "must be a decimal number such as 1000000 or -10.5; got '" + raw + "'"));
            return null;
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}

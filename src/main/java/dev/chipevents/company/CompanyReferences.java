package dev.chipevents.company;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one rule by which the API names a company, wherever it does (filters, participants, bulk
 * import, paths): its id, its ticker or its exact name, both case-insensitive. A reference that
 * names two companies (the ticker of one, the name of another) is ambiguous and refused.
 */
@ApplicationScoped
public class CompanyReferences {

    /** What a set of references names: the company each one found, and those that found none or several. */
    public record Resolution(Map<String, Company> found, List<String> unknown, Map<String, List<Company>> ambiguous) {

        public boolean complete() {
            return unknown.isEmpty() && ambiguous.isEmpty();
        }

        public Company get(String reference) {
            return found.get(reference);
        }
    }

    private final CompanyRepository companies;

    public CompanyReferences(CompanyRepository companies) {
        this.companies = companies;
    }

    /** Resolves every reference in one query. */
    public Resolution resolve(Collection<String> references) {
        Set<String> distinct = new LinkedHashSet<>(references);
        List<UUID> ids = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (String reference : distinct) {
            asId(reference).ifPresent(ids::add);
            keys.add(key(reference));
        }
        List<Company> candidates = companies.findByIdTickerOrName(ids, keys);
        Map<String, Company> found = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        Map<String, List<Company>> ambiguous = new LinkedHashMap<>();
        for (String reference : distinct) {
            List<Company> matches = matches(reference, candidates);
            if (matches.isEmpty()) {
                unknown.add(reference);
            } else if (matches.size() > 1) {
                ambiguous.put(reference, matches);
            } else {
                found.put(reference, matches.get(0));
            }
        }
        return new Resolution(found, unknown, ambiguous);
    }

    /** The one company a reference names, if it names exactly one. */
    public Optional<Company> find(String reference) {
        return Optional.ofNullable(resolve(List.of(reference)).get(reference));
    }

    /** Companies whose name or ticker resembles the reference, for a "did you mean" hint (at most three). */
    public List<Company> suggestions(String reference) {
        return companies.resembling(key(reference), 3);
    }

    /** How a message names a company: "NVDA (Nvidia)", or the name and id of one without a ticker. */
    public static String describe(Company company) {
        return company.getTicker() == null ? company.getName() + " (" + company.getId() + ")"
                : company.getTicker() + " (" + company.getName() + ")";
    }

    private static List<Company> matches(String reference, List<Company> candidates) {
        Optional<UUID> id = asId(reference);
        String key = key(reference);
        Map<UUID, Company> matches = new HashMap<>();
        for (Company c : candidates) {
            if (id.isPresent() && c.getId().equals(id.get())) {
                return List.of(c); // an id names one company, whatever else matches
            }
            if ((c.getTicker() != null && c.getTicker().toLowerCase(Locale.ROOT).equals(key)) || c.getNameKey().equals(key)) {
                matches.put(c.getId(), c);
            }
        }
        return List.copyOf(matches.values());
    }

    /** The case-insensitive form of a ticker or a name. */
    static String key(String reference) {
        return Company.keyOf(reference);
    }

    private static Optional<UUID> asId(String reference) {
        String value = reference.strip();
        if (value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

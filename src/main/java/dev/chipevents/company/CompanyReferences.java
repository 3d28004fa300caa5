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
        Candidates candidates = new Candidates(companies.findByIdTickerOrName(ids, keys));
        Map<String, Company> found = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        Map<String, List<Company>> ambiguous = new LinkedHashMap<>();
        for (String reference : distinct) {
            List<Company> matches = candidates.matches(reference);
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

    /**
     * The companies one query found, by id and by the key of their ticker and of their name, so that each reference
     * is looked up once (a bulk import resolves a thousand rows' references against as many candidates at a time).
     */
    private static final class Candidates {

        private final Map<UUID, Company> byId = new HashMap<>();
        private final Map<String, List<Company>> byKey = new HashMap<>();

        Candidates(List<Company> companies) {
            for (Company c : companies) {
                byId.put(c.getId(), c);
                if (c.getTicker() != null) {
                    byKey.computeIfAbsent(c.getTicker().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(c);
                }
                byKey.computeIfAbsent(c.getNameKey(), k -> new ArrayList<>(1)).add(c);
            }
        }

        /** An id names one company, whatever else matches; otherwise every company whose ticker or name is the key. */
        List<Company> matches(String reference) {
            Optional<UUID> id = asId(reference);
            if (id.isPresent() && byId.containsKey(id.get())) {
                return List.of(byId.get(id.get()));
            }
            Map<UUID, Company> matches = new LinkedHashMap<>();
            for (Company c : byKey.getOrDefault(key(reference), List.of())) {
                matches.put(c.getId(), c);
            }
            return List.copyOf(matches.values());
        }
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

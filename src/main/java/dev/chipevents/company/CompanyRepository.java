package dev.chipevents.company;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CompanyRepository implements PanacheRepositoryBase<Company, UUID> {

    /** How many lengths of a shared start the hint's order tells apart (one query shape for each key length up to it). */
    private static final int NEAREST_LEVELS = 8;

    /**
     * One reference's three ways to match. PostgreSQL reads their OR as three index lookups (a bitmap OR); H2 reads every
     * company for it (5,001 rows for one reference among 5,000 companies), so there they are a union of three lookups,
     * which PostgreSQL plans in about 0.17 ms against 0.05 for the OR, on every request that names a company.
     */
    private final String oneReference;
    private final boolean postgres;

    CompanyRepository(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.postgres = dbKind.startsWith("postgres");
        this.oneReference = postgres ? "from Company c where c.id = :id or c.ticker = :ticker or c.nameKey = :key"
                : "from Company c where c.id in (select x.id from Company x where x.id = :id union select x.id from Company x"
                        + " where x.ticker = :ticker union select x.id from Company x where x.nameKey = :key)";
    }

    public Optional<Company> findByNameKey(String nameKey) {
        return find("nameKey", nameKey).firstResultOptional();
    }

    public Optional<Company> findByTicker(String ticker) {
        return find("ticker", ticker).firstResultOptional();
    }

    /**
     * Companies whose id is one of the ids, or whose ticker or name is one of the keys (lower-cased; tickers are
     * stored in upper case, so each side keeps its index).
     */
    public List<Company> findByIdTickerOrName(List<UUID> ids, List<String> keys) {
        if (ids.isEmpty() && keys.isEmpty()) {
            return List.of();
        }
        if (ids.size() <= 1 && keys.size() == 1) {
            // One reference (every filter and most single writes): scalar parameters, so Hibernate keeps the statement's
            // translation; with list parameters it translates the query again on every run.
            return getEntityManager().createQuery(oneReference, Company.class)
                    .setParameter("id", ids.isEmpty() ? new UUID(0, 0) : ids.get(0))
                    .setParameter("ticker", keys.get(0).toUpperCase(Locale.ROOT))
                    .setParameter("key", keys.get(0))
                    .getResultList();
        }
        List<String> tickers = keys.stream().map(k -> k.toUpperCase(Locale.ROOT)).toList();
        if (!postgres) {
            // H2 compares each company with every value of each list for their OR (an import of 100,000 events among
            // 5,000 companies spent 15 s of its 110 s there), and re-runs a union of the three for each company; so
            // three lookups by index, each company once.
            Set<Company> found = new LinkedHashSet<>();
            found.addAll(inList("id", ids));
            found.addAll(inList("ticker", tickers));
            found.addAll(inList("nameKey", keys));
            return List.copyOf(found);
        }
        return getEntityManager().createQuery(
                "from Company c where c.id in :ids or c.ticker in :tickers or c.nameKey in :keys", Company.class)
                .setParameter("ids", ids.isEmpty() ? List.of(new UUID(0, 0)) : ids)
                .setParameter("tickers", tickers.isEmpty() ? List.of("") : tickers)
                .setParameter("keys", keys.isEmpty() ? List.of("") : keys)
                .getResultList();
    }

    private List<Company> inList(String field, List<?> values) {
        return values.isEmpty() ? List.of()
                : getEntityManager().createQuery("from Company c where c." + field + " in :values", Company.class)
                        .setParameter("values", values).getResultList();
    }

    /**
     * Companies whose name contains the key or whose ticker or name starts like it, nearest first: those sharing the
     * longest start with the key (up to {@value #NEAREST_LEVELS} characters are told apart), then the shortest names.
     */
    public List<Company> resembling(String key, int max) {
        int shortest = Math.min(3, key.length());
        int longest = Math.max(shortest, Math.min(key.length(), shortest + NEAREST_LEVELS - 1));
        StringBuilder nearness = new StringBuilder("case when c.nameKey like :contains escape '!'");
        for (int length = longest; length >= shortest; length--) {
            nearness.append(length == longest ? " or " : " when ")
                    .append("c.nameKey like :p").append(length).append(" escape '!' or lower(c.ticker) like :p").append(length)
                    .append(" escape '!' then ").append(longest - length);
        }
        nearness.append(" else ").append(longest - shortest + 1).append(" end");
        var query = getEntityManager().createQuery("""
                from Company c where c.nameKey like :contains escape '!' or c.nameKey like :p%1$d escape '!'
                    or lower(c.ticker) like :p%1$d escape '!'
                order by %2$s, length(c.nameKey), c.nameKey""".formatted(shortest, nearness), Company.class)
                .setParameter("contains", "%" + escape(key) + "%");
        for (int length = longest; length >= shortest; length--) {
            query.setParameter("p" + length, escape(key.substring(0, length)) + "%");
        }
        return query.setMaxResults(max).getResultList();
    }

    private static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}

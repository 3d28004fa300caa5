package dev.chipevents.company;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CompanyRepository implements PanacheRepositoryBase<Company, UUID> {

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
            return getEntityManager().createQuery("from Company c where c.id = :id or c.ticker = :ticker or c.nameKey = :key",
                    Company.class)
                    .setParameter("id", ids.isEmpty() ? new UUID(0, 0) : ids.get(0))
                    .setParameter("ticker", keys.get(0).toUpperCase(Locale.ROOT))
                    .setParameter("key", keys.get(0))
                    .getResultList();
        }
        List<String> tickers = keys.stream().map(k -> k.toUpperCase(Locale.ROOT)).toList();
        return getEntityManager().createQuery(
                "from Company c where c.id in :ids or c.ticker in :tickers or c.nameKey in :keys", Company.class)
                .setParameter("ids", ids.isEmpty() ? List.of(new UUID(0, 0)) : ids)
                .setParameter("tickers", tickers.isEmpty() ? List.of("") : tickers)
                .setParameter("keys", keys.isEmpty() ? List.of("") : keys)
                .getResultList();
    }

    /** Companies whose name contains the key, whose ticker starts like it, or the reverse, nearest first. */
    public List<Company> resembling(String key, int max) {
        String prefix = key.length() > 3 ? key.substring(0, 3) : key;
        return getEntityManager().createQuery("""
                from Company c where c.nameKey like :contains escape '!' or c.nameKey like :prefix escape '!'
                    or lower(c.ticker) like :prefix escape '!'
                order by length(c.nameKey), c.nameKey""", Company.class)
                .setParameter("contains", "%" + escape(key) + "%")
                .setParameter("prefix", escape(prefix) + "%")
                .setMaxResults(max)
                .getResultList();
    }

    private static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}

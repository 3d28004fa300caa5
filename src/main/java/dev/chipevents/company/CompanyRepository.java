package dev.chipevents.company;

import java.util.List;
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

    /** Ids of companies whose id or ticker (case-insensitive) is one of the given references. */
    public List<Company> findByIdOrTicker(List<UUID> ids, List<String> tickers) {
        if (ids.isEmpty() && tickers.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery(
                "from Company c where c.id in :ids or upper(c.ticker) in :tickers", Company.class)
                .setParameter("ids", ids.isEmpty() ? List.of(new UUID(0, 0)) : ids)
                .setParameter("tickers", tickers.isEmpty() ? List.of("") : tickers)
                .getResultList();
    }
}

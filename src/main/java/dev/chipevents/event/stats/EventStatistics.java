package dev.chipevents.event.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import dev.chipevents.company.Company;
import dev.chipevents.company.CompanyRepository;
import dev.chipevents.event.search.EventFilters;
import dev.chipevents.event.search.EventQuery;

/**
 * Counts and sums of the events matching a query, per period or dimension, computed by the database and cached briefly:
 * grouped by precision, kind and currency too, so that the answer never adds unlike amounts nor places an event dated to
 * a month on a day. By month, quarter, year or type over whole months and types only, they come from {@link MonthTally}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EventStatistics {

    private final EventFilters filters;
    private final StatsCache cache;
    private final CompanyRepository companies;
    private final EntityManager em;
    private final MonthTally tally;

    EventStatistics(EventFilters filters, StatsCache cache, CompanyRepository companies, EntityManager em, MonthTally tally) {
        this.filters = filters;
        this.cache = cache;
        this.companies = companies;
        this.em = em;
        this.tally = tally;
    }

    public EventStats of(EventQuery query, StatsGrouping groupBy) {
        return cache.get(groupBy + " " + query.canonical(""), () -> compute(query, groupBy));
    }

    private EventStats compute(EventQuery query, StatsGrouping groupBy) {
        if (MonthTally.answers(query, groupBy)) {
            // a few rows a month, kept by every write, instead of every event
            return EventStats.of(groupBy, tally.rows(query, groupBy), Map.of());
        }
        return scan(query, groupBy);
    }

    /** The statistics from the events themselves. */
    EventStats scan(EventQuery query, StatsGrouping groupBy) {
        EventFilters.Where where = filters.of(query, null);
        String key;
        String join = "";
        switch (groupBy) {
            case type -> key = "e.type";
            case country -> key = "e.country";
            case company -> {
                key = "p.company.id";
                join = " join e.participants p";
            }
            case tag -> {
                key = "t";
                join = " join e.tags t";
            }
            // Periods of a month or longer are folded by the database: a few hundred groups, not one per day.
            case month -> key = "extract(year from e.occurredOn) * 100 + extract(month from e.occurredOn)";
            case quarter -> key = "extract(year from e.occurredOn) * 10 + extract(quarter from e.occurredOn)";
            case year -> key = "extract(year from e.occurredOn)";
            default -> key = "e.occurredOn";
        }
        TypedQuery<Object[]> q = em.createQuery("select " + key + ", e.datePrecision, e.amountKind, e.currency, count(e),"
                + " sum(e.amount) from Event e" + join + where.clause() + " group by " + key
                + ", e.datePrecision, e.amountKind, e.currency",
                Object[].class);
        where.parameters().forEach(q::setParameter);
        List<Object[]> rows = q.getResultList();
        Map<UUID, Company> named = new HashMap<>();
        if (groupBy == StatsGrouping.company && !rows.isEmpty()) {
            List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).distinct().toList();
            companies.list("id in ?1", ids).forEach(c -> named.put(c.getId(), c));
        }
        return EventStats.of(groupBy, rows, named);
    }
}

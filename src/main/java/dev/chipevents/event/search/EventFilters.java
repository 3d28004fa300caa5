package dev.chipevents.event.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chipevents.common.paging.QueryParameters;
import dev.chipevents.common.problem.FieldError;
import dev.chipevents.common.problem.InvalidRequestProblem;
import dev.chipevents.company.Company;
import dev.chipevents.company.CompanyReferences;
import dev.chipevents.event.EventApplier;

/**
 * Turns the filters of an {@link EventQuery} into an HQL WHERE clause on alias {@code e}, with its
 * parameters: the same clause serves lists, CSV, counts and statistics. To add a filter: parse it in
 * EventQuery, select it here, document it in EventParameters.
 */
@ApplicationScoped
public class EventFilters {

    /**
     * A WHERE clause (empty, or starting with " where "), its named parameters, and the columns it fixes to
     * one value by equality (an ORDER BY may lead with them at no cost, which lets H2 walk an index that
     * starts with them in the page's order instead of sorting every match). When the filters restrict to one
     * company, {@code byCompany} is the same filter as a join of that company's participant rows (alias
     * {@value #COMPANY_ROW}), for a page that reads them in their own index's order; null otherwise.
     */
    public record Where(String clause, Map<String, Object> parameters, List<String> fixedColumns, Where byCompany) {

        Where(String clause, Map<String, Object> parameters, List<String> fixedColumns) {
            this(clause, parameters, fixedColumns, null);
        }
    }

    /** The alias of the participant row joined in {@link Where#byCompany}. */
    static final String COMPANY_ROW = "cp";

    private final CompanyReferences companies;
    private final EventApplier applier;

    EventFilters(CompanyReferences companies, EventApplier applier) {
        this.companies = companies;
        this.applier = applier;
    }

    /** The query's filters; `scope`, when given, restricts to one company's events. */
    public Where of(EventQuery query, UUID scope) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> fixed = new ArrayList<>();
        if (query.types().size() == 1) {
            where.add("e.type = :type");
            fixed.add("e.type");
            params.put("type", query.types().iterator().next());
        } else if (!query.types().isEmpty()) {
            where.add("e.type in :types");
            params.put("types", List.copyOf(query.types()));
        }
        if (query.from() != null) {
            where.add("e.occurredOn >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.add("e.occurredOn <= :to");
            params.put("to", query.to());
        }
        // The one company a join may stand for (the scope, else a company filter naming one company), and its term.
        UUID onlyCompany = null;
        String onlyCompanyTerm = null;
        String onlyCompanyParameter = null;
        if (!query.companies().isEmpty()) {
            // Correlated EXISTS on the collection table alone: the database can walk the page's index
            // and probe (company_id, event_id), or start from the company's events, whichever is cheaper.
            List<UUID> ids = resolve(query.companies());
            // One company by equality: a list parameter would make Hibernate translate the query again on every run.
            String term = ids.size() == 1 ? "exists (select 1 from e.participants pp where pp.company.id = :companies)"
                    : "exists (select 1 from e.participants pp where pp.company.id in :companies)";
            where.add(term);
            params.put("companies", ids.size() == 1 ? ids.get(0) : ids);
            if (ids.size() == 1) {
                onlyCompany = ids.get(0);
                onlyCompanyTerm = term;
                onlyCompanyParameter = "companies";
            }
        }
        if (scope != null) {
            String term = "exists (select 1 from e.participants sp where sp.company.id = :scope)";
            where.add(term);
            params.put("scope", scope);
            onlyCompany = scope;
            onlyCompanyTerm = term;
            onlyCompanyParameter = "scope";
        }
        if (query.country() != null) {
            where.add("e.country = :country");
            fixed.add("e.country");
            params.put("country", query.country());
        }
        if (!query.tags().isEmpty()) {
            where.add("exists (select 1 from e.tags tt where tt in :tags)");
            params.put("tags", List.copyOf(query.tags()));
        }
        for (int i = 0; i < query.words().size(); i++) {
            where.add("e.searchText like :w" + i + " escape '!'");
            params.put("w" + i, QueryParameters.likeContains(query.words().get(i)));
        }
        if (query.currency() != null) {
            where.add("e.currency = :currency");
            params.put("currency", query.currency());
        }
        if (query.minAmount() != null) {
            where.add("e.amount >= :minAmount");
            params.put("minAmount", query.minAmount());
        }
        if (query.maxAmount() != null) {
            where.add("e.amount <= :maxAmount");
            params.put("maxAmount", query.maxAmount());
        }
        if (query.minChange() != null) {
            where.add("e.percentChange >= :minChange");
            params.put("minChange", query.minChange());
        }
        if (query.maxChange() != null) {
            where.add("e.percentChange <= :maxChange");
            params.put("maxChange", query.maxChange());
        }
        if (!query.amountKinds().isEmpty()) {
            where.add("e.amountKind in :amountKinds");
            params.put("amountKinds", List.copyOf(query.amountKinds()));
        }
        if (query.relatedTo() != null) {
            // Linked in either direction: two index probes of event_link (its unique key, and the index on to_event_id).
            where.add("(exists (select 1 from EventLink lo where lo.fromEventId = e.id and lo.toEventId = :relatedTo)"
                    + " or exists (select 1 from EventLink li where li.toEventId = e.id and li.fromEventId = :relatedTo))");
            params.put("relatedTo", query.relatedTo());
        }
        Where byCompany = onlyCompany == null ? null : byCompany(where, params, onlyCompanyTerm, onlyCompanyParameter, onlyCompany);
        return new Where(where.isEmpty() ? "" : " where " + String.join(" and ", where), params, fixed, byCompany);
    }

    /** The filters with one company's term (and its parameter) replaced by a join of that company's participant rows. */
    private static Where byCompany(List<String> where, Map<String, Object> params, String term, String parameter, UUID company) {
        List<String> terms = new ArrayList<>(where.size());
        terms.add(COMPANY_ROW + ".company.id = :onlyCompany");
        where.stream().filter(t -> !t.equals(term)).forEach(terms::add);
        // The date range on the row's copy of the date as well, so that a page by date reads only that range of its index.
        if (params.containsKey("from")) {
            terms.add(COMPANY_ROW + ".eventOccurredOn >= :from");
        }
        if (params.containsKey("to")) {
            terms.add(COMPANY_ROW + ".eventOccurredOn <= :to");
        }
        Map<String, Object> parameters = new LinkedHashMap<>(params);
        parameters.remove(parameter);
        parameters.put("onlyCompany", company);
        // A company takes part in an event at most once (EventApplier refuses it twice), so the join repeats no event.
        return new Where(" join e.participants " + COMPANY_ROW + " where " + String.join(" and ", terms), parameters,
                List.of(COMPANY_ROW + ".company.id"));
    }

    /** The ids of the companies the references name; a reference that names none, or several, is a 400 problem. */
    List<UUID> resolve(List<String> references) {
        CompanyReferences.Resolution resolution = companies.resolve(references);
        List<FieldError> errors = new ArrayList<>();
        for (String unknown : resolution.unknown()) {
            errors.add(new FieldError("company", applier.unknown(unknown)));
        }
        resolution.ambiguous().forEach((reference, matches) -> errors.add(new FieldError("company", "'" + reference
                + "' names several companies: " + matches.stream().map(c -> c.getName() + " (" + c.getId() + ")")
                        .collect(Collectors.joining(", "))
                + "; name one by its id")));
        if (!errors.isEmpty()) {
            throw new InvalidRequestProblem(errors);
        }
        return resolution.found().values().stream().map(Company::getId).distinct().toList();
    }
}

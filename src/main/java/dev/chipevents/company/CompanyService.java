package dev.chipevents.company;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.chipevents.common.Clocks;
import dev.chipevents.common.Ids;
import dev.chipevents.common.http.ETags;
import dev.chipevents.common.http.MergePatch;
import dev.chipevents.common.json.ServerOwnedFields;
import dev.chipevents.common.paging.KeysetPager;
import dev.chipevents.common.paging.KeysetPager.SortColumn;
import dev.chipevents.common.paging.QueryParameters;
import dev.chipevents.common.problem.ConflictProblem;
import dev.chipevents.common.problem.FieldError;
import dev.chipevents.common.problem.InvalidRequestProblem;
import dev.chipevents.common.problem.NotFoundProblem;
import dev.chipevents.common.security.Actor;
import dev.chipevents.history.Change;
import dev.chipevents.history.ChangeRecorder;
import dev.chipevents.history.Operation;
import dev.chipevents.history.ResourceKind;

/** Companies: reads, the list, and every write (each ends in one recorded change). */
@ApplicationScoped
@Transactional
public class CompanyService {

    /** By name, then id: the order of the list and its cursor. */
    private static final List<SortColumn<Company>> ORDER = List.of(
            new SortColumn<>("c.nameKey", false, false, value -> value, Company::getNameKey),
            new SortColumn<>("c.id", false, false, UUID::fromString, Company::getId));

    private final CompanyRepository companies;
    private final KeysetPager pager;
    private final Event<CompanyRenamed> renamed;
    private final Actor actor;
    private final ChangeRecorder changes;
    private final MergePatch mergePatch;
    private final CompanyUsage usage;
    private final CompanyReferences references;

    public CompanyService(CompanyRepository companies, KeysetPager pager, Event<CompanyRenamed> renamed, Actor actor,
            ChangeRecorder changes, MergePatch mergePatch, CompanyUsage usage, CompanyReferences references) {
        this.companies = companies;
        this.pager = pager;
        this.renamed = renamed;
        this.actor = actor;
        this.changes = changes;
        this.mergePatch = mergePatch;
        this.usage = usage;
        this.references = references;
    }

    /** A company by reference: its id, ticker or exact name. */
    public CompanyResponse get(String reference) {
        return CompanyResponse.of(find(reference));
    }

    public CompanyResponse create(CompanyRequest request) {
        return create(request, Ids.newId());
    }

    /** Creates the company with an id of the caller's (the starter dataset's fixed ids). */
    public CompanyResponse create(CompanyRequest request, UUID id) {
        checkUnique(request, null);
        Company company = new Company(id, Clocks.now());
        apply(company, request);
        company.changedBy(actor.name(), company.getCreatedAt());
        companies.persist(company);
        return recorded(company, Operation.CREATE);
    }

    /** Replaces every field; server-owned fields sent back from a GET must still be what is stored. */
    public CompanyResponse replace(String reference, CompanyRequest request, String ifMatch, Map<String, JsonNode> serverOwned) {
        Company company = find(reference);
        ETags.requireMatch(ifMatch, company.getVersion());
        ServerOwnedFields.requireStored(serverOwned, company.serverOwnedFields());
        return update(company, request);
    }

    /** A JSON Merge Patch applied to the current state, checked and written in one transaction. */
    public CompanyResponse patch(String reference, String patch, String ifMatch) {
        Company company = find(reference);
        ETags.requireMatch(ifMatch, company.getVersion());
        return update(company, mergePatch.apply(toRequest(company), patch, CompanyRequest.class));
    }

    public void delete(String reference, String ifMatch) {
        Company company = find(reference);
        UUID id = company.getId();
        ETags.checkMatch(ifMatch, company.getVersion());
        List<UUID> naming = usage.eventsNaming(id, 11);
        if (!naming.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            for (UUID eventId : naming.subList(0, Math.min(10, naming.size()))) {
                errors.add(new FieldError("events", "event " + eventId + " names this company"));
            }
            throw new ConflictProblem("Company " + id + " is named by " + (naming.size() > 10 ? "more than 10" : naming.size())
                    + " event(s); remove it from them (or delete them) first. See GET /api/v1/companies/" + id + "/events.", errors);
        }
        CompanyResponse deleted = CompanyResponse.of(company);
        companies.delete(company);
        changes.record(new Change(ResourceKind.COMPANY, id, Operation.DELETE, Clocks.now(), deleted));
    }

    public CompanyPage list(CompanyQuery query) {
        Map<String, Object> params = new HashMap<>();
        List<String> conditions = new ArrayList<>();
        if (query.q() != null) {
            conditions.add("(c.nameKey like :q escape '!' or lower(c.ticker) like :q escape '!')");
            params.put("q", QueryParameters.likeContains(query.q().toLowerCase(Locale.ROOT)));
        }
        if (query.country() != null) {
            conditions.add("c.country = :country");
            params.put("country", query.country());
        }
        if (query.segment() != null) {
            conditions.add("c.segment = :segment");
            params.put("segment", query.segment());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        Long total = query.withTotal() ? count(where, params) : null;
        KeysetPager.Page<Company> page = pager.page(query.canonical(), ORDER, query.cursor(), query.limit(), (after, max) -> {
            TypedQuery<Company> select = companies.getEntityManager()
                    .createQuery("from Company c" + after.appendTo(where) + " order by c.nameKey, c.id", Company.class)
                    .setMaxResults(max);
            params.forEach(select::setParameter);
            after.parameters().forEach(select::setParameter);
            return select.getResultList();
        });
        return new CompanyPage(page.items().stream().map(CompanyResponse::of).toList(), page.nextCursor(), total);
    }

    private CompanyResponse update(Company company, CompanyRequest request) {
        checkUnique(request, company.getId());
        boolean nameChanged = !Objects.equals(company.getName(), request.name())
                || !Objects.equals(company.getTicker(), request.ticker());
        apply(company, request);
        company.changedBy(actor.name(), Clocks.now());
        if (nameChanged) {
            renamed.fire(new CompanyRenamed(company.getId()));
        }
        return recorded(company, Operation.UPDATE);
    }

    private CompanyResponse recorded(Company company, Operation operation) {
        companies.flush(); // the new version, before it is answered
        CompanyResponse state = CompanyResponse.of(company);
        changes.record(new Change(ResourceKind.COMPANY, company.getId(), operation, company.getUpdatedAt(), state));
        return state;
    }

    private long count(String where, Map<String, Object> params) {
        TypedQuery<Long> count = companies.getEntityManager().createQuery("select count(c) from Company c" + where, Long.class);
        params.forEach(count::setParameter);
        return count.getSingleResult();
    }

    private Company find(String reference) {
        CompanyReferences.Resolution resolution = references.resolve(List.of(reference));
        List<Company> several = resolution.ambiguous().get(reference);
        if (several != null) {
            throw new InvalidRequestProblem("company", "'" + reference + "' names several companies: " + several.stream()
                    .map(c -> c.getName() + " (" + c.getId() + ")").collect(Collectors.joining(", ")) + "; name one by its id");
        }
        Company company = resolution.get(reference);
        if (company == null) {
            List<Company> close = references.suggestions(reference);
            throw new NotFoundProblem("No company has the id, ticker or name '" + reference + "'" + (close.isEmpty() ? "."
                    : "; did you mean " + close.stream().map(CompanyReferences::describe).collect(Collectors.joining(" or ")) + "?"));
        }
        return company;
    }

    private void checkUnique(CompanyRequest request, UUID self) {
        List<FieldError> errors = new ArrayList<>();
        companies.findByNameKey(Company.keyOf(request.name()))
                .filter(other -> !other.getId().equals(self))
                .ifPresent(other -> errors.add(new FieldError("name",
                        "is already used by company " + other.getId() + " ('" + other.getName()
                                + "'); names are unique regardless of case")));
        if (request.ticker() != null) {
            companies.findByTicker(request.ticker())
                    .filter(other -> !other.getId().equals(self))
                    .ifPresent(other -> errors.add(new FieldError("ticker",
                            "is already used by company " + other.getId() + " ('" + other.getName() + "')")));
        }
        if (!errors.isEmpty()) {
            throw new ConflictProblem("Another company already has this "
                    + (errors.size() == 2 ? "name and ticker" : errors.get(0).field()) + ".", errors);
        }
    }

    private static CompanyRequest toRequest(Company c) {
        return new CompanyRequest(c.getName(), c.getTicker(), c.getExchange(), c.getCountry(), c.getSegment(), c.getWebsite());
    }

    private static void apply(Company company, CompanyRequest request) {
        company.setName(request.name());
        company.setTicker(request.ticker());
        company.setExchange(request.exchange());
        company.setCountry(request.country());
        company.setSegment(request.segment());
        company.setWebsite(request.website());
    }
}

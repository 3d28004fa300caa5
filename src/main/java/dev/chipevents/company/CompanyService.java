package dev.chipevents.company;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import dev.chipevents.common.Clocks;
import dev.chipevents.common.Ids;
import dev.chipevents.common.http.ETags;
import dev.chipevents.common.paging.CursorCodec;
import dev.chipevents.common.paging.Keyset;
import dev.chipevents.common.paging.QueryParameters;
import dev.chipevents.common.problem.ConflictException;
import dev.chipevents.common.problem.FieldError;
import dev.chipevents.common.problem.NotFoundException;
import dev.chipevents.common.security.Actor;
import dev.chipevents.history.Revisions;

@ApplicationScoped
@Transactional
public class CompanyService {

    private static final List<Keyset.Column> ORDER = List.of(
            new Keyset.Column("c.nameKey", false, false), new Keyset.Column("c.id", false, false));

    private final CompanyRepository companies;
    private final CursorCodec cursors;
    private final Event<CompanyRenamed> renamed;

    private final Actor actor;
    private final Revisions revisions;

    public CompanyService(CompanyRepository companies, CursorCodec cursors, Event<CompanyRenamed> renamed, Actor actor,
            Revisions revisions) {
        this.actor = actor;
        this.revisions = revisions;
        this.companies = companies;
        this.cursors = cursors;
        this.renamed = renamed;
    }

    public CompanyResponse get(UUID id) {
        return CompanyResponse.of(find(id));
    }

    public CompanyResponse create(CompanyRequest request) {
        checkUnique(request, null);
        Company company = new Company(Ids.newId(), Clocks.now());
        apply(company, request);
        company.changedBy(actor.name());
        companies.persist(company);
        companies.flush();
        CompanyResponse created = CompanyResponse.of(company);
        revisions.record(Revisions.Kind.COMPANY, company.getId(), Revisions.Operation.CREATE, created);
        return created;
    }

    public CompanyResponse replace(UUID id, CompanyRequest request, String ifMatch) {
        Company company = find(id);
        ETags.requireMatch(ifMatch, company.getVersion());
        checkUnique(request, id);
        boolean nameChanged = !Objects.equals(company.getName(), request.name())
                || !Objects.equals(company.getTicker(), request.ticker());
        apply(company, request);
        company.setUpdatedAt(Clocks.now());
        company.changedBy(actor.name());
        companies.flush();
        if (nameChanged) {
            renamed.fire(new CompanyRenamed(id));
        }
        CompanyResponse updated = CompanyResponse.of(company);
        revisions.record(Revisions.Kind.COMPANY, id, Revisions.Operation.UPDATE, updated);
        return updated;
    }

    /** The request shape of the current state: what a merge patch is applied to. */
    public CompanyRequest currentRequest(UUID id) {
        Company c = find(id);
        return new CompanyRequest(c.getName(), c.getTicker(), c.getExchange(), c.getCountry(), c.getSegment(), c.getWebsite());
    }

    public void delete(UUID id, String ifMatch) {
        Company company = find(id);
        ETags.checkMatch(ifMatch, company.getVersion());
        @SuppressWarnings("unchecked")
        List<Object> referencing = companies.getEntityManager()
                .createNativeQuery("select distinct cast(event_id as varchar(36)) from event_participant where company_id = ?1")
                .setParameter(1, id)
                .setMaxResults(11)
                .getResultList();
        if (!referencing.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            for (Object eventId : referencing.subList(0, Math.min(10, referencing.size()))) {
                errors.add(new FieldError("events", "event " + eventId + " names this company"));
            }
            throw new ConflictException("Company " + id + " is named by " + (referencing.size() > 10 ? "more than 10" : referencing.size())
                    + " event(s); remove it from them (or delete them) first. See GET /api/v1/companies/" + id + "/events.", errors);
        }
        CompanyResponse deleted = CompanyResponse.of(company);
        companies.delete(company);
        companies.flush();
        revisions.record(Revisions.Kind.COMPANY, id, Revisions.Operation.DELETE, deleted);
    }

    public CompanyPage list(CompanyQuery query) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        if (query.q() != null) {
            where.add("(c.nameKey like :q escape '!' or lower(c.ticker) like :q escape '!')");
            params.put("q", QueryParameters.likeContains(query.q().toLowerCase(Locale.ROOT)));
        }
        if (query.country() != null) {
            where.add("c.country = :country");
            params.put("country", query.country());
        }
        if (query.segment() != null) {
            where.add("c.segment = :segment");
            params.put("segment", query.segment());
        }
        Long total = null;
        if (query.withTotal()) {
            total = count(where, params);
        }
        String fingerprint = CursorCodec.fingerprint(query.canonical());
        List<String> pageWhere = new ArrayList<>(where);
        if (query.cursor() != null) {
            List<String> position = cursors.decode(query.cursor(), fingerprint, 2);
            List<Object> values = new ArrayList<>();
            values.add(position.get(0));
            values.add(parseUuid(position.get(1)));
            pageWhere.add(Keyset.after(ORDER, values, params, "k"));
        }
        TypedQuery<Company> page = companies.getEntityManager()
                .createQuery("from Company c" + whereClause(pageWhere) + " order by " + Keyset.orderBy(ORDER), Company.class)
                .setMaxResults(query.limit() + 1);
        params.forEach(page::setParameter);
        List<Company> rows = page.getResultList();
        String next = null;
        if (rows.size() > query.limit()) {
            rows = rows.subList(0, query.limit());
            Company last = rows.get(rows.size() - 1);
            next = cursors.encode(fingerprint, List.of(last.getNameKey(), last.getId().toString()));
        }
        return new CompanyPage(rows.stream().map(CompanyResponse::of).toList(), next, total);
    }

    private long count(List<String> where, Map<String, Object> params) {
        TypedQuery<Long> count = companies.getEntityManager()
                .createQuery("select count(c) from Company c" + whereClause(where), Long.class);
        params.forEach(count::setParameter);
        return count.getSingleResult();
    }

    private static String whereClause(List<String> where) {
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    private static UUID parseUuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new dev.chipevents.common.problem.InvalidRequestException("cursor", "is not a cursor issued by this service");
        }
    }

    Company find(UUID id) {
        Company company = companies.findById(id);
        if (company == null) {
            throw new NotFoundException("company", id);
        }
        return company;
    }

    private void checkUnique(CompanyRequest request, UUID self) {
        List<FieldError> errors = new ArrayList<>();
        companies.findByNameKey(Company.keyOf(request.name()))
                .filter(other -> !other.getId().equals(self))
                .ifPresent(other -> errors.add(new FieldError("name",
                        "is already used by company " + other.getId() + " ('" + other.getName() + "'); names are unique regardless of case")));
        if (request.ticker() != null) {
            companies.findByTicker(request.ticker())
                    .filter(other -> !other.getId().equals(self))
                    .ifPresent(other -> errors.add(new FieldError("ticker",
                            "is already used by company " + other.getId() + " ('" + other.getName() + "')")));
        }
        if (!errors.isEmpty()) {
            throw new ConflictException("Another company already has this " + (errors.size() == 2 ? "name and ticker" : errors.get(0).field()) + ".", errors);
        }
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

package dev.chipevents.event;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
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
import dev.chipevents.common.problem.InvalidRequestException;
import dev.chipevents.common.problem.NotFoundException;
import dev.chipevents.common.security.Actor;
import dev.chipevents.company.Company;
import dev.chipevents.company.CompanyRenamed;
import dev.chipevents.company.CompanyRepository;
import dev.chipevents.history.Revisions;

@ApplicationScoped
@Transactional
public class EventService {

    private final EventRepository events;
    private final CompanyRepository companies;
    private final CursorCodec cursors;
    private final EventMetrics metrics;
    private final Actor actor;
    private final Revisions revisions;
    private final EventReads reads;
    private final StatsCache statsCache;
    private final jakarta.enterprise.event.Event<EventsChanged> changed;

    public EventService(EventRepository events, CompanyRepository companies, CursorCodec cursors, EventMetrics metrics, Actor actor,
            Revisions revisions, EventReads reads, StatsCache statsCache, jakarta.enterprise.event.Event<EventsChanged> changed) {
        this.reads = reads;
        this.statsCache = statsCache;
        this.changed = changed;
        this.revisions = revisions;
        this.actor = actor;
        this.events = events;
        this.companies = companies;
        this.cursors = cursors;
        this.metrics = metrics;
    }

    public EventResponse get(UUID id) {
        EventResponse event = reads.byId(id);
        if (event == null) {
            throw new NotFoundException("event", id);
        }
        return event;
    }

    public EventRequest currentRequest(UUID id) {
        return EventMapper.toRequest(find(id));
    }

    public EventResponse create(EventRequest request) {
        checkExternalId(request.externalId(), null);
        Event event = new Event(Ids.newId(), Clocks.now());
        apply(event, request);
        event.changedBy(actor.name());
        events.persist(event);
        events.flush();
        metrics.created();
        EventResponse created = EventMapper.toResponse(event);
        revisions.record(Revisions.Kind.EVENT, event.getId(), Revisions.Operation.CREATE, created);
        changed.fire(EventsChanged.INSTANCE);
        return created;
    }

    public EventResponse replace(UUID id, EventRequest request, String ifMatch) {
        Event event = find(id);
        ETags.requireMatch(ifMatch, event.getVersion());
        checkExternalId(request.externalId(), id);
        apply(event, request);
        event.setUpdatedAt(Clocks.now());
        event.changedBy(actor.name());
        events.flush();
        metrics.updated();
        EventResponse updated = EventMapper.toResponse(event);
        revisions.record(Revisions.Kind.EVENT, id, Revisions.Operation.UPDATE, updated);
        changed.fire(EventsChanged.INSTANCE);
        return updated;
    }

    public void delete(UUID id, String ifMatch) {
        Event event = find(id);
        ETags.checkMatch(ifMatch, event.getVersion());
        EventResponse deleted = EventMapper.toResponse(event);
        events.delete(event);
        events.flush();
        metrics.deleted();
        revisions.record(Revisions.Kind.EVENT, id, Revisions.Operation.DELETE, deleted);
        changed.fire(EventsChanged.INSTANCE);
    }

    public EventHistory history(UUID id) {
        List<Revisions.Revision> all = revisions.list(Revisions.Kind.EVENT, id);
        if (all.isEmpty()) {
            throw new NotFoundException("event (now or in the past)", id);
        }
        return new EventHistory(id, all.stream().map(r -> new EventHistory.Revision(r.revision(), r.operation().name(),
                r.changedAt(), r.changedBy(), revisions.state(r, EventResponse.class))).toList());
    }

    /** The event as it stood at the instant. */
    public EventResponse asOf(UUID id, java.time.Instant at) {
        Revisions.Revision revision = revisions.asOf(Revisions.Kind.EVENT, id, at)
                .orElseThrow(() -> new NotFoundException("event at " + at, id));
        if (revision.operation() == Revisions.Operation.DELETE) {
            throw new NotFoundException("event at " + at + " (it was deleted at " + revision.changedAt() + ")", id);
        }
        return revisions.state(revision, EventResponse.class);
    }

    /** Brings a deleted event back, with its id, as it was when deleted. */
    public EventResponse restore(UUID id) {
        if (events.findById(id) != null) {
            throw new ConflictException("Event " + id + " exists; only a deleted event can be restored.");
        }
        List<Revisions.Revision> all = revisions.list(Revisions.Kind.EVENT, id);
        if (all.isEmpty()) {
            throw new NotFoundException("deleted event", id);
        }
        EventResponse last = revisions.state(all.get(all.size() - 1), EventResponse.class);
        EventRequest request = new EventRequest(last.type(), last.occurredOn(), last.datePrecision(), last.title(), last.summary(),
                last.amount(), last.currency(), last.percentChange(), last.country(),
                last.participants().stream().map(p -> new ParticipantRequest(p.companyId(), p.role())).toList(),
                last.tags(), last.sources(), last.externalId());
        checkExternalId(request.externalId(), null);
        Event event = new Event(id, last.createdAt());
        try {
            apply(event, request);
        } catch (InvalidRequestException e) {
            throw new ConflictException("The event names companies that no longer exist; create them again first.", e.errors());
        }
        event.setUpdatedAt(Clocks.now());
        event.changedBy(actor.name());
        events.persist(event);
        events.flush();
        EventResponse restored = EventMapper.toResponse(event);
        revisions.record(Revisions.Kind.EVENT, id, Revisions.Operation.RESTORE, restored);
        changed.fire(EventsChanged.INSTANCE);
        return restored;
    }

    /** One page of events matching the query; `scope` restricts to one company's events. */
    public EventPage list(EventQuery query, UUID scope) {
        Filters filters = filters(query, scope);
        List<Keyset.Column> columns = columns(query.sort());
        String fingerprint = CursorCodec.fingerprint(query.canonical(scope == null ? "" : scope.toString()));
        List<Object> position = null;
        if (query.cursor() != null) {
            position = parsePosition(query.sort(), cursors.decode(query.cursor(), fingerprint, columns.size()));
        }
        Long total = query.withTotal() ? count(filters) : null;
        List<EventResponse> rows = page(filters, columns, position, query.limit() + 1);
        String next = null;
        if (rows.size() > query.limit()) {
            rows = rows.subList(0, query.limit());
            next = cursors.encode(fingerprint, positionOf(rows.get(rows.size() - 1), query.sort()));
        }
        return new EventPage(rows, next, total);
    }

    /** A batch of matches after a position (null: from the start), for streaming every match. */
    public Batch batch(EventQuery query, UUID scope, List<String> after, int size) {
        Filters filters = filters(query, scope);
        List<Keyset.Column> columns = columns(query.sort());
        List<Object> position = after == null ? null : parsePosition(query.sort(), after);
        List<EventResponse> rows = page(filters, columns, position, size);
        List<String> last = rows.isEmpty() ? null : positionOf(rows.get(rows.size() - 1), query.sort());
        return new Batch(rows, last);
    }

    /** The position a query's cursor stands for (null without a cursor). */
    public List<String> cursorPosition(EventQuery query, UUID scope) {
        if (query.cursor() == null) {
            return null;
        }
        String fingerprint = CursorCodec.fingerprint(query.canonical(scope == null ? "" : scope.toString()));
        return cursors.decode(query.cursor(), fingerprint, columns(query.sort()).size());
    }

    public record Batch(List<EventResponse> items, List<String> lastPosition) {
    }

    public EventStats stats(EventQuery query, StatsGrouping groupBy) {
        return statsCache.get(groupBy + " " + query.canonical(""), () -> computeStats(query, groupBy));
    }

    private EventStats computeStats(EventQuery query, StatsGrouping groupBy) {
        Filters filters = filters(query, null);
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
        TypedQuery<Object[]> q = em().createQuery("select " + key + ", e.currency, count(e), sum(e.amount) from Event e" + join
                + filters.where() + " group by " + key + ", e.currency", Object[].class);
        filters.params().forEach(q::setParameter);
        List<Object[]> rows = q.getResultList();
        Map<UUID, Company> named = new HashMap<>();
        if (groupBy == StatsGrouping.company && !rows.isEmpty()) {
            List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).distinct().toList();
            companies.findByIdOrTicker(ids, List.of()).forEach(c -> named.put(c.getId(), c));
        }
        return EventStats.of(groupBy, rows, named);
    }

    void onCompanyRenamed(@Observes CompanyRenamed renamed) {
        for (Event event : events.findNamingCompany(renamed.companyId())) {
            event.setSearchText(searchTextOf(event));
        }
    }

    private List<EventResponse> page(Filters filters, List<Keyset.Column> columns, List<Object> position, int size) {
        Map<String, Object> params = new HashMap<>(filters.params());
        String where = filters.where();
        if (position != null) {
            String after = Keyset.after(columns, position, params, "k");
            where = where.isEmpty() ? " where " + after : where + " and " + after;
        }
        return reads.page(where, params, Keyset.orderBy(columns), size);
    }

    private long count(Filters filters) {
        TypedQuery<Long> q = em().createQuery("select count(e) from Event e" + filters.where(), Long.class);
        filters.params().forEach(q::setParameter);
        return q.getSingleResult();
    }

    private record Filters(String where, Map<String, Object> params) {
    }

    private Filters filters(EventQuery query, UUID scope) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (!query.types().isEmpty()) {
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
        if (!query.companies().isEmpty()) {
            // Correlated EXISTS on the collection table alone: the database can walk the page's index
            // and probe (company_id, event_id), or start from the company's events, whichever is cheaper.
            where.add("exists (select 1 from e.participants pp where pp.company.id in :companies)");
            params.put("companies", resolveCompanies(query.companies()));
        }
        if (scope != null) {
            where.add("exists (select 1 from e.participants sp where sp.company.id = :scope)");
            params.put("scope", scope);
        }
        if (query.country() != null) {
            where.add("e.country = :country");
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
        return new Filters(where.isEmpty() ? "" : " where " + String.join(" and ", where), params);
    }

    private List<UUID> resolveCompanies(List<String> references) {
        List<UUID> ids = new ArrayList<>();
        List<String> tickers = new ArrayList<>();
        for (String reference : references) {
            try {
                ids.add(UUID.fromString(reference));
            } catch (IllegalArgumentException e) {
                tickers.add(reference.toUpperCase(Locale.ROOT));
            }
        }
        List<Company> found = companies.findByIdOrTicker(ids, tickers);
        Set<String> known = found.stream().flatMap(c -> java.util.stream.Stream.of(c.getId().toString(),
                c.getTicker() == null ? "" : c.getTicker().toUpperCase(Locale.ROOT))).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        for (String reference : references) {
            String normalized = ids.stream().anyMatch(id -> id.toString().equalsIgnoreCase(reference))
                    ? reference.toLowerCase(Locale.ROOT) : reference.toUpperCase(Locale.ROOT);
            if (!known.contains(normalized)) {
                errors.add(new FieldError("company", "no company has the id or ticker '" + reference + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return found.stream().map(Company::getId).toList();
    }

    private static List<Keyset.Column> columns(List<EventSort.Order> sort) {
        List<Keyset.Column> columns = new ArrayList<>();
        for (EventSort.Order order : sort) {
            columns.add(new Keyset.Column(order.field().expression, order.descending(), order.field().nullable));
        }
        columns.add(new Keyset.Column("e.id", sort.get(0).descending(), false));
        return columns;
    }

    private static List<Object> parsePosition(List<EventSort.Order> sort, List<String> raw) {
        try {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < sort.size(); i++) {
                String value = raw.get(i);
                if (value == null && !sort.get(i).field().nullable) {
                    throw new IllegalArgumentException("null for a required field");
                }
                values.add(value == null ? null : sort.get(i).field().parse.apply(value));
            }
            values.add(UUID.fromString(raw.get(sort.size())));
            return values;
        } catch (RuntimeException e) {
            throw new InvalidRequestException("cursor", "is not a cursor issued by this service");
        }
    }

    private static List<String> positionOf(EventResponse last, List<EventSort.Order> sort) {
        List<String> position = new ArrayList<>();
        for (EventSort.Order order : sort) {
            Object value = order.field().read.apply(last);
            position.add(value == null ? null : value instanceof BigDecimal d ? d.toPlainString() : value.toString());
        }
        position.add(last.id().toString());
        return position;
    }

    private Event find(UUID id) {
        Event event = events.findById(id);
        if (event == null) {
            throw new NotFoundException("event", id);
        }
        return event;
    }

    void checkExternalId(String externalId, UUID self) {
        if (externalId == null) {
            return;
        }
        events.findByExternalId(externalId).filter(other -> !other.getId().equals(self)).ifPresent(other -> {
            throw new ConflictException("Another event already has this externalId.",
                    List.of(new FieldError("externalId", "is already used by event " + other.getId())));
        });
    }

    void apply(Event event, EventRequest request) {
        List<ParticipantRequest> participants = request.participantsOrEmpty();
        List<Participant> resolved = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            ParticipantRequest p = participants.get(i);
            Company company = companies.findById(p.companyId());
            if (company == null) {
                errors.add(new FieldError("participants[" + i + "].companyId", "no company has the id " + p.companyId()));
            } else {
                resolved.add(new Participant(company, p.role()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        event.setType(request.type());
        event.setOccurredOn(request.occurredOn());
        event.setDatePrecision(request.datePrecisionOrDefault());
        event.setTitle(request.title());
        event.setSummary(request.summary());
        event.setAmount(request.amount());
        event.setCurrency(request.currency());
        event.setPercentChange(request.percentChange());
        event.setCountry(request.country());
        event.setExternalId(request.externalId());
        event.getParticipants().clear();
        event.getParticipants().addAll(resolved);
        event.getTags().clear();
        event.getTags().addAll(request.tagsOrEmpty());
        event.getSources().clear();
        request.sourcesOrEmpty().forEach(s -> event.getSources().add(new Source(s.url(), s.publisher(), s.publishedOn())));
        event.setSearchText(searchTextOf(event));
    }

    static String searchTextOf(Event event) {
        StringBuilder text = new StringBuilder(event.getTitle());
        if (event.getSummary() != null) {
            text.append('\n').append(event.getSummary());
        }
        text.append('\n').append(String.join(" ", event.getTags()));
        for (Participant p : event.getParticipants()) {
            text.append('\n').append(p.getCompany().getName());
            if (p.getCompany().getTicker() != null) {
                text.append(' ').append(p.getCompany().getTicker());
            }
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private EntityManager em() {
        return events.getEntityManager();
    }
}

package dev.chipevents.event.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import dev.chipevents.common.paging.Keyset;
import dev.chipevents.common.paging.KeysetPager;
import dev.chipevents.common.paging.KeysetPager.Seek;
import dev.chipevents.common.paging.KeysetPager.SortColumn;
import dev.chipevents.common.problem.NotFoundProblem;
import dev.chipevents.event.EventPage;
import dev.chipevents.event.EventResponse;

/** The reads of events: one by id, a page of a query, every match in batches, and counts. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EventSearch {

    /**
     * Rows after a position, for streaming every match; `lastPosition` is where the next batch starts. The exports show
     * no links (a link names an event the export may not hold), so a batch's events are read without them.
     */
    public record Batch(List<EventResponse> items, List<Object> lastPosition) {
    }

    private final EventRows rows;
    private final EventFilters filters;
    private final KeysetPager pager;
    private final EntityManager em;
    private final EventCache cache;

    EventSearch(EventRows rows, EventFilters filters, KeysetPager pager, EntityManager em, EventCache cache) {
        this.rows = rows;
        this.cache = cache;
        this.filters = filters;
        this.pager = pager;
        this.em = em;
    }

    public EventResponse get(UUID id) {
        EventResponse event = cache.get(id, rows::byId);
        if (event == null) {
            throw new NotFoundProblem("event", id);
        }
        return event;
    }

    /** One page of the events matching the query; `scope` restricts to one company's events. */
    public EventPage page(EventQuery query, UUID scope) {
        EventFilters.Where where = filters.of(query, scope);
        Plan plan = plan(where, EventSort.columns(query.sort()));
        Long total = query.withTotal() ? count(where) : null;
        KeysetPager.Page<EventResponse> page = pager.page(canonical(query, scope), plan.order(), query.cursor(), query.limit(),
                (after, max) -> fetch(plan, after, max, true));
        return new EventPage(page.items(), page.nextCursor(), total);
    }

    /** Where a stream of every match starts: the query's cursor position, or null. */
    public List<Object> start(EventQuery query, UUID scope) {
        return pager.position(canonical(query, scope), EventSort.columns(query.sort()), query.cursor());
    }

    /** The next `size` matches after a position (null: from the first). */
    public Batch batch(EventQuery query, UUID scope, List<Object> after, int size) {
        Plan plan = plan(filters.of(query, scope), EventSort.columns(query.sort()));
        List<EventResponse> batch = fetch(plan, KeysetPager.seek(plan.order(), after), size, false);
        return new Batch(batch, batch.isEmpty() ? null : KeysetPager.positionOf(plan.order(), batch.get(batch.size() - 1)));
    }

    /** How a read is written: its filters and its keyset order, led by the columns it fixes when an index can use them. */
    private record Plan(EventFilters.Where where, List<SortColumn<EventResponse>> order, String leading) {
    }

    /**
     * One company's events by date (either way) or by amount (largest first) are read from that company's participant
     * rows, which carry the event's date and amount in indexes in those orders (company_id, event_occurred_on desc,
     * event_id desc; company_id, event_amount desc nulls last, event_id desc): the page stops after its rows instead of
     * walking every event by date or amount. Any other read is the filters' WHERE over the events.
     */
    private static Plan plan(EventFilters.Where where, List<SortColumn<EventResponse>> order) {
        SortColumn<EventResponse> first = order.get(0);
        String companyRowColumn = where.byCompany() == null ? null : companyRowColumn(first);
        if (companyRowColumn != null) {
            List<SortColumn<EventResponse>> joined = new ArrayList<>(order);
            joined.set(0, new SortColumn<>(companyRowColumn, first.descending(), first.nullable(), first.parse(), first.read()));
            // Ties by the participant row's own copy of the event's id, the index's last column: by e.id, H2 sorted every
            // row of the company (3,023 for one company of 100,000 events) to find a page of 51.
            SortColumn<EventResponse> id = order.get(order.size() - 1);
            joined.set(order.size() - 1,
                    new SortColumn<>(EventFilters.COMPANY_ROW + ".eventId", id.descending(), false, id.parse(), id.read()));
            // The company's id first (one value, so the same order) lets H2 read the index in it too: ascending before the
            // index's descending columns, descending before an ascending page (the index read backwards as a whole).
            return new Plan(where.byCompany(), joined,
                    where.byCompany().fixedColumns().get(0) + (first.descending() ? " asc, " : " desc, "));
        }
        if (!where.fixedColumns().isEmpty() && first.expression().equals(EventSort.occurredOn.expression)) {
            // Same order (the column has one value), but H2 now reads the (type or country, occurred_on, id) index in it.
            return new Plan(where, order, where.fixedColumns().get(0) + (first.descending() ? " desc, " : " asc, "));
        }
        return new Plan(where, order, "");
    }

    /** The participant row's copy of the first sort column, when an index of those rows has the page's order; else null. */
    private static String companyRowColumn(SortColumn<EventResponse> first) {
        if (first.expression().equals(EventSort.occurredOn.expression)) {
            return EventFilters.COMPANY_ROW + ".eventOccurredOn";
        }
        if (first.expression().equals(EventSort.amount.expression) && first.descending()) {
            return EventFilters.COMPANY_ROW + ".eventAmount";
        }
        return null;
    }

    private List<EventResponse> fetch(Plan plan, Seek after, int max, boolean withLinks) {
        String orderBy = plan.leading() + Keyset.orderBy(plan.order().stream()
                .map(c -> new Keyset.Column(c.expression(), c.descending(), c.nullable())).toList());
        List<Seek> seeks = rows.readsInParts() && after.parts() != null ? after.parts() : List.of(after);
        List<EventRows.Where> wheres = new ArrayList<>(seeks.size());
        for (Seek seek : seeks) {
            Map<String, Object> params = new HashMap<>(plan.where().parameters());
            params.putAll(seek.parameters());
            wheres.add(new EventRows.Where(seek.appendTo(plan.where().clause()), params));
        }
        return rows.page(wheres, orderBy, max, withLinks);
    }

    private long count(EventFilters.Where where) {
        TypedQuery<Long> q = em.createQuery("select count(e) from Event e" + where.clause(), Long.class);
        where.parameters().forEach(q::setParameter);
        return q.getSingleResult();
    }

    private static String canonical(EventQuery query, UUID scope) {
        return query.canonical(scope == null ? "" : scope.toString());
    }
}

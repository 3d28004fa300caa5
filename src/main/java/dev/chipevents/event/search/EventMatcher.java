package dev.chipevents.event.search;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chipevents.event.EventResponse;
import dev.chipevents.event.ParticipantResponse;

/**
 * The filters of an {@link EventQuery} as a test of one event in memory, for events that are not read
 * through {@link EventFilters} (the states a change stream carries). It selects what the WHERE clause
 * selects; {@code EventMatcherTest} holds the two together.
 */
@ApplicationScoped
public class EventMatcher {

    private final EventFilters filters;

    EventMatcher(EventFilters filters) {
        this.filters = filters;
    }

    /** True when the query has no filter at all: every event matches. */
    public static boolean selectsAll(EventQuery query) {
        return query.types().isEmpty() && query.from() == null && query.to() == null && query.companies().isEmpty()
                && query.country() == null && query.tags().isEmpty() && query.words().isEmpty() && query.currency() == null
                && query.minAmount() == null && query.maxAmount() == null && query.minChange() == null && query.maxChange() == null
                && query.amountKinds().isEmpty() && query.relatedTo() == null;
    }

    /** The test of the query's filters; companies are resolved now (a reference that names none is a 400 problem). */
    public Predicate<EventResponse> of(EventQuery query) {
        Set<UUID> companies = query.companies().isEmpty() ? Set.of() : Set.copyOf(filters.resolve(query.companies()));
        return event -> matches(query, companies, event);
    }

    static boolean matches(EventQuery q, Set<UUID> companies, EventResponse e) {
        if (!q.types().isEmpty() && !q.types().contains(e.type())) {
            return false;
        }
        if (q.from() != null && e.occurredOn().isBefore(q.from()) || q.to() != null && e.occurredOn().isAfter(q.to())) {
            return false;
        }
        if (!companies.isEmpty() && e.participants().stream().noneMatch(p -> companies.contains(p.companyId()))) {
            return false;
        }
        if (q.country() != null && !q.country().equals(e.country())) {
            return false;
        }
        if (!q.tags().isEmpty() && e.tags().stream().noneMatch(q.tags()::contains)) {
            return false;
        }
        if (!q.words().isEmpty()) {
            String text = searchText(e);
            if (!q.words().stream().allMatch(text::contains)) {
                return false;
            }
        }
        if (q.currency() != null && !q.currency().equals(e.currency())) {
            return false;
        }
        if (q.minAmount() != null && (e.amount() == null || e.amount().compareTo(q.minAmount()) < 0)
                || q.maxAmount() != null && (e.amount() == null || e.amount().compareTo(q.maxAmount()) > 0)) {
            return false;
        }
        if (!q.amountKinds().isEmpty() && (e.amountKind() == null || !q.amountKinds().contains(e.amountKind()))) {
            return false;
        }
        if (q.relatedTo() != null && e.links().stream().noneMatch(link -> q.relatedTo().equals(link.eventId()))) {
            return false;
        }
        return (q.minChange() == null || e.percentChange() != null && e.percentChange().compareTo(q.minChange()) >= 0)
                && (q.maxChange() == null || e.percentChange() != null && e.percentChange().compareTo(q.maxChange()) <= 0);
    }

    /** What `q` searches, as SearchText keeps it in the event table: title, summary, tags, participants' names and tickers. */
    private static String searchText(EventResponse e) {
        StringBuilder text = new StringBuilder(e.title());
        if (e.summary() != null) {
            text.append('\n').append(e.summary());
        }
        text.append('\n').append(String.join(" ", e.tags()));
        List<ParticipantResponse> participants = e.participants();
        for (ParticipantResponse p : participants) {
            text.append('\n').append(p.name());
            if (p.ticker() != null) {
                text.append(' ').append(p.ticker());
            }
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}

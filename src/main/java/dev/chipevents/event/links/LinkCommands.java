package dev.chipevents.event.links;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.chipevents.common.Clocks;
import dev.chipevents.common.Ids;
import dev.chipevents.common.db.Sql;
import dev.chipevents.common.problem.ConflictProblem;
import dev.chipevents.common.problem.FieldError;
import dev.chipevents.common.problem.InvalidRequestProblem;
import dev.chipevents.common.problem.NotFoundProblem;
import dev.chipevents.common.security.Actor;
import dev.chipevents.event.Event;
import dev.chipevents.event.EventMapper;
import dev.chipevents.event.Source;
import dev.chipevents.event.SourceDto;
import dev.chipevents.history.Change;
import dev.chipevents.history.ChangeRecorder;
import dev.chipevents.history.Operation;
import dev.chipevents.history.ResourceKind;

/**
 * Every write of links but a bulk import's ({@link LinkImports}): make one, remove one, remove all of a deleted event,
 * bring back those of a restored one, make the starter ledger's. A link is part of the state of both its events, so each write
 * changes both (their version goes up) and records a revision of each through {@link ChangeRecorder}.
 * The events a write touches are locked in id order, so concurrent link writes wait instead of failing;
 * writes of CAUSED links also take one lock of their own, so that two of them can never close a cycle together.
 */
@ApplicationScoped
@Transactional
public class LinkCommands {

    /** The most links (both directions together) one event may have. */
    public static final int MAX_LINKS_PER_EVENT = 50;
    private static final String CAUSED_LOCK = "event-links-caused-lock";

    private final EntityManager em;
    private final LinkReader reader;
    private final CausalChains chains;
    private final ChangeRecorder changes;
    private final Actor actor;
    private final Sql sql;

    LinkCommands(EntityManager em, LinkReader reader, CausalChains chains, ChangeRecorder changes, Actor actor, Sql sql) {
        this.em = em;
        this.reader = reader;
        this.chains = chains;
        this.changes = changes;
        this.actor = actor;
        this.sql = sql;
    }

    /** Makes a link from the event to another; answers it as the event sees it. */
    public LinkedEvent create(UUID eventId, LinkRequest request) {
        if (!exists(eventId)) {
            throw new NotFoundProblem("event", eventId);
        }
        UUID other = resolve(request, eventId);
        if (request.type() == LinkType.CAUSED) {
            lockCausedLinks();
        }
        Map<UUID, Event> locked = lock(List.of(eventId, other));
        if (locked.get(eventId) == null) {
            throw new NotFoundProblem("event", eventId);
        }
        if (locked.get(other) == null) {
            throw new InvalidRequestProblem(otherField(request), "names event " + other + ", which no longer exists");
        }
        List<FieldError> conflicts = new ArrayList<>();
        EventLink existing = find(eventId, other, request.type());
        if (existing != null) {
            conflicts.add(new FieldError("type", "this event already has a " + request.type() + " link to event " + other
                    + " (link " + existing.getId() + ")"));
        }
        Map<UUID, Long> counts = counts(List.of(eventId, other));
        if (counts.getOrDefault(eventId, 0L) >= MAX_LINKS_PER_EVENT) {
            conflicts.add(new FieldError("links", "this event already has " + MAX_LINKS_PER_EVENT + " links, the most an event may have"));
        }
        if (counts.getOrDefault(other, 0L) >= MAX_LINKS_PER_EVENT) {
            conflicts.add(new FieldError(otherField(request), "event " + other + " already has " + MAX_LINKS_PER_EVENT
                    + " links, the most an event may have"));
        }
        if (existing == null && request.type() == LinkType.CAUSED) {
            List<UUID> back = chains.chainBack(eventId, other);
            if (!back.isEmpty()) {
                conflicts.add(new FieldError("type", "would make a cycle of CAUSED links: " + chains.describeCycle(back)));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictProblem(conflicts.size() == 1 ? "'" + conflicts.get(0).field() + "' " + conflicts.get(0).message()
                    : "The link clashes with the links stored.", conflicts);
        }
        EventLink link = new EventLink(Ids.newId(), eventId, other, request.type(), request.note(), source(request.source()),
                Clocks.now(), actor.name());
        em.persist(link);
        recordLinksChanged(locked.values());
        return reader.of(eventId).stream().filter(l -> l.linkId().equals(link.getId())).findFirst().orElseThrow();
    }

    /** Removes a link of the event (from either end). */
    public void delete(UUID eventId, UUID linkId) {
        EventLink link = em.find(EventLink.class, linkId);
        if (link == null || !(link.getFromEventId().equals(eventId) || link.getToEventId().equals(eventId))) {
            throw new NotFoundProblem("No link '" + linkId + "' of event '" + eventId + "'.");
        }
        Map<UUID, Event> locked = lock(List.of(link.getFromEventId(), link.getToEventId()));
        em.remove(link);
        recordLinksChanged(locked.values());
    }

    /**
     * Removes every link of an event that is being deleted, and records the change of each event at the other ends
     * (the deleted event's own revision, with the links it had, is its caller's).
     */
    public void removeAll(Event deleted) {
        List<EventLink> links = em.createQuery("select l from EventLink l where l.fromEventId = :id or l.toEventId = :id", EventLink.class)
                .setParameter("id", deleted.getId()).getResultList();
        if (links.isEmpty()) {
            return;
        }
        Set<UUID> others = new HashSet<>();
        links.forEach(l -> others.add(l.otherEnd(deleted.getId())));
        Map<UUID, Event> locked = lock(others);
        links.forEach(em::remove);
        em.flush(); // the links before their events
        recordLinksChanged(locked.values());
    }

    /**
     * Brings back the links a restored event had when it was deleted (it is persisted, not yet recorded): 409 naming
     * each link whose other event is gone, that another event's limit or a CAUSED cycle made since forbids.
     */
    public void restore(Event restored, List<LinkedEvent> links) {
        if (links.isEmpty()) {
            return;
        }
        if (links.stream().anyMatch(l -> l.type() == LinkType.CAUSED)) {
            lockCausedLinks();
        }
        Set<UUID> others = new HashSet<>();
        links.forEach(l -> others.add(l.eventId()));
        Map<UUID, Event> locked = lock(others);
        Map<UUID, Long> counts = counts(others);
        List<FieldError> conflicts = new ArrayList<>();
        UUID id = restored.getId();
        for (int i = 0; i < links.size(); i++) {
            LinkedEvent l = links.get(i);
            String field = "links[" + i + "].eventId";
            if (locked.get(l.eventId()) == null) {
                conflicts.add(new FieldError(field, "event " + l.eventId() + " (" + l.title() + ") no longer exists; restore it first"));
                continue;
            }
            if (counts.merge(l.eventId(), 1L, Long::sum) > MAX_LINKS_PER_EVENT) {
                conflicts.add(new FieldError(field, "event " + l.eventId() + " has " + MAX_LINKS_PER_EVENT
                        + " links meanwhile, the most an event may have"));
                continue;
            }
            boolean outgoing = l.direction() == LinkDirection.OUTGOING;
            UUID from = outgoing ? id : l.eventId();
            UUID to = outgoing ? l.eventId() : id;
            em.persist(new EventLink(l.linkId(), from, to, l.type(), l.note(), source(l.source()), Clocks.now(), actor.name()));
        }
        em.flush();
        for (int i = 0; i < links.size() && conflicts.isEmpty(); i++) {
            LinkedEvent l = links.get(i);
            if (l.type() == LinkType.CAUSED) {
                boolean outgoing = l.direction() == LinkDirection.OUTGOING;
                List<UUID> back = outgoing ? chains.chainBack(id, l.eventId()) : chains.chainBack(l.eventId(), id);
                if (!back.isEmpty()) {
                    conflicts.add(new FieldError("links[" + i + "].type", "CAUSED links made since would close a cycle: "
                            + chains.describeCycle(back)));
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictProblem("The event's links cannot all be brought back.", conflicts);
        }
        recordLinksChanged(locked.values());
    }

    /**
     * Makes links known to be valid, with ids of the caller's (the starter dataset's fixed ones), recording one change of
     * each event they touch.
     */
    public void createAll(List<EventLink> links) {
        if (links.isEmpty()) {
            return;
        }
        links.forEach(em::persist);
        Set<UUID> ends = new HashSet<>();
        links.forEach(l -> {
            ends.add(l.getFromEventId());
            ends.add(l.getToEventId());
        });
        recordLinksChanged(lock(ends).values());
    }

    /** The event a request names (by id or externalId): 400 when it names none, both or this event itself. */
    private UUID resolve(LinkRequest request, UUID self) {
        if ((request.eventId() == null) == (request.externalId() == null)) {
            throw new InvalidRequestProblem("eventId", "name the other event by eventId or by externalId, exactly one");
        }
        UUID other;
        if (request.eventId() != null) {
            other = request.eventId();
            if (!exists(other)) {
                throw new InvalidRequestProblem("eventId", "no event has the id " + other);
            }
        } else {
            List<UUID> found = em.createQuery("select e.id from Event e where e.externalId = :id", UUID.class)
                    .setParameter("id", request.externalId()).getResultList();
            if (found.isEmpty()) {
                throw new InvalidRequestProblem("externalId", "no event has the externalId '" + request.externalId() + "'");
            }
            other = found.get(0);
        }
        if (other.equals(self)) {
            throw new InvalidRequestProblem(otherField(request), "names this event itself; an event cannot be linked to itself");
        }
        return other;
    }

    /** Whether the event exists, without loading it (it is loaded once, with its lock). */
    private boolean exists(UUID id) {
        return em.createQuery("select count(e) from Event e where e.id = :id", Long.class).setParameter("id", id).getSingleResult() > 0;
    }

    private static String otherField(LinkRequest request) {
        return request.eventId() != null ? "eventId" : "externalId";
    }

    private EventLink find(UUID from, UUID to, LinkType type) {
        List<EventLink> found = em.createQuery("select l from EventLink l where l.fromEventId = :from and l.toEventId = :to"
                + " and l.type = :type", EventLink.class).setParameter("from", from).setParameter("to", to).setParameter("type", type)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** How many links each event has, both directions together. */
    Map<UUID, Long> counts(Collection<UUID> ids) {
        Map<UUID, Long> counts = new HashMap<>();
        for (List<UUID> part : CausalChains.parts(List.copyOf(ids))) {
            for (String column : List.of("fromEventId", "toEventId")) {
                em.createQuery("select l." + column + ", count(l) from EventLink l where l." + column + " in :ids group by l." + column,
                        Object[].class).setParameter("ids", part).getResultList()
                        .forEach(r -> counts.merge((UUID) r[0], ((Number) r[1]).longValue(), Long::sum));
            }
        }
        return counts;
    }

    /** The events, locked for this transaction in id order (so that two link writes never wait for each other in a circle). */
    private Map<UUID, Event> lock(Collection<UUID> ids) {
        Map<UUID, Event> locked = new HashMap<>();
        for (UUID id : new TreeSet<>(ids)) {
            locked.put(id, em.find(Event.class, id, LockModeType.PESSIMISTIC_WRITE));
        }
        locked.values().removeIf(java.util.Objects::isNull);
        return locked;
    }

    /** Writes of CAUSED links one at a time: two of them could each be fine alone and close a cycle together. */
    void lockCausedLinks() {
        sql.query("select state_value from app_state where state_key = ? for update", List.of(CAUSED_LOCK), row -> row.getString(1));
    }

    /** A change of the events' links: a new version of each, and its revision. */
    private void recordLinksChanged(Collection<Event> events) {
        Instant now = Clocks.now();
        List<Event> sorted = events.stream().sorted(java.util.Comparator.comparing(Event::getId)).toList();
        sorted.forEach(e -> e.changedBy(actor.name(), now));
        em.flush();
        Map<UUID, List<LinkedEvent>> links = reader.of(sorted.stream().map(Event::getId).toList());
        for (Event e : sorted) {
            changes.record(new Change(ResourceKind.EVENT, e.getId(), Operation.UPDATE, e.getUpdatedAt(),
                    EventMapper.toResponse(e, links.getOrDefault(e.getId(), List.of()))));
        }
    }

    static Source source(SourceDto source) {
        return source == null ? null : new Source(source.url(), source.publisher(), source.title(), source.publishedOn());
    }
}

package dev.chipevents.event.links;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.chipevents.common.Clocks;
import dev.chipevents.common.Ids;
import dev.chipevents.common.problem.FieldError;
import dev.chipevents.common.security.Actor;
import dev.chipevents.event.Event;
import dev.chipevents.event.EventMapper;
import dev.chipevents.history.Change;
import dev.chipevents.history.ChangeRecorder;
import dev.chipevents.history.Operation;
import dev.chipevents.history.ResourceKind;

/**
 * The links a bulk import's rows ask for, made once every row is written, by the rules of a single link
 * ({@link LinkCommands}): other events named by id or externalId (also rows further down), no self-links, no
 * more than {@link LinkCommands#MAX_LINKS_PER_EVENT} per event, no cycle of CAUSED links. Every problem is
 * answered with its row, and the caller rolls the whole import back.
 */
@ApplicationScoped
@Transactional
public class LinkImports {

    private final EntityManager em;
    private final LinkCommands commands;
    private final LinkReader reader;
    private final CausalChains chains;
    private final ChangeRecorder changes;
    private final Actor actor;

    LinkImports(EntityManager em, LinkCommands commands, LinkReader reader, CausalChains chains, ChangeRecorder changes, Actor actor) {
        this.em = em;
        this.commands = commands;
        this.reader = reader;
        this.chains = chains;
        this.changes = changes;
        this.actor = actor;
    }

    /** The links of one row of a bulk import: the event the row wrote, and the links it asks for. */
    public record RowLinks(int row, UUID eventId, List<LinkRequest> links) {
    }

    /**
     * Makes the links of a bulk import's rows once every row is written; a link that exists already is kept as it is.
     * Every problem is returned, with its row (and nothing is recorded then: the caller rolls the import back).
     */
    public List<FieldError> importLinks(List<RowLinks> rows) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> externalIds = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        rows.forEach(r -> r.links().forEach(l -> {
            if (l.externalId() != null) {
                externalIds.add(l.externalId());
            }
            if (l.eventId() != null) {
                ids.add(l.eventId());
            }
        }));
        Map<String, UUID> byExternalId = new HashMap<>();
        for (List<String> part : CausalChains.parts(List.copyOf(externalIds))) {
            em.createQuery("select e.externalId, e.id from Event e where e.externalId in :ids", Object[].class).setParameter("ids", part)
                    .getResultList().forEach(r -> byExternalId.put((String) r[0], (UUID) r[1]));
        }
        Set<UUID> existing = new HashSet<>();
        for (List<UUID> part : CausalChains.parts(List.copyOf(ids))) {
            existing.addAll(
                    em.createQuery("select e.id from Event e where e.id in :ids", UUID.class).setParameter("ids", part).getResultList());
        }
        record Wanted(int row, int index, UUID from, UUID to, LinkRequest request) {
        }
        List<Wanted> wanted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RowLinks row : rows) {
            for (int i = 0; i < row.links().size(); i++) {
                LinkRequest l = row.links().get(i);
                String prefix = "links[" + i + "].";
                UUID to;
                if ((l.eventId() == null) == (l.externalId() == null)) {
                    errors.add(
                            new FieldError(row.row(), prefix + "eventId", "name the other event by eventId or by externalId, exactly one"));
                    continue;
                } else if (l.externalId() != null) {
                    to = byExternalId.get(l.externalId());
                    if (to == null) {
                        errors.add(
                                new FieldError(row.row(), prefix + "externalId", "no event (stored or in this import) has the externalId '"
                                        + l.externalId() + "'"));
                        continue;
                    }
                } else {
                    to = l.eventId();
                    if (!existing.contains(to)) {
                        errors.add(new FieldError(row.row(), prefix + "eventId", "no event has the id " + to));
                        continue;
                    }
                }
                if (to.equals(row.eventId())) {
                    errors.add(new FieldError(row.row(), prefix + (l.externalId() != null ? "externalId" : "eventId"),
                            "names this row's own event; an event cannot be linked to itself"));
                    continue;
                }
                if (!seen.add(row.eventId() + " " + to + " " + l.type())) {
                    errors.add(new FieldError(row.row(), prefix + "type", "repeats a " + l.type() + " link of this row"));
                    continue;
                }
                wanted.add(new Wanted(row.row(), i, row.eventId(), to, l));
            }
        }
        if (!errors.isEmpty() || wanted.isEmpty()) {
            return errors;
        }
        if (wanted.stream().anyMatch(w -> w.request().type() == LinkType.CAUSED)) {
            commands.lockCausedLinks();
        }
        Set<String> stored = new HashSet<>();
        Set<UUID> froms = new HashSet<>();
        wanted.forEach(w -> froms.add(w.from()));
        for (List<UUID> part : CausalChains.parts(List.copyOf(froms))) {
            em.createQuery("select l.fromEventId, l.toEventId, l.type from EventLink l where l.fromEventId in :ids", Object[].class)
                    .setParameter("ids", part).getResultList().forEach(r -> stored.add(r[0] + " " + r[1] + " " + r[2]));
        }
        List<Wanted> fresh = wanted.stream().filter(w -> !stored.contains(w.from() + " " + w.to() + " " + w.request().type())).toList();
        Set<UUID> touched = new LinkedHashSet<>();
        fresh.forEach(w -> {
            touched.add(w.from());
            touched.add(w.to());
        });
        Map<UUID, Long> counts = commands.counts(touched);
        for (Wanted w : fresh) {
            long fromCount = counts.merge(w.from(), 1L, Long::sum);
            long toCount = counts.merge(w.to(), 1L, Long::sum);
            if (fromCount == LinkCommands.MAX_LINKS_PER_EVENT + 1) {
                errors.add(new FieldError(w.row(), "links", "gives this row's event more than " + LinkCommands.MAX_LINKS_PER_EVENT
                        + " links, the most an event may have"));
            }
            if (toCount == LinkCommands.MAX_LINKS_PER_EVENT + 1) {
                errors.add(new FieldError(w.row(), "links[" + w.index() + "]", "gives event " + w.to() + " more than "
                        + LinkCommands.MAX_LINKS_PER_EVENT + " links, the most an event may have"));
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        Instant now = Clocks.now();
        String who = actor.name();
        fresh.forEach(w -> em.persist(new EventLink(Ids.newId(), w.from(), w.to(), w.request().type(), w.request().note(),
                LinkCommands.source(w.request().source()), now, who)));
        em.flush();
        for (Wanted w : fresh) {
            if (w.request().type() == LinkType.CAUSED) {
                List<UUID> back = chains.chainBack(w.from(), w.to());
                if (!back.isEmpty()) {
                    errors.add(new FieldError(w.row(), "links[" + w.index() + "].type", "would make a cycle of CAUSED links: "
                            + chains.describeCycle(back)));
                }
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        List<UUID> all = List.copyOf(touched);
        for (List<UUID> part : CausalChains.parts(all)) {
            List<Event> events = em.createQuery("select e from Event e where e.id in :ids", Event.class).setParameter("ids", part)
                    .getResultList();
            events.forEach(e -> e.changedBy(who, now));
            em.flush();
            Map<UUID, List<LinkedEvent>> links = reader.of(part);
            changes.recordImported(ResourceKind.EVENT, events.stream().map(e -> new Change(ResourceKind.EVENT, e.getId(), Operation.UPDATE,
                    e.getUpdatedAt(), EventMapper.toResponse(e, links.getOrDefault(e.getId(), List.of())))).toList());
            events.forEach(em::detach);
        }
        return errors;
    }
}

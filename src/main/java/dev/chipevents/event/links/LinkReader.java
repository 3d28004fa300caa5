package dev.chipevents.event.links;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.chipevents.event.DatePrecision;
import dev.chipevents.event.SourceDto;

/** The links of events as the API shows them, with the other end's title and date, read in one statement. */
@ApplicationScoped
public class LinkReader {

    /** How an event's links are ordered: by the other event's date, then how they read, then ids. */
    public static final Comparator<LinkedEvent> ORDER = Comparator.comparing(LinkedEvent::occurredOn)
            .thenComparing(LinkedEvent::relation).thenComparing(LinkedEvent::eventId).thenComparing(LinkedEvent::linkId);

    private final EntityManager em;

    LinkReader(EntityManager em) {
        this.em = em;
    }

    /** The links of one event, ordered. */
    public List<LinkedEvent> of(UUID eventId) {
        return of(List.of(eventId)).getOrDefault(eventId, List.of());
    }

    /** The links of each of the events (absent: none), each list ordered. */
    public Map<UUID, List<LinkedEvent>> of(Collection<UUID> eventIds) {
        Map<UUID, List<LinkedEvent>> links = new HashMap<>();
        if (eventIds.isEmpty()) {
            return links;
        }
        Set<UUID> wanted = new HashSet<>(eventIds);
        List<Object[]> rows = em.createQuery("select l.id, l.type, l.note, l.source.url, l.source.publisher, l.source.title,"
                + " l.source.publishedOn, f.id, f.title, f.occurredOn, f.datePrecision, t.id, t.title, t.occurredOn, t.datePrecision"
                + " from EventLink l join Event f on f.id = l.fromEventId join Event t on t.id = l.toEventId"
                + " where l.fromEventId in :ids or l.toEventId in :ids", Object[].class)
                .setParameter("ids", List.copyOf(wanted)).getResultList();
        for (Object[] r : rows) {
            UUID linkId = (UUID) r[0];
            LinkType type = (LinkType) r[1];
            String note = (String) r[2];
            SourceDto source = r[3] == null ? null : new SourceDto((String) r[3], (String) r[4], (String) r[5], (LocalDate) r[6]);
            UUID from = (UUID) r[7];
            UUID to = (UUID) r[11];
            if (wanted.contains(from)) {
                links.computeIfAbsent(from, k -> new ArrayList<>()).add(new LinkedEvent(linkId, type, LinkDirection.OUTGOING,
                        type.readFrom(LinkDirection.OUTGOING), to, (String) r[12], (LocalDate) r[13], (DatePrecision) r[14], note, source));
            }
            if (wanted.contains(to)) {
                links.computeIfAbsent(to, k -> new ArrayList<>()).add(new LinkedEvent(linkId, type, LinkDirection.INCOMING,
                        type.readFrom(LinkDirection.INCOMING), from, (String) r[8], (LocalDate) r[9], (DatePrecision) r[10], note, source));
            }
        }
        links.values().forEach(list -> list.sort(ORDER));
        return links;
    }
}

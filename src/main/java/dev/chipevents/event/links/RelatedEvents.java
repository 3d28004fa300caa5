package dev.chipevents.event.links;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.chipevents.common.problem.NotFoundProblem;
import dev.chipevents.event.DatePrecision;
import dev.chipevents.event.EventType;

/** Walks the links around an event breadth first, one statement per step, into a small graph. */
@ApplicationScoped
@Transactional
public class RelatedEvents {

    /** The most events one graph holds. */
    public static final int MAX_NODES = 500;

    private final EntityManager em;

    RelatedEvents(EntityManager em) {
        this.em = em;
    }

    public RelatedGraph around(UUID eventId, int depth, Set<LinkType> types) {
        Map<UUID, Integer> distances = new LinkedHashMap<>();
        distances.put(eventId, 0);
        Map<UUID, RelatedGraph.Edge> edges = new LinkedHashMap<>();
        List<UUID> frontier = List.of(eventId);
        boolean truncated = false;
        for (int step = 1; step <= depth && !frontier.isEmpty(); step++) {
            List<UUID> next = new ArrayList<>();
            for (List<UUID> part : CausalChains.parts(frontier)) {
                List<Object[]> rows = em.createQuery("select l.id, l.type, l.fromEventId, l.toEventId, l.note from EventLink l"
                        + " where (l.fromEventId in :ids or l.toEventId in :ids) and l.type in :types order by l.id", Object[].class)
                        .setParameter("ids", part).setParameter("types", List.copyOf(types)).getResultList();
                for (Object[] r : rows) {
                    UUID from = (UUID) r[2];
                    UUID to = (UUID) r[3];
                    for (UUID end : List.of(from, to)) {
                        if (!distances.containsKey(end)) {
                            if (distances.size() >= MAX_NODES) {
                                truncated = true;
                                continue;
                            }
                            distances.put(end, step);
                            next.add(end);
                        }
                    }
                    if (distances.containsKey(from) && distances.containsKey(to)) {
                        edges.putIfAbsent((UUID) r[0], new RelatedGraph.Edge((UUID) r[0], (LinkType) r[1], from, to, (String) r[4]));
                    }
                }
            }
            frontier = next;
        }
        Map<UUID, RelatedGraph.Node> nodes = new HashMap<>();
        for (List<UUID> part : CausalChains.parts(List.copyOf(distances.keySet()))) {
            em.createQuery("select e.id, e.type, e.title, e.occurredOn, e.datePrecision from Event e where e.id in :ids", Object[].class)
                    .setParameter("ids", part).getResultList()
                    .forEach(r -> nodes.put((UUID) r[0], new RelatedGraph.Node((UUID) r[0], (EventType) r[1], (String) r[2],
                            (LocalDate) r[3], (DatePrecision) r[4], distances.get((UUID) r[0]))));
        }
        if (!nodes.containsKey(eventId)) {
            throw new NotFoundProblem("event", eventId);
        }
        List<RelatedGraph.Node> ordered = new ArrayList<>(nodes.values());
        ordered.sort(Comparator.comparingInt(RelatedGraph.Node::distance).thenComparing(RelatedGraph.Node::occurredOn)
                .thenComparing(RelatedGraph.Node::id));
        List<RelatedGraph.Edge> walked = new ArrayList<>(edges.values());
        walked.sort(Comparator.comparing((RelatedGraph.Edge e) -> nodes.get(e.from()).occurredOn())
                .thenComparing(e -> nodes.get(e.to()).occurredOn()).thenComparing(RelatedGraph.Edge::type)
                .thenComparing(RelatedGraph.Edge::linkId));
        return new RelatedGraph(eventId, depth, types.stream().sorted().toList(), ordered, walked, truncated);
    }
}

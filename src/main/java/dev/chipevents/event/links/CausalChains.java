package dev.chipevents.event.links;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Chains of CAUSED links, which may never lead back to where they start: finds the chain a new link would
 * close into a cycle, walking the stored links breadth first (one statement per step of the chain).
 */
@ApplicationScoped
class CausalChains {

    private static final int IN_LIST = 500;

    private final EntityManager em;

    CausalChains(EntityManager em) {
        this.em = em;
    }

    /**
     * The chain of stored CAUSED links from `to` back to `from` ([to, ..., from]), which a CAUSED link from `from` to
     * `to` would close into a cycle; empty when there is none.
     */
    List<UUID> chainBack(UUID from, UUID to) {
        Map<UUID, UUID> reachedFrom = new HashMap<>();
        Set<UUID> seen = new HashSet<>(List.of(to));
        List<UUID> frontier = List.of(to);
        while (!frontier.isEmpty()) {
            List<UUID> next = new ArrayList<>();
            for (List<UUID> part : parts(frontier)) {
                for (Object[] edge : em.createQuery("select l.fromEventId, l.toEventId from EventLink l"
                        + " where l.type = :caused and l.fromEventId in :frontier", Object[].class)
                        .setParameter("caused", LinkType.CAUSED).setParameter("frontier", part).getResultList()) {
                    UUID cause = (UUID) edge[0];
                    UUID effect = (UUID) edge[1];
                    if (seen.add(effect)) {
                        reachedFrom.put(effect, cause);
                        if (effect.equals(from)) {
                            return chain(reachedFrom, to, from);
                        }
                        next.add(effect);
                    }
                }
            }
            frontier = next;
        }
        return List.of();
    }

    /** "A (title) → B (title) → A (title)": the cycle a new link from the chain's last event to its first would make. */
    String describeCycle(List<UUID> chainBack) {
        List<UUID> cycle = new ArrayList<>();
        cycle.add(chainBack.get(chainBack.size() - 1));
        cycle.addAll(chainBack);
        Map<UUID, String> titles = new LinkedHashMap<>();
        em.createQuery("select e.id, e.title from Event e where e.id in :ids", Object[].class).setParameter("ids", List.copyOf(cycle))
                .getResultList().forEach(r -> titles.put((UUID) r[0], (String) r[1]));
        return cycle.stream().map(id -> id + " (" + titles.getOrDefault(id, "?") + ")").collect(Collectors.joining(" CAUSED "));
    }

    private static List<UUID> chain(Map<UUID, UUID> reachedFrom, UUID start, UUID end) {
        List<UUID> chain = new ArrayList<>();
        for (UUID at = end; at != null; at = at.equals(start) ? null : reachedFrom.get(at)) {
            chain.add(at);
        }
        Collections.reverse(chain);
        return chain;
    }

    static <T> List<List<T>> parts(List<T> all) {
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_LIST) {
            parts.add(all.subList(i, Math.min(all.size(), i + IN_LIST)));
        }
        return parts;
    }
}

package dev.chipevents.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.chipevents.common.Clocks;
import dev.chipevents.common.security.Actor;

/**
 * The change history of events and companies, in audit tables of our own: each revision keeps the
 * whole state as JSON so that any past version can be shown or brought back.
 */
@ApplicationScoped
public class Revisions {

    public enum Operation { CREATE, UPDATE, DELETE, RESTORE }

    /** The kinds of resource with a history, and their tables. */
    public enum Kind {
        EVENT("event_revision", "event_id"),
        COMPANY("company_revision", "company_id");

        final String table;
        final String idColumn;

        Kind(String table, String idColumn) {
            this.table = table;
            this.idColumn = idColumn;
        }
    }

    public record Revision(int revision, Operation operation, Instant changedAt, String changedBy, String state) {
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final Actor actor;

    public Revisions(EntityManager em, ObjectMapper json, Actor actor) {
        this.em = em;
        this.json = json;
        this.actor = actor;
    }

    /** Records a change in the caller's transaction. */
    public void record(Kind kind, UUID id, Operation operation, Object state) {
        // A new id has no history yet: skip the lookup (it matters for bulk imports).
        Number last = operation == Operation.CREATE ? 0 : (Number) em.createNativeQuery("select coalesce(max(revision), 0) from "
                + kind.table + " where " + kind.idColumn + " = ?1").setParameter(1, id).getSingleResult();
        try {
            em.createNativeQuery("insert into " + kind.table + " (" + kind.idColumn
                    + ", revision, operation, changed_at, changed_by, state) values (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, id).setParameter(2, last.intValue() + 1).setParameter(3, operation.name())
                    .setParameter(4, Clocks.now()).setParameter(5, actor.name()).setParameter(6, json.writeValueAsString(state))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Revision> list(Kind kind, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select revision, operation, changed_at, changed_by, state from " + kind.table
                + " where " + kind.idColumn + " = ?1 order by revision").setParameter(1, id).getResultList();
        List<Revision> revisions = new ArrayList<>();
        for (Object[] row : rows) {
            revisions.add(new Revision(((Number) row[0]).intValue(), Operation.valueOf((String) row[1]), Clocks.toInstant(row[2]),
                    (String) row[3], (String) row[4]));
        }
        return revisions;
    }

    /** The last revision made at or before the instant. */
    public Optional<Revision> asOf(Kind kind, UUID id, Instant at) {
        return list(kind, id).stream().filter(r -> !r.changedAt().isAfter(at)).reduce((a, b) -> b);
    }

    public <T> T state(Revision revision, Class<T> type) {
        try {
            return json.readValue(revision.state(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.chipevents.history;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the recorded changes of a resource: its whole history, or the state it had at an instant. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class History {

    private final Revisions revisions;
    private final ObjectMapper json;

    History(Revisions revisions, ObjectMapper json) {
        this.revisions = revisions;
        this.json = json;
    }

    /** Every revision, oldest first; empty when the resource never existed. */
    public List<Revision> list(ResourceKind kind, UUID id) {
        return revisions.list(kind, id);
    }

    /** A revision's state in the API's shape. */
    public <T> T state(Revision revision, Class<T> type) {
        try {
            return json.readValue(revision.state(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored revision does not read back as " + type.getSimpleName(), e);
        }
    }
}

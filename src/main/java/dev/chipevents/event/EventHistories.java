package dev.chipevents.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chipevents.common.problem.NotFoundProblem;
import dev.chipevents.history.History;
import dev.chipevents.history.Operation;
import dev.chipevents.history.ResourceKind;
import dev.chipevents.history.Revision;

/** An event's past: every revision, or the event as it stood at an instant. */
@ApplicationScoped
public class EventHistories {

    private final History history;

    EventHistories(History history) {
        this.history = history;
    }

    public EventHistory of(UUID id) {
        List<Revision> all = history.list(ResourceKind.EVENT, id);
        if (all.isEmpty()) {
            throw new NotFoundProblem("event (now or in the past)", id);
        }
        return new EventHistory(id, all.stream().map(r -> new EventHistory.Revision(r.revision(), r.operation().name(),
                r.changedAt(), r.changedBy(), history.state(r, EventResponse.class))).toList());
    }

    /** The event as the ledger held it at the instant (the ledger's own time, not when the event occurred). */
    public EventResponse asOf(UUID id, Instant at) {
        List<Revision> all = history.list(ResourceKind.EVENT, id);
        if (all.isEmpty()) {
            throw new NotFoundProblem("event (now or in the past)", id);
        }
        Revision revision = all.stream().filter(r -> !r.changedAt().isAfter(at)).reduce((a, b) -> b)
                .orElseThrow(() -> new NotFoundProblem("The ledger did not hold event '" + id + "' yet at " + at + ": it first held it at "
                        + all.get(0).changedAt() + ". asOf is the ledger's own time (when a change was recorded), not when the event"
                        + " occurred; ask for an instant at or after " + all.get(0).changedAt() + "."));
        if (revision.operation() == Operation.DELETE) {
            throw new NotFoundProblem("The event '" + id + "' was deleted at " + revision.changedAt() + ", before " + at + ".");
        }
        return history.state(revision, EventResponse.class);
    }
}

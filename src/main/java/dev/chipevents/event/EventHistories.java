package dev.chipevents.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chipevents.common.problem.NotFoundProblem;
import dev.chipevents.history.History;
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

    /** The event as it stood at the instant. */
    public EventResponse asOf(UUID id, Instant at) {
        Revision revision = history.asOf(ResourceKind.EVENT, id, at)
                .orElseThrow(() -> new NotFoundProblem("event at " + at, id));
        if (revision.operation() == dev.chipevents.history.Operation.DELETE) {
            throw new NotFoundProblem("event at " + at + " (it was deleted at " + revision.changedAt() + ")", id);
        }
        return history.state(revision, EventResponse.class);
    }
}

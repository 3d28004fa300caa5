package dev.chipevents.event;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.chipevents.common.Clocks;
import dev.chipevents.common.Ids;
import dev.chipevents.common.http.ETags;
import dev.chipevents.common.http.MergePatch;
import dev.chipevents.common.json.ServerOwnedFields;
import dev.chipevents.common.problem.ConflictProblem;
import dev.chipevents.common.problem.FieldError;
import dev.chipevents.common.problem.InvalidRequestProblem;
import dev.chipevents.common.problem.NotFoundProblem;
import dev.chipevents.common.security.Actor;
import dev.chipevents.event.links.LinkCommands;
import dev.chipevents.event.links.LinkReader;
import dev.chipevents.event.stats.MonthTally;
import dev.chipevents.history.Change;
import dev.chipevents.history.ChangeRecorder;
import dev.chipevents.history.History;
import dev.chipevents.history.Operation;
import dev.chipevents.history.ResourceKind;
import dev.chipevents.history.Revision;

/**
 * Every write of a single event: create, replace, patch, delete and restore, each ending in one recorded change. Links
 * are written by {@link LinkCommands}: a deleted event's links are removed, a restored one's brought back.
 */
@ApplicationScoped
@Transactional
public class EventCommands {

    private final EventRepository events;
    private final EventApplier applier;
    private final ChangeRecorder changes;
    private final History history;
    private final MergePatch mergePatch;
    private final Actor actor;
    private final LinkReader links;
    private final LinkCommands linkCommands;
    private final ObjectMapper json;
    private final MonthTally tally;

    EventCommands(EventRepository events, EventApplier applier, ChangeRecorder changes, History history, MergePatch mergePatch,
            Actor actor, LinkReader links, LinkCommands linkCommands, ObjectMapper json, MonthTally tally) {
        this.events = events;
        this.applier = applier;
        this.changes = changes;
        this.history = history;
        this.mergePatch = mergePatch;
        this.actor = actor;
        this.links = links;
        this.linkCommands = linkCommands;
        this.json = json;
        this.tally = tally;
    }

    public EventResponse create(EventRequest request) {
        return create(request, Ids.newId());
    }

    /** Creates the event with an id of the caller's (the starter dataset's fixed ids). */
    public EventResponse create(EventRequest request, UUID id) {
        checkExternalId(request.externalId(), null);
        Event event = new Event(id, Clocks.now());
        applier.apply(event, request);
        event.changedBy(actor.name(), event.getCreatedAt());
        events.persist(event);
        return recorded(event, Operation.CREATE, null);
    }

    /** Replaces every field; server-owned fields sent back from a GET must still be what is stored. */
    public EventResponse replace(UUID id, EventRequest request, String ifMatch, Map<String, JsonNode> serverOwned) {
        Event event = find(id);
        ETags.requireMatch(ifMatch, event.getVersion());
        ServerOwnedFields.requireStored(serverOwned, event.serverOwnedFields());
        if (request.links() != null && !request.links().equals(json.valueToTree(links.of(id)))) {
            throw new InvalidRequestProblem("links", "differ from the links stored; links are made with POST and removed with DELETE"
                    + " on /api/v1/events/" + id + "/links: send them as GET answered them, or leave them out");
        }
        return update(event, request);
    }

    /** A JSON Merge Patch applied to the current state, checked and written in one transaction. */
    public EventResponse patch(UUID id, String patch, String ifMatch) {
        Event event = find(id);
        ETags.requireMatch(ifMatch, event.getVersion());
        if (patchesLinks(patch)) {
            throw new InvalidRequestProblem("links", "are made with POST and removed with DELETE on /api/v1/events/" + id + "/links,"
                    + " not patched");
        }
        return update(event, mergePatch.apply(EventMapper.toRequest(event), patch, EventRequest.class));
    }

    public void delete(UUID id, String ifMatch) {
        Event event = find(id);
        ETags.checkMatch(ifMatch, event.getVersion());
        EventResponse deleted = EventMapper.toResponse(event, links.of(id));
        MonthTally.Entry before = MonthTally.of(event);
        linkCommands.removeAll(event);
        events.delete(event);
        changes.record(new Change(ResourceKind.EVENT, id, Operation.DELETE, Clocks.now(), deleted));
        tally.moved(before, null);
    }

    /** Brings a deleted event back, with its id, as it was when deleted. */
    public EventResponse restore(UUID id) {
        if (events.findById(id) != null) {
            throw new ConflictProblem("Event " + id + " exists; only a deleted event can be restored.");
        }
        List<Revision> revisions = history.list(ResourceKind.EVENT, id);
        if (revisions.isEmpty()) {
            throw new NotFoundProblem("deleted event", id);
        }
        EventResponse last = history.state(revisions.get(revisions.size() - 1), EventResponse.class);
        EventRequest request = EventMapper.toRequest(last);
        checkExternalId(request.externalId(), null);
        Event event = new Event(id, last.createdAt());
        try {
            applier.apply(event, request);
        } catch (InvalidRequestProblem e) {
            throw new ConflictProblem("The event names companies that no longer exist; create them again first.", e.errors());
        }
        event.changedBy(actor.name(), Clocks.now());
        events.persist(event);
        events.flush();
        linkCommands.restore(event, last.links());
        return recorded(event, Operation.RESTORE, null);
    }

    /** Refuses an externalId that another event has (409). */
    public void checkExternalId(String externalId, UUID self) {
        if (externalId == null) {
            return;
        }
        events.findByExternalId(externalId).filter(other -> !other.getId().equals(self)).ifPresent(other -> {
            throw new ConflictProblem("Another event already has this externalId.",
                    List.of(new FieldError("externalId", "is already used by event " + other.getId())));
        });
    }

    private EventResponse update(Event event, EventRequest request) {
        checkExternalId(request.externalId(), event.getId());
        MonthTally.Entry before = MonthTally.of(event);
        applier.apply(event, request);
        event.changedBy(actor.name(), Clocks.now());
        return recorded(event, Operation.UPDATE, before);
    }

    /** Records the change; `before` is what the event counted as in the statistics before it (null when new). */
    private EventResponse recorded(Event event, Operation operation, MonthTally.Entry before) {
        events.flush(); // the new version, before it is answered
        EventResponse state = EventMapper.toResponse(event, operation == Operation.CREATE ? List.of() : links.of(event.getId()));
        changes.record(new Change(ResourceKind.EVENT, event.getId(), operation, event.getUpdatedAt(), state));
        tally.moved(before, MonthTally.of(event));
        return state;
    }

    /** Whether a merge patch names `links` at its top level (links have their own operations); a malformed one is MergePatch's to refuse. */
    private boolean patchesLinks(String patch) {
        try {
            JsonNode node = patch == null ? null : json.readTree(patch);
            return node != null && node.isObject() && node.has("links");
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private Event find(UUID id) {
        Event event = events.findById(id);
        if (event == null) {
            throw new NotFoundProblem("event", id);
        }
        return event;
    }
}

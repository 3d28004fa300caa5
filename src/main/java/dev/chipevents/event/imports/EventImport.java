package dev.chipevents.event.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import dev.chipevents.common.Clocks;
import dev.chipevents.common.Ids;
import dev.chipevents.common.db.PostgresPlans;
import dev.chipevents.common.db.Sql;
import dev.chipevents.common.problem.FieldError;
import dev.chipevents.common.problem.InvalidRequestProblem;
import dev.chipevents.common.security.Actor;
import dev.chipevents.company.CompanyReferences;
import dev.chipevents.event.Event;
import dev.chipevents.event.EventApplier;
import dev.chipevents.event.EventMapper;
import dev.chipevents.event.EventRequest;
import dev.chipevents.event.links.LinkImports;
import dev.chipevents.event.links.LinkReader;
import dev.chipevents.event.links.LinkRequest;
import dev.chipevents.event.links.LinkedEvent;
import dev.chipevents.event.stats.MonthTally;
import dev.chipevents.history.Change;
import dev.chipevents.history.ChangeRecorder;
import dev.chipevents.history.Operation;
import dev.chipevents.history.ResourceKind;

/**
 * Bulk import of events from a JSON array or CSV, streamed row by row and written in chunks inside
 * one transaction: if any row is invalid, nothing is written and every bad row is reported (up to
 * a thousand). Rows are read by {@link ImportRows}, filled in by the same applier as a single write,
 * inserted by {@link EventBatchWriter} and recorded as changes chunk by chunk.
 */
@ApplicationScoped
public class EventImport {

    /** Valid rows written together: one existence query, one company lookup and one JDBC batch per table. */
    private static final int CHUNK = 1000;
    private static final int MAX_ERRORS = 1000;

    private final EntityManager em;
    private final Sql sql;
    private final ObjectMapper json;
    private final Validator validator;
    private final Actor actor;
    private final EventApplier applier;
    private final EventBatchWriter writer;
    private final ChangeRecorder changes;
    private final LinkReader links;
    private final LinkImports linkImports;
    private final MonthTally tally;

    EventImport(EntityManager em, Sql sql, ObjectMapper json, Validator validator, Actor actor, EventApplier applier,
            EventBatchWriter writer, ChangeRecorder changes, LinkReader links, LinkImports linkImports, MonthTally tally) {
        this.em = em;
        this.sql = sql;
        this.json = json;
        this.validator = validator;
        this.actor = actor;
        this.applier = applier;
        this.writer = writer;
        this.changes = changes;
        this.links = links;
        this.linkImports = linkImports;
        this.tally = tally;
    }

    /** A valid row waiting for its chunk to be written, with the links it asks for. */
    private record Pending(int row, EventRequest request, List<LinkRequest> links) {
    }

    private static final class Counts {

        long created;
        long updated;
    }

    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public ImportResult importEvents(InputStream body, ImportRows.Format format, Charset charset, boolean upsert) throws IOException {
        ImportRows rows = new ImportRows(body, format, charset, json, validator);
        List<FieldError> errors = new ArrayList<>();
        Set<String> externalIds = new HashSet<>();
        Counts counts = new Counts();
        List<LinkImports.RowLinks> rowLinks = new ArrayList<>();
        List<Pending> chunk = new ArrayList<>(CHUNK);
        // Writes are flushed explicitly, chunk by chunk; no query should trigger a flush on its own.
        em.setFlushMode(FlushModeType.COMMIT);
        while (rows.hasNext() && errors.size() < MAX_ERRORS) {
            ImportRows.Row row = rows.next();
            if (!row.errors().isEmpty()) {
                errors.addAll(row.errors());
                if (row.request() == null && row.errors().get(0).field().equals("body")) {
                    break;
                }
                continue;
            }
            String externalId = row.request().externalId();
            if (externalId != null && !externalIds.add(externalId)) {
                errors.add(new FieldError(row.number(), "externalId", "repeats an externalId of an earlier row"));
                continue;
            }
            chunk.add(new Pending(row.number(), row.request(), row.links()));
            if (chunk.size() == CHUNK) {
                write(chunk, upsert, errors, counts, rowLinks);
                chunk.clear();
            }
        }
        write(chunk, upsert, errors, counts, rowLinks);
        if (errors.isEmpty() && !rowLinks.isEmpty()) {
            // Once every row is written, so that a link may name a row further down by its externalId.
            errors.addAll(linkImports.importLinks(rowLinks));
        }
        if (rows.count() == 0) {
            errors.add(new FieldError("body", "has no rows"));
        }
        if (!errors.isEmpty()) {
            // Rows refused for an existing externalId are found chunk by chunk, after later rows' own errors.
            errors.sort(Comparator.comparing(FieldError::row, Comparator.nullsLast(Integer::compare)));
            throw new InvalidRequestProblem(errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
        }
        return new ImportResult(counts.created, counts.updated);
    }

    /**
     * Writes one chunk of valid rows: one query finds the rows whose externalId exists; new events go in
     * with JDBC batch inserts, existing ones (mode=upsert, the rare case) are updated through the entity.
     * Once any row has failed, only checks (nothing is written).
     */
    private void write(List<Pending> chunk, boolean upsert, List<FieldError> errors, Counts counts, List<LinkImports.RowLinks> rowLinks) {
        if (chunk.isEmpty()) {
            return;
        }
        Map<String, Event> existing = existing(chunk);
        CompanyReferences.Resolution companies = applier.companiesOf(chunk.stream().map(Pending::request).toList());
        String who = actor.name();
        List<Event> created = new ArrayList<>(chunk.size());
        List<Event> updated = new ArrayList<>();
        List<MonthTally.Entry[]> tallied = new ArrayList<>(chunk.size());
        for (Pending pending : chunk) {
            EventRequest request = pending.request();
            Event event = request.externalId() == null ? null : existing.get(request.externalId());
            if (event != null && !upsert) {
                errors.add(new FieldError(pending.row(), "externalId", "already exists (event " + event.getId()
                        + "); send mode=upsert to update it"));
                continue;
            }
            boolean fresh = event == null;
            Event target = fresh ? new Event(Ids.newId(), Clocks.now()) : event;
            MonthTally.Entry before = fresh ? null : MonthTally.of(target);
            try {
                applier.apply(target, request, companies);
            } catch (InvalidRequestProblem e) {
                e.errors().forEach(error -> errors.add(new FieldError(pending.row(), error.field(), error.message())));
                continue;
            }
            target.changedBy(who, fresh ? target.getCreatedAt() : Clocks.now());
            (fresh ? created : updated).add(target);
            tallied.add(new MonthTally.Entry[]{ before, MonthTally.of(target) });
            if (!pending.links().isEmpty()) {
                rowLinks.add(new LinkImports.RowLinks(pending.row(), target.getId(), pending.links()));
            }
        }
        if (errors.isEmpty()) {
            writer.insert(created);
            List<Change> recorded = new ArrayList<>(created.size() + updated.size());
            created.forEach(e -> recorded.add(new Change(ResourceKind.EVENT, e.getId(), Operation.CREATE, e.getCreatedAt(),
                    EventMapper.toResponse(e, List.of()))));
            em.flush(); // the updates, and so their new versions, before their revisions
            Map<UUID, List<LinkedEvent>> linked = updated.isEmpty() ? Map.of() : links.of(updated.stream().map(Event::getId).toList());
            updated.forEach(e -> recorded.add(new Change(ResourceKind.EVENT, e.getId(), Operation.UPDATE, e.getUpdatedAt(),
                    EventMapper.toResponse(e, linked.getOrDefault(e.getId(), List.of())))));
            changes.recordImported(ResourceKind.EVENT, recorded);
            tallied.forEach(change -> tally.moved(change[0], change[1]));
            counts.created += created.size();
            counts.updated += updated.size();
        }
        existing.values().forEach(em::detach);
    }

    /** The events of the chunk's externalIds that exist already, by externalId (one query). */
    private Map<String, Event> existing(List<Pending> chunk) {
        List<String> ids = chunk.stream().map(p -> p.request().externalId()).filter(Objects::nonNull).toList();
        Map<String, Event> found = new HashMap<>();
        if (!ids.isEmpty()) {
            PostgresPlans.customPlansInThisTransaction(sql, true);
            em.createQuery("select e from Event e where e.externalId in :ids", Event.class).setParameter("ids", ids)
                    .getResultList().forEach(e -> found.put(e.getExternalId(), e));
            PostgresPlans.customPlansInThisTransaction(sql, false);
        }
        return found;
    }
}

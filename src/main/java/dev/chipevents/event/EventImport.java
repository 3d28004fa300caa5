package dev.chipevents.event;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import dev.chipevents.common.Clocks;
import dev.chipevents.common.Ids;
import dev.chipevents.common.problem.FieldError;
import dev.chipevents.common.problem.InvalidRequestException;
import dev.chipevents.common.problem.ProblemMapper;
import dev.chipevents.common.security.Actor;
import dev.chipevents.company.Company;
import dev.chipevents.history.Revisions;

/**
 * Bulk import of events from a JSON array or CSV (the columns of the CSV export), streamed row by row
 * and written in batches inside one transaction: if any row is invalid, nothing is written and every
 * bad row is reported.
 */
@ApplicationScoped
public class EventImport {

    /** Valid rows written together: one existence query and one JDBC batch per table. */
    private static final int CHUNK = 1000;
    private static final int MAX_ERRORS = 1000;
    private static final Set<String> REQUEST_FIELDS = Set.of("type", "occurredOn", "datePrecision", "title", "summary", "amount",
            "currency", "percentChange", "country", "tags", "sources", "externalId");
    /** Export columns the server owns: accepted so that an export imports back unchanged, and ignored. */
    private static final Set<String> SERVER_OWNED = Set.of("id", "createdAt", "updatedAt", "version", "createdBy", "updatedBy");
    private static final Set<String> TEXT_COLUMNS = Set.of("title", "summary", "externalId");

    public enum Format { JSON, CSV }

    private final EventService events;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Validator validator;
    private final Actor actor;
    private final Revisions revisions;
    private final EventMetrics metrics;
    private final jakarta.enterprise.event.Event<EventsChanged> changed;

    public EventImport(EventService events, EntityManager em, ObjectMapper json, Validator validator,
            Actor actor, Revisions revisions, EventMetrics metrics,
            jakarta.enterprise.event.Event<EventsChanged> changed) {
        this.changed = changed;
        this.events = events;
        this.em = em;
        this.json = json;
        this.validator = validator;
        this.actor = actor;
        this.revisions = revisions;
        this.metrics = metrics;
    }

    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public ImportResult importEvents(InputStream body, Format format, java.nio.charset.Charset charset, boolean upsert) throws IOException {
        Companies companies = new Companies();
        List<FieldError> errors = new ArrayList<>();
        Set<String> externalIds = new HashSet<>();
        Counts counts = new Counts();
        List<Pending> chunk = new ArrayList<>(CHUNK);
        int row = 0;
        // Writes are flushed explicitly, chunk by chunk; no query should trigger a flush on its own.
        em.setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
        boolean postgres = EventBatchWriter.isPostgres(em);
        Iterator<ObjectNode> rows = format == Format.JSON ? jsonRows(body) : csvRows(new java.io.InputStreamReader(body, charset));
        while (rows.hasNext() && errors.size() < MAX_ERRORS) {
            row++;
            ObjectNode node;
            try {
                node = rows.next();
            } catch (RuntimeException e) {
                errors.add(new FieldError(row, "body", "could not be read: " + rootMessage(e)));
                break;
            }
            EventRequest request = toRequest(row, node, companies, errors);
            if (request == null) {
                continue;
            }
            if (request.externalId() != null && !externalIds.add(request.externalId())) {
                errors.add(new FieldError(row, "externalId", "repeats an externalId of an earlier row"));
                continue;
            }
            chunk.add(new Pending(row, request));
            if (chunk.size() == CHUNK) {
                writeChunk(chunk, upsert, postgres, errors, counts);
                chunk.clear();
            }
        }
        writeChunk(chunk, upsert, postgres, errors, counts);
        if (row == 0) {
            errors.add(new FieldError("body", "has no rows"));
        }
        if (!errors.isEmpty()) {
            // Rows refused for an existing externalId are found chunk by chunk, after later rows' own errors.
            errors.sort(java.util.Comparator.comparing(FieldError::row, java.util.Comparator.nullsLast(Integer::compare)));
            throw new InvalidRequestException(errors.size() >= MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
        }
        metrics.imported(counts.created + counts.updated);
        changed.fire(EventsChanged.INSTANCE);
        return new ImportResult(counts.created, counts.updated);
    }

    /** A valid row waiting for its chunk to be written. */
    private record Pending(int row, EventRequest request) {
    }

    private static final class Counts {
        long created;
        long updated;
    }

    /**
     * Writes one chunk of valid rows: one query finds the rows whose externalId exists; new events go in
     * with JDBC batch inserts, existing ones (mode=upsert, the rare case) are updated through the entity.
     * Once any row has failed, only checks (nothing is written).
     */
    private void writeChunk(List<Pending> chunk, boolean upsert, boolean postgres, List<FieldError> errors, Counts counts) {
        if (chunk.isEmpty()) {
            return;
        }
        Map<String, Event> existing = existing(chunk, postgres);
        String who = actor.name();
        List<EventBatchWriter.NewEvent> created = new ArrayList<>(chunk.size());
        List<Event> updated = new ArrayList<>();
        for (Pending pending : chunk) {
            EventRequest request = pending.request();
            Event event = request.externalId() == null ? null : existing.get(request.externalId());
            if (event != null && !upsert) {
                errors.add(new FieldError(pending.row(), "externalId", "already exists (event " + event.getId()
                        + "); send mode=upsert to update it"));
                continue;
            }
            if (!errors.isEmpty()) {
                continue; // keep checking the remaining rows, but write nothing more
            }
            if (event == null) {
                // Not persisted: filled in exactly as a single create is, then written by the batch writer.
                Event fresh = new Event(Ids.newId(), Clocks.now());
                events.apply(fresh, request);
                fresh.changedBy(who);
                created.add(new EventBatchWriter.NewEvent(fresh, stateOf(fresh)));
            } else {
                events.apply(event, request);
                event.setUpdatedAt(Clocks.now());
                event.changedBy(who);
                updated.add(event);
            }
        }
        if (!updated.isEmpty() && errors.isEmpty()) {
            em.flush(); // the UPDATEs (and so the new versions) before their revisions
            for (Event event : updated) {
                revisions.record(Revisions.Kind.EVENT, event.getId(), Revisions.Operation.UPDATE, EventMapper.toResponse(event));
            }
            counts.updated += updated.size();
        }
        existing.values().forEach(em::detach);
        if (errors.isEmpty()) {
            EventBatchWriter.insert(em, created, who);
            counts.created += created.size();
        }
    }

    /** The events of the chunk's externalIds that exist already, by externalId (one query). */
    private Map<String, Event> existing(List<Pending> chunk, boolean postgres) {
        List<String> ids = chunk.stream().map(p -> p.request().externalId()).filter(java.util.Objects::nonNull).toList();
        Map<String, Event> found = new HashMap<>();
        if (!ids.isEmpty()) {
            if (postgres) {
                EventBatchWriter.customPlans(em, true);
            }
            em.createQuery("select e from Event e where e.externalId in :ids", Event.class).setParameter("ids", ids)
                    .getResultList().forEach(e -> found.put(e.getExternalId(), e));
            if (postgres) {
                EventBatchWriter.customPlans(em, false);
            }
        }
        return found;
    }

    private String stateOf(Event event) {
        try {
            return json.writeValueAsString(EventMapper.toResponse(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private EventRequest toRequest(int row, ObjectNode node, Companies companies, List<FieldError> errors) {
        ObjectNode request = json.createObjectNode();
        List<FieldError> rowErrors = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (REQUEST_FIELDS.contains(name)) {
                request.set(name, field.getValue());
            } else if (!SERVER_OWNED.contains(name) && !name.equals("participants")) {
                rowErrors.add(new FieldError(row, name, "is not a known column"));
            }
        }
        JsonNode participants = node.get("participants");
        if (participants != null && !participants.isNull()) {
            if (!participants.isArray()) {
                rowErrors.add(new FieldError(row, "participants", "must be an array of {company or companyId, role}"));
            } else {
                ArrayNode resolved = request.putArray("participants");
                for (int i = 0; i < participants.size(); i++) {
                    JsonNode p = participants.get(i);
                    UUID id = companies.resolve(p);
                    if (id == null) {
                        rowErrors.add(new FieldError(row, "participants[" + i + "]", "names no known company (by companyId, ticker or name): "
                                + p));
                    } else {
                        resolved.addObject().put("companyId", id.toString()).set("role", p.get("role"));
                    }
                }
            }
        }
        if (!rowErrors.isEmpty()) {
            errors.addAll(rowErrors);
            return null;
        }
        EventRequest parsed;
        try {
            parsed = json.treeToValue(request, EventRequest.class);
        } catch (JsonProcessingException e) {
            FieldError error = ProblemMapper.fieldErrorOf(e);
            errors.add(new FieldError(row, error.field(), error.message()));
            return null;
        }
        Set<ConstraintViolation<EventRequest>> violations = validator.validate(parsed);
        if (!violations.isEmpty()) {
            violations.stream().map(v -> new FieldError(row, v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(java.util.Comparator.comparing(FieldError::field)).forEach(errors::add);
            return null;
        }
        return parsed;
    }

    private Iterator<ObjectNode> jsonRows(InputStream body) throws IOException {
        JsonParser parser = json.getFactory().createParser(body);
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw new InvalidRequestException("body", "must be a JSON array of events (or CSV with Content-Type text/csv)");
        }
        return new Iterator<>() {
            JsonToken next = parser.nextToken();

            @Override
            public boolean hasNext() {
                return next == JsonToken.START_OBJECT;
            }

            @Override
            public ObjectNode next() {
                try {
                    ObjectNode node = json.readTree(parser);
                    next = parser.nextToken();
                    return node;
                } catch (IOException e) {
                    next = null;
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            }
        };
    }

    private Iterator<ObjectNode> csvRows(java.io.Reader body) throws IOException {
        MappingIterator<Map<String, String>> cells = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(body);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return cells.hasNext();
            }

            @Override
            public ObjectNode next() {
                Map<String, String> cellsOfRow = cells.next();
                ObjectNode node = json.createObjectNode();
                cellsOfRow.forEach((column, value) -> {
                    if (value == null || value.isEmpty()) {
                        return;
                    }
                    switch (column) {
                        case "tags" -> {
                            ArrayNode tags = node.putArray("tags");
                            for (String tag : value.split(";")) {
                                tags.add(tag);
                            }
                        }
                        case "participants", "sources" -> {
                            try {
                                node.set(column, json.readTree(value));
                            } catch (JsonProcessingException e) {
                                node.put(column, value);
                            }
                        }
                        case "amount", "percentChange" -> {
                            try {
                                node.put(column, new java.math.BigDecimal(value));
                            } catch (NumberFormatException e) {
                                node.put(column, value);
                            }
                        }
                        default -> node.put(column, TEXT_COLUMNS.contains(column) ? EventCsv.untext(value) : value);
                    }
                });
                return node;
            }
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return message.replaceAll("`[a-zA-Z0-9_.$]+`", "the expected type");
    }

    /**
     * Finds companies by id, ticker (case-insensitive) or name (case-insensitive). Up to PRELOAD companies
     * are all read once per import; beyond that each distinct reference is looked up once. Either way the
     * companies stay managed (read-only) in the persistence context, so that {@link EventService#apply}
     * finds them there without a query.
     */
    private final class Companies {
        private static final int PRELOAD = 20_000;

        private final Map<String, UUID> byKey = new HashMap<>();
        private final boolean preloaded;

        Companies() {
            long count = em.createQuery("select count(c) from Company c", Long.class).getSingleResult();
            preloaded = count <= PRELOAD;
            if (preloaded) {
                for (Company c : em.createQuery("select c from Company c", Company.class)
                        .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList()) {
                    byKey.put("id:" + c.getId(), c.getId());
                    if (c.getTicker() != null) {
                        byKey.putIfAbsent("ticker:" + c.getTicker().toUpperCase(Locale.ROOT), c.getId());
                    }
                    byKey.put("name:" + c.getNameKey(), c.getId());
                }
            }
        }

        UUID resolve(JsonNode participant) {
            if (participant == null || !participant.isObject()) {
                return null;
            }
            String id = text(participant, "companyId");
            if (id != null) {
                try {
                    UUID found = lookup("id:" + UUID.fromString(id), "select c from Company c where c.id = :v", UUID.fromString(id));
                    if (found != null) {
                        return found;
                    }
                } catch (IllegalArgumentException notAnId) {
                    // fall through to ticker and name
                }
            }
            for (String field : List.of("ticker", "company", "name")) {
                String value = text(participant, field);
                if (value == null) {
                    continue;
                }
                UUID found = lookup("ticker:" + value.toUpperCase(Locale.ROOT), "select c from Company c where upper(c.ticker) = :v",
                        value.toUpperCase(Locale.ROOT));
                if (found == null) {
                    found = lookup("name:" + Company.keyOf(value), "select c from Company c where c.nameKey = :v", Company.keyOf(value));
                }
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        private UUID lookup(String cacheKey, String query, Object value) {
            if (preloaded || byKey.containsKey(cacheKey)) {
                return byKey.get(cacheKey);
            }
            List<Company> found = em.createQuery(query, Company.class).setParameter("v", value).setMaxResults(1)
                    .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
            UUID id = found.isEmpty() ? null : found.get(0).getId();
            byKey.put(cacheKey, id);
            return id;
        }

        private String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
        }
    }
}

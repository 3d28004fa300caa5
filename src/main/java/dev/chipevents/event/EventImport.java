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

    private static final int BATCH = 500;
    private static final int MAX_ERRORS = 1000;
    private static final Set<String> REQUEST_FIELDS = Set.of("type", "occurredOn", "datePrecision", "title", "summary", "amount",
            "currency", "percentChange", "country", "tags", "sources", "externalId");
    /** Export columns the server owns: accepted so that an export imports back unchanged, and ignored. */
    private static final Set<String> SERVER_OWNED = Set.of("id", "createdAt", "updatedAt", "version", "createdBy", "updatedBy");
    private static final Set<String> TEXT_COLUMNS = Set.of("title", "summary", "externalId");

    public enum Format { JSON, CSV }

    private final EventService events;
    private final EventRepository repository;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Validator validator;
    private final Actor actor;
    private final Revisions revisions;
    private final EventMetrics metrics;

    public EventImport(EventService events, EventRepository repository, EntityManager em, ObjectMapper json, Validator validator,
            Actor actor, Revisions revisions, EventMetrics metrics) {
        this.events = events;
        this.repository = repository;
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
        long created = 0;
        long updated = 0;
        int row = 0;
        // Flush in batches, not before every query: with the default AUTO mode each per-row lookup
        // would dirty-check the whole batch (quadratic in the batch size).
        em.setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
        Iterator<ObjectNode> rows = format == Format.JSON ? jsonRows(body) : csvRows(new java.io.InputStreamReader(body, charset));
        String who = actor.name();
        while (rows.hasNext()) {
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
            Event existing = request.externalId() == null ? null : repository.findByExternalId(request.externalId()).orElse(null);
            if (existing != null && !upsert) {
                errors.add(new FieldError(row, "externalId", "already exists (event " + existing.getId() + "); send mode=upsert to update it"));
                continue;
            }
            if (!errors.isEmpty()) {
                continue; // keep checking the remaining rows, but write nothing more
            }
            Event event = existing == null ? new Event(Ids.newId(), Clocks.now()) : existing;
            events.apply(event, request);
            event.changedBy(who);
            if (existing == null) {
                repository.persist(event);
                created++;
            } else {
                event.setUpdatedAt(Clocks.now());
                updated++;
            }
            revisions.record(Revisions.Kind.EVENT, event.getId(), existing == null ? Revisions.Operation.CREATE
                    : Revisions.Operation.UPDATE, EventMapper.toResponse(event));
            if (row % BATCH == 0) {
                em.flush();
                em.clear();
            }
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
        }
        if (row == 0) {
            errors.add(new FieldError("body", "has no rows"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.size() >= MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
        }
        metrics.imported(created + updated);
        return new ImportResult(created, updated);
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

    /** Finds companies by id, ticker (case-insensitive) or name (case-insensitive), remembering what it found. */
    private final class Companies {
        private final Map<String, UUID> byKey = new HashMap<>();

        UUID resolve(JsonNode participant) {
            if (participant == null || !participant.isObject()) {
                return null;
            }
            String id = text(participant, "companyId");
            if (id != null) {
                try {
                    UUID found = lookup("id:" + id, "select c.id from Company c where c.id = :v", UUID.fromString(id));
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
                UUID found = lookup("ticker:" + value.toUpperCase(Locale.ROOT), "select c.id from Company c where upper(c.ticker) = :v",
                        value.toUpperCase(Locale.ROOT));
                if (found == null) {
                    found = lookup("name:" + Company.keyOf(value), "select c.id from Company c where c.nameKey = :v", Company.keyOf(value));
                }
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        private UUID lookup(String cacheKey, String query, Object value) {
            if (byKey.containsKey(cacheKey)) {
                return byKey.get(cacheKey);
            }
            List<UUID> ids = em.createQuery(query, UUID.class).setParameter("v", value).setMaxResults(1).getResultList();
            UUID found = ids.isEmpty() ? null : ids.get(0);
            byKey.put(cacheKey, found);
            return found;
        }

        private String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
        }
    }
}

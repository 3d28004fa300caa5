package dev.chipevents.event.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.chipevents.common.problem.FieldError;
import dev.chipevents.common.problem.InvalidRequestProblem;
import dev.chipevents.common.problem.JsonErrors;
import dev.chipevents.event.EventRequest;
import dev.chipevents.event.links.LinkCommands;
import dev.chipevents.event.links.LinkRequest;

/**
 * Reads the rows of a bulk import — a JSON array of events, or CSV with the columns of the CSV export —
 * one at a time, as the same {@link EventRequest} a single create takes, validated the same way.
 */
final class ImportRows {

    /** What one row became: a valid request (and the links it asks for), or the errors that name what is wrong with it. */
    record Row(int number, EventRequest request, List<LinkRequest> links, List<FieldError> errors) {

        Row(int number, EventRequest request, List<FieldError> errors) {
            this(number, request, List.of(), errors);
        }
    }

    /** The format of the body. */
    enum Format {
        JSON, CSV
    }

    /** Export columns the server owns: accepted so that an export imports back unchanged, and ignored. */
    private static final Set<String> SERVER_OWNED = Set.of("id", "createdAt", "updatedAt", "version", "createdBy", "updatedBy");

    private final ObjectMapper json;
    private final Validator validator;
    private final Iterator<ObjectNode> nodes;
    private int number;

    ImportRows(InputStream body, Format format, Charset charset, ObjectMapper json, Validator validator) throws IOException {
        this.json = json;
        this.validator = validator;
        this.nodes = format == Format.JSON ? jsonRows(body) : csvRows(withoutByteOrderMark(new InputStreamReader(body, charset)));
    }

    boolean hasNext() {
        return nodes.hasNext();
    }

    /** The next row; a body that cannot be read further is one error on the row where it broke. */
    Row next() {
        number++;
        ObjectNode node;
        try {
            node = nodes.next();
        } catch (RuntimeException e) {
            if (e.getCause() instanceof JsonProcessingException unreadable) {
                FieldError error = JsonErrors.of(unreadable);
                return new Row(number, null, List.of(new FieldError(number, "body", error.message())));
            }
            return new Row(number, null, List.of(new FieldError(number, "body", "could not be read: " + JsonErrors.rootMessage(e))));
        }
        return toRequest(number, node);
    }

    int count() {
        return number;
    }

    private Row toRequest(int row, ObjectNode node) {
        ObjectNode request = json.createObjectNode();
        List<FieldError> errors = new ArrayList<>();
        node.fields().forEachRemaining(field -> {
            if (!SERVER_OWNED.contains(field.getKey())) {
                request.set(field.getKey(), field.getValue());
            }
        });
        JsonNode linksNode = request.remove("links");
        List<LinkRequest> links = links(row, linksNode, errors);
        EventRequest parsed;
        try {
            parsed = json.treeToValue(request, EventRequest.class);
        } catch (JsonProcessingException e) {
            FieldError error = JsonErrors.of(e);
            boolean column = !error.field().contains(".") && !error.field().contains("[");
            String message = column && error.message().startsWith("is not a known field") ? "is not a known column" : error.message();
            return new Row(row, null, List.of(new FieldError(row, error.field(), message)));
        }
        Set<ConstraintViolation<EventRequest>> violations = validator.validate(parsed);
        if (!violations.isEmpty()) {
            violations.stream().map(v -> new FieldError(row, v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field)).forEach(errors::add);
        }
        return errors.isEmpty() ? new Row(row, parsed, links, List.of()) : new Row(row, null, errors);
    }

    /** The links a row asks for (a JSON array of LinkRequest, in CSV one cell), each validated like a single link request. */
    private List<LinkRequest> links(int row, JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new FieldError(row, "links",
                    "must be a JSON array of links such as [{\"type\": \"CAUSED\", \"externalId\": \"...\"}]"));
            return List.of();
        }
        if (node.size() > LinkCommands.MAX_LINKS_PER_EVENT) {
            errors.add(new FieldError(row, "links", "must have at most " + LinkCommands.MAX_LINKS_PER_EVENT + " links"));
            return List.of();
        }
        List<LinkRequest> links = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String prefix = "links[" + i + "]";
            try {
                LinkRequest link = json.treeToValue(node.get(i), LinkRequest.class);
                if (link == null) {
                    errors.add(new FieldError(row, prefix, "must be a link object"));
                    continue;
                }
                validator.validate(link).stream().map(v -> new FieldError(row, prefix + "." + v.getPropertyPath(), v.getMessage()))
                        .sorted(Comparator.comparing(FieldError::field)).forEach(errors::add);
                links.add(link);
            } catch (JsonProcessingException e) {
                FieldError error = JsonErrors.of(e);
                errors.add(new FieldError(row, error.field().equals("body") ? prefix : prefix + "." + error.field(), error.message()));
            }
        }
        return links;
    }

    /** Spreadsheets save UTF-8 CSV with a byte-order mark; it is not part of the first column's name. */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private Iterator<ObjectNode> jsonRows(InputStream body) throws IOException {
        JsonParser parser = json.getFactory().createParser(body);
        // Each element is read where the array goes on after it: what follows an element is the array's rest, not garbage.
        ObjectReader element = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw new InvalidRequestProblem("body", "must be a JSON array of events (or CSV with Content-Type text/csv)");
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
                    ObjectNode node = element.readTree(parser);
                    next = parser.nextToken();
                    return node;
                } catch (IOException e) {
                    next = null;
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            }
        };
    }

    private Iterator<ObjectNode> csvRows(Reader body) throws IOException {
        MappingIterator<Map<String, String>> cells = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(body);
        return new Iterator<>() {

            @Override
            public boolean hasNext() {
                return cells.hasNext();
            }

            @Override
            public ObjectNode next() {
                ObjectNode node = json.createObjectNode();
                cells.next().forEach((column, value) -> {
                    if (value != null && !value.isEmpty()) {
                        node.set(column, cell(column, value));
                    }
                });
                return node;
            }
        };
    }

    /** A CSV cell as the JSON value of its column: tags split at ';', participants and sources as JSON, numbers as numbers. */
    private JsonNode cell(String column, String value) {
        switch (column) {
            case "tags" -> {
                ArrayNode tags = json.createArrayNode();
                for (String tag : value.split(";")) {
                    tags.add(tag);
                }
                return tags;
            }
            case "participants", "sources", "links" -> {
                try {
                    return json.readTree(value);
                } catch (JsonProcessingException e) {
                    return json.getNodeFactory().textNode(value);
                }
            }
            case "amount", "percentChange" -> {
                try {
                    return json.getNodeFactory().numberNode(new BigDecimal(value));
                } catch (NumberFormatException e) {
                    return json.getNodeFactory().textNode(value);
                }
            }
            default -> {
                // Kept as sent: a leading apostrophe is data here, even where the export added it to neutralise a formula.
                return json.getNodeFactory().textNode(value);
            }
        }
    }
}

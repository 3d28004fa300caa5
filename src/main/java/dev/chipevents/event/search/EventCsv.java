package dev.chipevents.event.search;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.chipevents.event.EventResponse;

/**
 * RFC 4180 CSV of events (Jackson's CSV writer): one row per event, the header names are the JSON
 * field names. participants and sources are JSON arrays in one cell, tags are joined by ';'. Links are
 * not exported (they name events that an export of some events may not hold; the API answers them). Text
 * cells that a spreadsheet would run as a formula get a leading apostrophe (OWASP CSV injection).
 */
public final class EventCsv {

    public static final String MEDIA_TYPE = "text/csv";
    static final List<String> COLUMNS = List.of("id", "type", "occurredOn", "datePrecision", "title", "summary", "amount",
            "amountKind", "currency", "percentChange", "country", "participants", "tags", "sources", "externalId", "createdAt", "updatedAt",
            "version");

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA;

    static {
        CsvSchema.Builder builder = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        COLUMNS.forEach(builder::addColumn);
        SCHEMA = builder.build();
    }

    private final SequenceWriter rows;
    private final ObjectMapper json;

    EventCsv(OutputStream out, ObjectMapper json) throws IOException {
        Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.rows = CSV.writer(SCHEMA).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(writer);
        this.json = json;
    }

    void write(EventResponse e) throws IOException {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(e.id().toString());
        cells.add(e.type().name());
        cells.add(e.occurredOn().toString());
        cells.add(e.datePrecision().name());
        cells.add(text(e.title()));
        cells.add(text(e.summary()));
        cells.add(number(e.amount()));
        cells.add(e.amountKind() == null ? "" : e.amountKind().name());
        cells.add(e.currency() == null ? "" : e.currency());
        cells.add(number(e.percentChange()));
        cells.add(e.country() == null ? "" : e.country());
        cells.add(json.writeValueAsString(e.participants()));
        cells.add(String.join(";", e.tags()));
        cells.add(json.writeValueAsString(e.sources()));
        cells.add(text(e.externalId()));
        cells.add(e.createdAt().toString());
        cells.add(e.updatedAt().toString());
        cells.add(String.valueOf(e.version()));
        rows.write(cells);
    }

    void flush() throws IOException {
        rows.flush();
    }

    void close() throws IOException {
        rows.close();
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** Neutralises a cell a spreadsheet would evaluate: =, +, -, @, tab or carriage return first. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}

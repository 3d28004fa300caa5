package dev.chipevents.event.search;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.chipevents.event.EventResponse;
import dev.chipevents.event.ParticipantResponse;
import dev.chipevents.event.SourceDto;

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
    private static final TypeReference<List<ParticipantResponse>> PARTICIPANTS = new TypeReference<>() {
    };
    private static final TypeReference<List<SourceDto>> SOURCES = new TypeReference<>() {
    };

    static {
        CsvSchema.Builder builder = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        COLUMNS.forEach(builder::addColumn);
        SCHEMA = builder.build();
    }

    private final CsvGenerator rows;
    private final ObjectWriter participants;
    private final ObjectWriter sources;

    EventCsv(OutputStream out, ObjectMapper json) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.rows = CSV.getFactory().createGenerator(writer);
        rows.setSchema(SCHEMA);
        rows.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.participants = json.writerFor(PARTICIPANTS);
        this.sources = json.writerFor(SOURCES);
    }

    /** One row, cell by cell through Jackson's CSV generator (no list of cells, no serializer lookup per row). */
    void write(EventResponse e) throws IOException {
        rows.writeStartArray();
        rows.writeString(e.id().toString());
        rows.writeString(e.type().name());
        rows.writeString(e.occurredOn().toString());
        rows.writeString(e.datePrecision().name());
        rows.writeString(text(e.title()));
        rows.writeString(text(e.summary()));
        rows.writeString(number(e.amount()));
        rows.writeString(e.amountKind() == null ? "" : e.amountKind().name());
        rows.writeString(e.currency() == null ? "" : e.currency());
        rows.writeString(number(e.percentChange()));
        rows.writeString(e.country() == null ? "" : e.country());
        rows.writeString(participants.writeValueAsString(e.participants()));
        rows.writeString(String.join(";", e.tags()));
        rows.writeString(sources.writeValueAsString(e.sources()));
        rows.writeString(text(e.externalId()));
        rows.writeString(e.createdAt().toString());
        rows.writeString(e.updatedAt().toString());
        rows.writeString(String.valueOf(e.version()));
        rows.writeEndArray();
    }

    void flush() throws IOException {
        rows.flush();
    }

    /** Ends the document; the header alone when nothing matched. */
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

package dev.chipevents.event.search;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.chipevents.common.json.InstantText;
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

    static {
        CsvSchema.Builder builder = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        COLUMNS.forEach(builder::addColumn);
        SCHEMA = builder.build();
    }

    private final CsvGenerator rows;
    /** The JSON of one cell at a time: the text of {@link #cellJson}, emptied for each cell. */
    private final StringBuilder cell = new StringBuilder(512);
    private final JsonGenerator cellJson;

    EventCsv(OutputStream out, ObjectMapper json) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.rows = CSV.getFactory().createGenerator(writer);
        rows.setSchema(SCHEMA);
        rows.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.cellJson = json.getFactory().createGenerator(new CellWriter(cell));
        cellJson.setRootValueSeparator(null); // each cell is a document of its own: nothing between them
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
        rows.writeString(participants(e.participants()));
        rows.writeString(String.join(";", e.tags()));
        rows.writeString(sources(e.sources()));
        rows.writeString(text(e.externalId()));
        rows.writeString(InstantText.format(e.createdAt()));
        rows.writeString(InstantText.format(e.updatedAt()));
        rows.writeString(String.valueOf(e.version()));
        rows.writeEndArray();
    }

    /**
     * The participants as the JSON answer writes them (its field names and order, nulls kept), through one generator
     * for every row instead of a new one and a serializer per cell. EventCsvTest holds the two to the same text.
     */
    private String participants(List<ParticipantResponse> participants) throws IOException {
        cell.setLength(0);
        cellJson.writeStartArray();
        for (ParticipantResponse p : participants) {
            cellJson.writeStartObject();
            cellJson.writeStringField("companyId", p.companyId().toString());
            cellJson.writeStringField("name", p.name());
            cellJson.writeStringField("ticker", p.ticker());
            cellJson.writeStringField("role", p.role().name());
            cellJson.writeEndObject();
        }
        cellJson.writeEndArray();
        cellJson.flush();
        return cell.toString();
    }

    /** The sources as the JSON answer writes them, like {@link #participants}. */
    private String sources(List<SourceDto> sources) throws IOException {
        cell.setLength(0);
        cellJson.writeStartArray();
        for (SourceDto s : sources) {
            cellJson.writeStartObject();
            cellJson.writeStringField("url", s.url());
            cellJson.writeStringField("publisher", s.publisher());
            cellJson.writeStringField("title", s.title());
            cellJson.writeStringField("publishedOn", s.publishedOn() == null ? null : s.publishedOn().toString());
            cellJson.writeEndObject();
        }
        cellJson.writeEndArray();
        cellJson.flush();
        return cell.toString();
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

    /** A writer into a StringBuilder that the caller empties: no lock and no copy, unlike a StringWriter's buffer. */
    private static final class CellWriter extends Writer {

        private final StringBuilder text;

        CellWriter(StringBuilder text) {
            this.text = text;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String chars, int offset, int length) {
            text.append(chars, offset, offset + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
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

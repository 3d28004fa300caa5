package dev.chipevents.event;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * An event's participants (with their company's name and ticker), tags and sources as they are shown, kept as one JSON
 * text in the event's own row (column children_json, migration V18) beside the tables that hold them. A page or an
 * export reads them with the event's row instead of looking them up in three tables (and each participant's company)
 * for every event: on PostgreSQL those lookups cost four times the page's own rows ("Leads tried and kept" in
 * docs/benchmarks.md). The tables stay the truth the filters search; every write of an event, and a company's rename,
 * writes this copy in the same transaction.
 *
 * <p>The text is compact and positional: {@code {"p":[[companyId,name,ticker,role]...],"t":[tag...],
 * "s":[[url,publisher,title,publishedOn]...]}}, null where a value is absent. Migration V18 writes the same shape
 * with the database's own JSON functions, so the reader takes any spacing and any order of the three keys.
 */
public final class EventChildren {

    private static final JsonFactory JSON = new JsonFactory();

    /** What one event's copy holds, in the API's shapes. */
    public record Shown(List<ParticipantResponse> participants, List<String> tags, List<SourceDto> sources) {
    }

    private EventChildren() {
    }

    /** The copy of an entity's children, as they are after a write (or a company's rename) changed them. */
    public static String of(Event event) {
        return write(event.getParticipants().stream().map(EventMapper::participant).toList(), event.getTags(),
                event.getSources().stream().map(EventMapper::source).toList());
    }

    public static String write(List<ParticipantResponse> participants, List<String> tags, List<SourceDto> sources) {
        StringWriter text = new StringWriter(64 + 96 * participants.size() + 16 * tags.size() + 160 * sources.size());
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            out.writeArrayFieldStart("p");
            for (ParticipantResponse p : participants) {
                out.writeStartArray();
                out.writeString(p.companyId().toString());
                out.writeString(p.name());
                out.writeString(p.ticker());
                out.writeString(p.role().name());
                out.writeEndArray();
            }
            out.writeEndArray();
            out.writeArrayFieldStart("t");
            for (String tag : tags) {
                out.writeString(tag);
            }
            out.writeEndArray();
            out.writeArrayFieldStart("s");
            for (SourceDto s : sources) {
                out.writeStartArray();
                out.writeString(s.url());
                out.writeString(s.publisher());
                out.writeString(s.title());
                out.writeString(s.publishedOn() == null ? null : s.publishedOn().toString());
                out.writeEndArray();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Reads a copy back; a text that is not one fails loudly rather than showing an event without its children. */
    public static Shown read(String text) {
        List<ParticipantResponse> participants = List.of();
        List<String> tags = List.of();
        List<SourceDto> sources = List.of();
        try (JsonParser in = JSON.createParser(text)) {
            expect(in.nextToken(), JsonToken.START_OBJECT, text);
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String key = in.currentName();
                expect(in.nextToken(), JsonToken.START_ARRAY, text);
                switch (key) {
                    case "p" -> participants = participants(in, text);
                    case "t" -> tags = tags(in, text);
                    case "s" -> sources = sources(in, text);
                    default -> throw new IllegalStateException("unknown key '" + key + "' in an event's children: " + text);
                }
            }
            expect(in.currentToken(), JsonToken.END_OBJECT, text);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable children of an event: " + text, e);
        }
        return new Shown(participants, tags, sources);
    }

    private static List<ParticipantResponse> participants(JsonParser in, String text) throws IOException {
        List<ParticipantResponse> participants = new ArrayList<>(3);
        while (in.nextToken() == JsonToken.START_ARRAY) {
            UUID company = UUID.fromString(string(in, text));
            String name = string(in, text);
            String ticker = string(in, text);
            ParticipantRole role = ParticipantRole.valueOf(string(in, text));
            expect(in.nextToken(), JsonToken.END_ARRAY, text);
            participants.add(new ParticipantResponse(company, name, ticker, role));
        }
        expect(in.currentToken(), JsonToken.END_ARRAY, text);
        return participants;
    }

    private static List<String> tags(JsonParser in, String text) throws IOException {
        List<String> tags = new ArrayList<>(4);
        while (in.nextToken() == JsonToken.VALUE_STRING) {
            tags.add(in.getText());
        }
        expect(in.currentToken(), JsonToken.END_ARRAY, text);
        return tags;
    }

    private static List<SourceDto> sources(JsonParser in, String text) throws IOException {
        List<SourceDto> sources = new ArrayList<>(2);
        while (in.nextToken() == JsonToken.START_ARRAY) {
            String url = string(in, text);
            String publisher = string(in, text);
            String title = string(in, text);
            String publishedOn = string(in, text);
            expect(in.nextToken(), JsonToken.END_ARRAY, text);
            sources.add(new SourceDto(url, publisher, title, publishedOn == null ? null : LocalDate.parse(publishedOn)));
        }
        expect(in.currentToken(), JsonToken.END_ARRAY, text);
        return sources;
    }

    /** The next value, a string or null: anything else is not a copy this class or migration V18 wrote. */
    private static String string(JsonParser in, String text) throws IOException {
        JsonToken token = in.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(token, JsonToken.VALUE_STRING, text);
        return in.getText();
    }

    private static void expect(JsonToken actual, JsonToken expected, String text) {
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + " but found " + actual + " in an event's children: " + text);
        }
    }
}

package dev.chipevents.event.search;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import dev.chipevents.event.EventResponse;
import dev.chipevents.event.ParticipantResponse;
import dev.chipevents.event.SourceDto;

/**
 * RFC 5545 iCalendar of events, written as it goes: one all-day VEVENT per event, spanning its day, month,
 * quarter or year. UID is the event's id and SEQUENCE its version, so a calendar that subscribed to a
 * query updates the events it shows instead of adding copies. Text values are escaped (backslash,
 * semicolon, comma, line breaks) and every line is folded at 75 octets without splitting a UTF-8 character.
 */
final class EventCalendar {

    static final String MEDIA_TYPE = "text/calendar";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    private final Writer out;
    private final URI base;

    /** `base`: the service's address, for each event's URL. */
    EventCalendar(OutputStream out, URI base) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.base = base;
    }

    void begin(String name) throws IOException {
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:-//Chip Events//Chip Events API//EN");
        line("CALSCALE:GREGORIAN");
        line("NAME:" + text(name)); // RFC 7986
        line("X-WR-CALNAME:" + text(name)); // the name most calendar apps show
        line("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        line("X-PUBLISHED-TTL:PT1H");
    }

    void write(EventResponse e) throws IOException {
        line("BEGIN:VEVENT");
        line("UID:" + e.id());
        // Without a METHOD, DTSTAMP is the time the event was last changed (RFC 5545, 3.8.7.2).
        line("DTSTAMP:" + UTC.format(e.updatedAt()));
        line("DTSTART;VALUE=DATE:" + DATE.format(e.occurredOn()));
        line("DTEND;VALUE=DATE:" + DATE.format(end(e)));
        line("SUMMARY:" + text(e.title()));
        line("DESCRIPTION:" + text(description(e)));
        List<String> categories = new ArrayList<>();
        categories.add(text(e.type().name()));
        e.tags().forEach(tag -> categories.add(text(tag)));
        line("CATEGORIES:" + String.join(",", categories));
        line("URL:" + base.resolve("api/v1/events/" + e.id()));
        line("CREATED:" + UTC.format(e.createdAt()));
        line("LAST-MODIFIED:" + UTC.format(e.updatedAt()));
        line("SEQUENCE:" + e.version());
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }

    void end() throws IOException {
        line("END:VCALENDAR");
        out.flush();
    }

    void flush() throws IOException {
        out.flush();
    }

    /** The day after the event's period: DTEND of an all-day event is exclusive. */
    static LocalDate end(EventResponse e) {
        return switch (e.datePrecision()) {
            case DAY -> e.occurredOn().plusDays(1);
            case MONTH -> e.occurredOn().plusMonths(1);
            case QUARTER -> e.occurredOn().plusMonths(3);
            case YEAR -> e.occurredOn().plusYears(1);
        };
    }

    private static String description(EventResponse e) {
        StringBuilder text = new StringBuilder();
        if (e.summary() != null && !e.summary().isBlank()) {
            text.append(e.summary()).append("\n\n");
        }
        if (!e.participants().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (ParticipantResponse p : e.participants()) {
                names.add(p.name() + (p.ticker() == null ? "" : " (" + p.ticker() + ")"));
            }
            text.append("Participants: ").append(String.join(", ", names)).append('\n');
        }
        if (!e.sources().isEmpty()) {
            text.append("Sources:");
            for (SourceDto s : e.sources()) {
                text.append("\n- ").append(s.url());
                if (s.publisher() != null) {
                    text.append(" (").append(s.publisher()).append(s.publishedOn() == null ? "" : ", " + s.publishedOn()).append(')');
                }
            }
        }
        return text.toString().strip();
    }

    /** A TEXT value (RFC 5545, 3.3.11): backslash, semicolon and comma escaped, every line break as \n. */
    static String text(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                case '\r' -> {
                    escaped.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> escaped.append(c < 0x20 && c != '\t' || c == 0x7F ? ' ' : c);
            }
        }
        return escaped.toString();
    }

    /** A content line folded (RFC 5545, 3.1): at most 75 octets a line, continued after CRLF and a space, never inside a character. */
    static String fold(String line) {
        StringBuilder folded = new StringBuilder(line.length() + 16);
        int octets = 0;
        for (int i = 0; i < line.length();) {
            int codePoint = line.codePointAt(i);
            int width = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (octets + width > MAX_OCTETS) {
                folded.append("\r\n ");
                octets = 1;
            }
            folded.appendCodePoint(codePoint);
            octets += width;
            i += Character.charCount(codePoint);
        }
        return folded.append("\r\n").toString();
    }

    private void line(String line) throws IOException {
        out.write(fold(line));
    }
}

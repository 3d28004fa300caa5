package dev.chipevents.common.json;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * An instant as the text {@link Instant#toString()} gives (ISO 8601 in UTC: seconds always, then 3, 6 or 9 digits of
 * fraction when there is one), written without {@code DateTimeFormatter}, whose general printer was 8% of the JVM's
 * work for a page of events and of a CSV export ("Leads tried and kept" in docs/benchmarks.md). Years outside 0000 to
 * 9999 are left to {@link Instant#toString()}. The JSON answers write instants with it too (a serializer in place of
 * the JavaTimeModule's, which writes the same text).
 */
@Singleton
public class InstantText implements ObjectMapperCustomizer {

    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z in seconds since the epoch. */
    private static final long FIRST = -62_167_219_200L;
    private static final long LAST = 253_402_300_799L;
    private static final int SECONDS_A_DAY = 86_400;

    /** After the JavaTimeModule that Quarkus registers, so that this serializer is the one used. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("chip-events-instant-text").addSerializer(Instant.class, new Serializer()));
    }

    /** The same text as {@code instant.toString()}. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds > LAST) {
            return instant.toString();
        }
        long day = Math.floorDiv(seconds, SECONDS_A_DAY);
        int second = (int) Math.floorMod(seconds, SECONDS_A_DAY);
        LocalDate date = LocalDate.ofEpochDay(day);
        int nano = instant.getNano();
        char[] text = new char[30];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, second / 3600, 2);
        text[13] = ':';
        digits(text, 14, second / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, second % 60, 2);
        int end = 19;
        if (nano > 0) {
            text[end++] = '.';
            if (nano % 1_000_000 == 0) {
                digits(text, end, nano / 1_000_000, 3);
                end += 3;
            } else if (nano % 1_000 == 0) {
                digits(text, end, nano / 1_000, 6);
                end += 6;
            } else {
                digits(text, end, nano, 9);
                end += 9;
            }
        }
        text[end++] = 'Z';
        return new String(text, 0, end);
    }

    /** value as exactly `width` decimal digits, zeros first, at text[at]. */
    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    static final class Serializer extends StdScalarSerializer<Instant> {

        Serializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(format(value));
        }
    }
}

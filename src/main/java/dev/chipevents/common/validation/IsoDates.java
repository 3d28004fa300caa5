package dev.chipevents.common.validation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The one date format of the API: ISO 8601 yyyy-mm-dd, proleptic Gregorian, from 0001-01-01 to
 * 9999-12-31; both databases store every such day as it is. Signed or longer years, year 0, times and
 * impossible days are refused.
 */
public final class IsoDates {

    public static final LocalDate MIN = LocalDate.of(1, 1, 1);
    public static final LocalDate MAX = LocalDate.of(9999, 12, 31);
    /** What a client is told when a date is refused. */
    public static final String RULE = "must be a real calendar date in the form YYYY-MM-DD between 0001-01-01 and 9999-12-31";

    private static final Pattern SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private IsoDates() {
    }

    /** The day the text names, or null when it is not a yyyy-mm-dd date within the range. */
    public static LocalDate parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return date.isBefore(MIN) ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
